/**
 * `npm run sync -- --tenant FILE [--change-sets N] [--rules FILE] [--approve-held] [--json]`: headless local run.
 * Runs the initial sync (the scheduled job's first run), then applies each of the first N change sets of the fixture
 * and runs the scheduled job once after each. Prints `{ runs, users, errors }` as one JSON document with `--json`,
 * a readable summary otherwise. Exit code 0 when every run finished (Completed, CompletedWithErrors, or held for
 * approval), even with per-user errors; 1 when a run failed or the setup did.
 *
 * `--approve-held` approves a run the deactivation guard holds and runs it to completion (otherwise its
 * deactivations stay held while later runs go on for everything else and hold their own new deactivations too).
 */
import { LocalRun, type SyncOutcome } from '../localRun/localRun.ts';
import { formatRunSummary } from '../localRun/orgReport.ts';
import { progressPrinter } from '../localRun/progressBar.ts';
import { combineOutcomes, FINISHED_STATUSES, runEntry, type RunEntry as Run } from '../localRun/runEntry.ts';

interface Args {
  tenant: string;
  changeSets: number;
  rules?: string;
  json: boolean;
  approveHeld: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const tenant = value('--tenant');
  if (!tenant)
    throw new Error(
      'LOCAL_SYNC_USAGE: npm run sync -- --tenant FILE [--change-sets N] [--rules FILE] [--approve-held] [--json]',
    );
  const changeSets = Number(value('--change-sets') ?? 0);
  if (!Number.isInteger(changeSets) || changeSets < 0)
    throw new Error('LOCAL_SYNC_USAGE: --change-sets takes a whole number');
  return {
    tenant,
    changeSets,
    rules: value('--rules'),
    json: argv.includes('--json'),
    approveHeld: argv.includes('--approve-held'),
  };
}

interface RunEntry extends Run {
  after: string;
}

function entry(after: string, outcome: SyncOutcome): RunEntry {
  return { after, ...runEntry(outcome) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (message: string): void => {
    (args.json ? process.stderr : process.stdout).write(`${message}\n`);
  };
  const run = await LocalRun.start({ tenantFile: args.tenant, rulesFile: args.rules });
  const runs: RunEntry[] = [];
  try {
    const progress = progressPrinter(args.json ? process.stderr : process.stdout);
    const record = async (after: string, outcome: SyncOutcome): Promise<void> => {
      progress.done();
      log(formatRunSummary(outcome.run));
      runs.push(entry(after, outcome));
      if (args.approveHeld && outcome.run.status === 'AwaitingApproval') {
        log(`  approving ${outcome.run.name} (--approve-held)`);
        const approved = await run.approve(outcome.run.id, (event) => progress.update(event));
        progress.done();
        log(formatRunSummary(approved.run));
        runs[runs.length - 1] = entry(after, combineOutcomes(outcome, approved));
      }
    };

    await record('initial sync', await run.scheduleAndRunFirst((event) => progress.update(event)));
    for (let i = 0; i < args.changeSets; i++) {
      const applied = await run.applyNextChangeSet();
      if (!applied.applied) throw new Error(`LOCAL_SYNC_NO_CHANGE_SET: the fixture has only ${i} change set(s)`);
      log(`Entra: applied change set "${applied.applied}"`);
      await record(applied.applied, await run.runScheduled((event) => progress.update(event)));
    }

    const users = run.users();
    const errors = run.errors();
    if (args.json) process.stdout.write(JSON.stringify({ tenant: args.tenant, runs, users, errors }, null, 2) + '\n');
    else
      log(
        `${users.length} Salesforce users linked to Entra (${users.filter((u) => u.IsActive).length} active) · ${errors.length} failed change(s)`,
      );
    if (runs.some((r) => !FINISHED_STATUSES.has(r.status))) process.exitCode = 1;
  } finally {
    await run.stop();
  }
}

main().catch((error: Error) => {
  console.error(/^(LOCAL|ENTRASYNC)_/.test(error.message) ? error.message : `LOCAL_SYNC_FAILED: ${error.message}`);
  process.exit(1);
});
