/**
 * `npm start`: the whole product on one machine. Builds, starts the Microsoft Graph simulator with the Pinnacle
 * tenant, loads the package on the local org pointed at it, runs the scheduled job's first run to completion with a
 * progress bar and a summary, then serves the admin page and prints its URL.
 *
 *   npm start [-- --tenant FILE] [--port N] [--skip-build]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAdminUi } from '../ui/build.ts';
import { startUiServer, type UiServer } from '../ui/server.ts';
import { LocalRun, PROJECT_DIR } from '../localRun/localRun.ts';
import { formatRunSummary } from '../localRun/orgReport.ts';
import { progressPrinter } from '../localRun/progressBar.ts';
import { orgBridge, tenantBridge } from '../localRun/uiBridges.ts';

const DEFAULT_TENANT = fileURLToPath(new URL('../tenants/pinnacle.json', import.meta.url));
const DEFAULT_PORT = 4310;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function step(message: string): void {
  console.log(`\n▸ ${message}`);
}

async function main(): Promise<void> {
  const tenantFile = option('--tenant') ?? DEFAULT_TENANT;
  if (!process.argv.includes('--skip-build')) {
    step('Building (npm run build)');
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: PROJECT_DIR,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      console.error(
        'LOCAL_START_BUILD_FAILED: `npm run build` failed (see above). Fix it, or run `npm start -- --skip-build`.',
      );
      process.exit(1);
    }
  }

  step(`Starting the Microsoft Graph simulator and the local org (tenant ${tenantFile})`);
  const run = await LocalRun.start({ tenantFile });
  console.log(
    `  Graph simulator: ${run.simulator.url} · ${run.fixture.users.length} users, ${run.fixture.groups.length} groups, ${run.rules.length} rules`,
  );

  step("Running the scheduled job's first sync");
  const progress = progressPrinter();
  const outcome = await run.scheduleAndRunFirst((event) => progress.update(event));
  progress.done();
  console.log(formatRunSummary(outcome.run));
  const users = run.users();
  console.log(
    `  Salesforce users linked to Entra: ${users.length} (${users.filter((u) => u.IsActive).length} active, ${users.filter((u) => u.ContactId).length} external) · ${outcome.graphCallouts} Graph callouts · ${(outcome.wallMillis / 1000).toFixed(1)} s`,
  );
  const errors = run.errors();
  if (errors.length)
    console.log(
      `  ${errors.length} change(s) failed, e.g. ${errors[0].userPrincipalName}: ${errors[0].code} ${errors[0].message}`,
    );

  step('Building the admin page');
  const ui = await buildAdminUi({ compileLwc: process.argv.includes('--skip-build'), userId: run.org.adminUserId });
  for (const warning of ui.warnings) console.warn(`  ${warning}`);
  const server = await listen(run, ui.bundleFile);
  console.log(
    `\n  Entra User Sync admin page: ${server.url}\n  (Run now, dry run, "Simulate the weekly org update" in the Local tenant panel; Ctrl-C stops)`,
  );

  const stop = async (): Promise<void> => {
    await server.close();
    await run.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function listen(run: LocalRun, bundleFile: string): Promise<UiServer> {
  const requested = Number(option('--port') ?? process.env.PORT ?? DEFAULT_PORT);
  const options = {
    bundleFile,
    org: orgBridge(run),
    tenant: tenantBridge(run),
    onEvent: (message: string) => console.log(`  ${message}`),
  };
  try {
    return await startUiServer({ ...options, port: requested });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`  port ${requested} is in use; using a free one`);
    return startUiServer({ ...options, port: 0 });
  }
}

main().catch((error: Error) => {
  console.error(
    error.message.startsWith('LOCAL_') || error.message.startsWith('ENTRASYNC_')
      ? error.message
      : `LOCAL_START_FAILED: ${error.message}`,
  );
  process.exit(1);
});
