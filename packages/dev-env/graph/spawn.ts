/**
 * Starts the Graph simulator in a child process (see main.ts for why) and hands back its URL, credentials and a
 * control client. `stop()` ends it; it also ends on its own when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ClientCredentials } from './auth.ts';
import { SimulatorControl } from './controlClient.ts';

export interface SpawnedSimulator {
  url: string;
  credentials: ClientCredentials;
  control: SimulatorControl;
  process: ChildProcess;
  /** what the simulator wrote to stderr (crashes, internal errors) */
  stderr(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  tenantFile: string;
  pageSize?: number;
  publicBaseUrl?: string;
  requireAuth?: boolean;
}

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export async function spawnGraphSimulator(options: SpawnOptions): Promise<SpawnedSimulator> {
  const args = ['--import', 'tsx', MAIN, '--tenant', options.tenantFile];
  if (options.pageSize) args.push('--page-size', String(options.pageSize));
  if (options.publicBaseUrl) args.push('--public-base-url', options.publicBaseUrl);
  if (options.requireAuth === false) args.push('--no-auth');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const ready = await new Promise<{ url: string; credentials: ClientCredentials }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line) as { url: string; credentials: ClientCredentials });
      } catch {
        reject(new Error(`LOCAL_GRAPH_START_FAILED: unexpected output '${line}'`));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`LOCAL_GRAPH_START_FAILED: the simulator exited with ${code}: ${stderr.trim()}`)),
    );
  });
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  child.channel?.unref();

  return {
    ...ready,
    control: new SimulatorControl(ready.url),
    process: child,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.ref(); // keep this process alive until the simulator has exited
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
