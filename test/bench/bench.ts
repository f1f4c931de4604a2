/**
 * `npm run bench [-- --full] [--tiers 1000,10000] [--json]`: scale benchmark on the local org. For generated tenants
 * of 1,000 and 10,000 users (and 100,000 with --full), deterministic seed: the initial sync and an incremental run of
 * 1,000 changes. Reports Graph callouts, async transactions, per-stage peak share of each governor limit and wall
 * time, as a table and as JSON (.tmp/bench/report.json). Goals (issue 6): ≤ 110 callouts and ≤ 505 transactions for
 * the 100k initial sync, ≤ 8 transactions for 1,000 changes, no stage above 50 % of any limit, and no stage above
 * 50 % of the CPU limit even at five times the local org's CPU model (the model is an estimate: apex-local's
 * DIVERGENCES.md, "CPU"). It starts with the interpreter's throughput (statements/s) and the package's Apex suite time
 * (packages/apex-local/src/bench/interpreterBench.ts). `--full` also checks the safety invariants on 1,000 generated
 * histories (test/property; CI runs 200).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalRun, PROJECT_DIR, type SyncOutcome } from '../../packages/dev-env/localRun/localRun.ts';
import { runCommand } from '../../scripts/lib/process.ts';
import { benchApexSuite, benchInterpreter } from 'apex-local';
import { benchTenant } from './benchTenant.ts';
import { REPORTED_LIMITS, stagePeaks, worstShare, type StagePeaks } from './stageLimits.ts';

const OUT_DIR = path.join(PROJECT_DIR, '.tmp', 'bench');
/** the CPU model's safety margin: a stage must stay within half the CPU limit even if real Apex costs this much more */
const CPU_MODEL_FACTOR = 5;
const FULL_PROPERTY_RUNS = 1000;

interface Measurement {
  tier: number;
  phase: 'initial' | 'incremental';
  status: string;
  /** the run's error when it did not complete */
  error: string | null;
  graphCallouts: number;
  asyncTransactions: number;
  /** of which finalizer transactions (each Queueable's System.Finalizer runs as its own transaction) */
  finalizerTransactions: number;
  wallSeconds: number;
  counters: Record<string, number>;
  stagePeaks: StagePeaks;
  worst: { stage: string; limit: string; share: number };
}

function tiers(): number[] {
  const index = process.argv.indexOf('--tiers');
  if (index >= 0) return process.argv[index + 1].split(',').map(Number);
  return process.argv.includes('--full') ? [1000, 10000, 100000] : [1000, 10000];
}

function measure(tier: number, phase: Measurement['phase'], outcome: SyncOutcome): Measurement {
  const peaks = stagePeaks(outcome.transactions);
  return {
    tier,
    phase,
    status: outcome.run.status,
    error: outcome.run.errorCode ? `${outcome.run.errorCode}: ${outcome.run.errorMessage ?? ''}` : null,
    graphCallouts: outcome.graphCallouts,
    asyncTransactions: outcome.transactions.length,
    finalizerTransactions: outcome.transactions.filter((t) => t.label.startsWith('Finalizer')).length,
    wallSeconds: Math.round(outcome.wallMillis / 100) / 10,
    counters: outcome.run.counters,
    stagePeaks: peaks,
    worst: worstShare(peaks),
  };
}

async function benchTier(tier: number): Promise<Measurement[]> {
  const tenantFile = path.join(OUT_DIR, `tenant-${tier}.json`);
  writeFileSync(tenantFile, JSON.stringify(benchTenant(tier)));
  const run = await LocalRun.start({ tenantFile, maxTransactionsPerRun: 20000 });
  try {
    const initial = measure(tier, 'initial', await run.scheduleAndRunFirst());
    report(initial);
    await run.applyNextChangeSet();
    const incremental = measure(tier, 'incremental', await run.runScheduled());
    report(incremental);
    return [initial, incremental];
  } finally {
    await run.stop();
  }
}

const pct = (share: number | undefined): string =>
  share === undefined ? '   -' : `${Math.round(share * 100)}%`.padStart(4);

function report(m: Measurement): void {
  const log = (line: string): void =>
    void (process.argv.includes('--json') ? process.stderr : process.stdout).write(line + '\n');
  log(
    `\n${m.tier.toLocaleString('en')} users · ${m.phase}: ${m.status} · ${m.graphCallouts} Graph callouts · ${m.asyncTransactions} async transactions (${m.finalizerTransactions} of them finalizers) · ${m.wallSeconds} s`,
  );
  if (m.error) log(`  ${m.error.slice(0, 300)}`);
  const cpuTitle = `CPU ×${CPU_MODEL_FACTOR}`;
  log(
    `  ${'stage'.padEnd(14)}${REPORTED_LIMITS.map(([, title]) => title.padStart(13)).join('')}${cpuTitle.padStart(13)}`,
  );
  for (const [stage, limits] of Object.entries(m.stagePeaks))
    log(
      `  ${stage.padEnd(14)}${REPORTED_LIMITS.map(([name]) => pct(limits[name]).padStart(13)).join('')}` +
        pct(cpuAtFactor(limits)).padStart(13),
    );
}

function cpuAtFactor(limits: Record<string, number>): number | undefined {
  return limits.CpuTime === undefined ? undefined : limits.CpuTime * CPU_MODEL_FACTOR;
}

/** the stage whose CPU share is highest, at the model */
function worstCpu(m: Measurement): { stage: string; share: number } {
  let worst = { stage: '-', share: 0 };
  for (const [stage, limits] of Object.entries(m.stagePeaks))
    if ((limits.CpuTime ?? 0) > worst.share) worst = { stage, share: limits.CpuTime };
  return worst;
}

/**
 * The transaction goals count the pipeline's stage transactions (DESIGN.md §3: "each stage is one Queueable
 * transaction"); each stage's System.Finalizer also runs as a transaction of its own, so those are always shown beside.
 */
function stageTransactions(m: Measurement): number {
  return m.asyncTransactions - m.finalizerTransactions;
}

function transactionsValue(m: Measurement): string {
  return `${stageTransactions(m)} (+ ${m.finalizerTransactions} finalizer transactions)`;
}

function goals(measurements: Measurement[]): { goal: string; met: boolean; value: string }[] {
  const result: { goal: string; met: boolean; value: string }[] = [];
  const big = measurements.find((m) => m.tier === 100000 && m.phase === 'initial');
  if (big) {
    result.push({
      goal: '100k initial sync ≤ 110 Graph callouts',
      met: big.graphCallouts <= 110,
      value: String(big.graphCallouts),
    });
    result.push({
      goal: '100k initial sync ≤ 505 stage transactions',
      met: stageTransactions(big) <= 505,
      value: transactionsValue(big),
    });
  }
  for (const m of measurements.filter((x) => x.phase === 'incremental'))
    result.push({
      goal: `${m.tier} users: 1,000 changes in ≤ 8 stage transactions`,
      met: stageTransactions(m) <= 8,
      value: transactionsValue(m),
    });
  for (const m of measurements) {
    result.push({
      goal: `${m.tier} users ${m.phase}: no stage above 50 % of any limit`,
      met: m.worst.share <= 0.5,
      value: `${pct(m.worst.share).trim()} (${m.worst.stage}, ${m.worst.limit})`,
    });
    const cpu = worstCpu(m);
    result.push({
      goal: `${m.tier} users ${m.phase}: no stage above 50 % of the CPU limit at ${CPU_MODEL_FACTOR}× the CPU model`,
      met: cpu.share * CPU_MODEL_FACTOR <= 0.5,
      value: `${pct(cpu.share * CPU_MODEL_FACTOR).trim()} (${cpu.stage}; ${pct(cpu.share).trim()} at the model)`,
    });
  }
  return result;
}

mkdirSync(OUT_DIR, { recursive: true });
const out = process.argv.includes('--json') ? process.stderr : process.stdout;
// Interpreter throughput and the package's Apex suite time first, so a runtime regression shows beside the scale numbers.
const interpreter = benchInterpreter();
out.write(
  `Interpreter: ${interpreter.statements} statements in ${interpreter.ms} ms = ${interpreter.statementsPerSecond} statements/s\n`,
);
const apexSuite = benchApexSuite(PROJECT_DIR);
out.write(
  `Apex suite: ${apexSuite.passed}/${apexSuite.tests} passed, load ${apexSuite.loadMs} ms, run ${apexSuite.runMs} ms, ` +
    `${apexSuite.statementsPerSecond} statements/s\n\n`,
);
const measurements: Measurement[] = [];
for (const tier of tiers()) measurements.push(...(await benchTier(tier)));
const goalResults = goals(measurements);
if (process.argv.includes('--full')) {
  out.write(`\nSafety invariants on ${FULL_PROPERTY_RUNS} generated histories (test/property)\n`);
  const property = await runCommand(
    process.execPath,
    ['--import', 'tsx', '--test', 'test/property/invariants.test.ts'],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, PROPERTY_RUNS: String(FULL_PROPERTY_RUNS) },
      echo: !process.argv.includes('--json'),
    },
  );
  goalResults.push({
    goal: `safety invariants hold on ${FULL_PROPERTY_RUNS} generated histories`,
    met: property.exitCode === 0,
    value: property.exitCode === 0 ? 'held' : 'a counterexample was found (see the output above)',
  });
}
out.write('\nGoals\n');
for (const g of goalResults) out.write(`  ${g.met ? 'met   ' : 'MISSED'} ${g.goal}: ${g.value}\n`);
const document = { generatedAt: new Date().toISOString(), interpreter, apexSuite, measurements, goals: goalResults };
writeFileSync(path.join(OUT_DIR, 'report.json'), JSON.stringify(document, null, 2));
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(document, null, 2) + '\n');
else out.write(`\nJSON report: ${path.relative(PROJECT_DIR, path.join(OUT_DIR, 'report.json'))}\n`);
