/**
 * `npm run scenario -- FILE.json [--json]`: plays a scenario (packages/dev-env/scenarios/README.md) — a tenant
 * fixture and steps such as runs, Entra changes, Graph faults, Salesforce-side edits and approvals — on the package's
 * real Apex against the local Graph simulator. With `--json` it prints one JSON document
 * `{ scenario, tenant, steps, users, errors }` (`users` and `errors` as `npm run sync -- --json` prints them);
 * otherwise a readable account of each step and a summary. Exit code 0 when every step was carried out (whatever
 * status its runs ended in), 1 when a step could not be (it and the steps after it are reported) or the scenario
 * file is invalid.
 */
import { progressPrinter } from '../localRun/progressBar.ts';
import { runScenario, type ScenarioResult } from '../scenario/runScenario.ts';
import { loadScenario } from '../scenario/scenarioFile.ts';

const USAGE = 'LOCAL_SCENARIO_USAGE: npm run scenario -- FILE.json [--json]';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) throw new Error(USAGE);
  const scenario = loadScenario(files[0]);
  const out = json ? process.stderr : process.stdout;
  const progress = progressPrinter(out);
  const result = await runScenario(scenario, {
    log: (message) => out.write(`${message}\n`),
    onProgress: (event) => progress.update(event),
    onRunDone: () => progress.done(),
  });
  if (json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(readableSummary(result));
  if (result.steps.some((s) => s.outcome !== 'done')) process.exitCode = 1;
}

function readableSummary(result: ScenarioResult): string {
  const lines = ['', `Scenario ${result.scenario}`];
  for (const step of result.steps) {
    const what = step.status
      ? `${step.run} ${step.status}${step.errorCode ? ` (${step.errorCode})` : ''}`
      : step.outcome === 'failed'
        ? step.error
        : step.outcome === 'notRun'
          ? 'not run'
          : 'done';
    lines.push(`  ${String(step.index).padStart(2)}. ${step.kind.padEnd(17)} ${what}`);
    const failed = (step.detail?.failedTransactions ?? []) as { transaction: string; type: string; message: string }[];
    for (const t of failed) lines.push(`        ${t.transaction}: ${t.type}: ${t.message.slice(0, 200)}`);
  }
  const active = result.users.filter((u) => u.IsActive).length;
  lines.push(
    `${result.users.length} Salesforce users linked to Entra (${active} active) · ${result.errors.length} failed change(s)`,
    '',
  );
  return lines.join('\n');
}

main().catch((error: Error) => {
  console.error(/^(LOCAL|ENTRASYNC)_/.test(error.message) ? error.message : `LOCAL_SCENARIO_FAILED: ${error.message}`);
  process.exit(1);
});
