/**
 * Runs the Graph simulator as its own process: `tsx packages/dev-env/graph/main.ts --tenant FILE [--port N] [--page-size N]
 * [--public-base-url URL] [--no-auth]`. Prints one JSON line `{ "url", "credentials" }` when it listens.
 *
 * A separate process matters: the local org makes Apex callouts synchronously, which blocks its own event loop, so
 * the simulator must not share it. With an IPC channel (spawnGraphSimulator) the process ends when its parent does.
 */
import { startGraphSimulator } from './server.ts';
import { loadTenantFixture } from './tenantFixture.ts';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const tenantFile = argValue('--tenant');
if (!tenantFile) {
  console.error('LOCAL_GRAPH_USAGE: --tenant FILE is required');
  process.exit(2);
}

try {
  const simulator = await startGraphSimulator({
    fixture: loadTenantFixture(tenantFile),
    port: argValue('--port') ? Number(argValue('--port')) : 0,
    pageSize: argValue('--page-size') ? Number(argValue('--page-size')) : undefined,
    publicBaseUrl: argValue('--public-base-url'),
    requireAuth: !process.argv.includes('--no-auth'),
  });
  process.stdout.write(JSON.stringify({ url: simulator.url, credentials: simulator.credentials }) + '\n');
  const stop = (): void => {
    void simulator.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
