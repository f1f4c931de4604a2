import { existsSync } from 'node:fs';
import path from 'node:path';
import { withQuietSf } from '../../lib/sfEnvironment.ts';
import { EntraSyncError } from './errors.ts';
import type { ProcessRunner } from '../../lib/process.ts';

/** Every `sf` call from the project's scripts runs with the quiet variables (scripts/lib/sfEnvironment.ts). */
export function sfEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return withQuietSf(base);
}

/** The project's pinned CLI (node_modules/.bin/sf) when installed, else `sf` from PATH. */
export function sfExecutable(projectDir: string, exists: (file: string) => boolean = existsSync): string {
  const pinned = path.join(projectDir, 'node_modules', '.bin', 'sf');
  return exists(pinned) ? pinned : 'sf';
}

/** The envelope every `sf … --json` command prints. */
export interface SfJsonEnvelope<T> {
  status: number;
  result?: T;
  name?: string;
  message?: string;
  warnings?: string[];
}

export interface SfCallOptions {
  /** accept a non-zero status when a result is present (e.g. `apex run test` exits 100 when a test fails) */
  acceptResultOnFailure?: boolean;
}

export interface SfClient {
  run<T>(args: readonly string[], options?: SfCallOptions): Promise<SfJsonEnvelope<T>>;
}

/** Always adds `--json` so the answer is machine-readable; a missing or unreadable answer is an error with a code. */
export function withJsonFlag(args: readonly string[]): string[] {
  return args.includes('--json') ? [...args] : [...args, '--json'];
}

/** The leading words of an argument list, e.g. `project deploy start`. */
export function subcommandOf(args: readonly string[]): string {
  const index = args.findIndex((arg) => arg.startsWith('-'));
  return (index < 0 ? args : args.slice(0, index)).join(' ');
}

export function parseSfOutput<T>(command: string, stdout: string, stderr: string): SfJsonEnvelope<T> {
  const start = stdout.indexOf('{');
  if (start < 0) {
    throw new EntraSyncError(
      'ENTRASYNC_SF_NO_JSON',
      `"sf ${command}" printed no JSON answer. ${lastLines(stderr || stdout, 5)}`.trim(),
    );
  }
  try {
    return JSON.parse(stdout.slice(start)) as SfJsonEnvelope<T>;
  } catch {
    throw new EntraSyncError(
      'ENTRASYNC_SF_NO_JSON',
      `"sf ${command}" printed unreadable JSON. ${lastLines(stdout, 5)}`,
    );
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}

export function createSfClient(
  runner: ProcessRunner,
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
): SfClient {
  const executable = sfExecutable(projectDir);
  return {
    async run<T>(args: readonly string[], options: SfCallOptions = {}): Promise<SfJsonEnvelope<T>> {
      const fullArgs = withJsonFlag(args);
      const command = subcommandOf(args);
      const outcome = await runner(executable, fullArgs, { cwd: projectDir, env: sfEnvironment(env) });
      const envelope = parseSfOutput<T>(command, outcome.stdout, outcome.stderr);
      const failed = envelope.status !== 0 || outcome.exitCode !== 0;
      if (failed && !(options.acceptResultOnFailure && envelope.result !== undefined)) {
        throw new EntraSyncError(
          'ENTRASYNC_SF_FAILED',
          `"sf ${command}" failed${envelope.name ? ` (${envelope.name})` : ''}: ${envelope.message ?? 'no message'}`,
        );
      }
      return envelope;
    },
  };
}
