import { subcommandOf } from './sf.ts';
import type { ProcessOptions, ProcessResult, ProcessRunner } from '../../lib/process.ts';

/** Test support: a ProcessRunner that records every call and answers `sf` commands from a script of JSON envelopes. */
export interface RecordedCall {
  command: string;
  args: string[];
  options: ProcessOptions;
}

export type SfAnswer = { status: number; result?: unknown; name?: string; message?: string };

export function fakeProcessRunner(
  answers: Record<string, SfAnswer>,
  buildExitCode = 0,
): {
  runner: ProcessRunner;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const result = (exitCode: number, stdout: string, stderr = ''): ProcessResult => ({
    exitCode,
    stdout,
    stderr,
    output: stdout + stderr,
  });
  const runner: ProcessRunner = async (command, args, options = {}) => {
    calls.push({ command, args: [...args], options });
    if (command === 'npm') return result(buildExitCode, '');
    const key = subcommandOf(args);
    const answer = Object.entries(answers).find(([prefix]) => key.startsWith(prefix))?.[1];
    if (!answer) return result(1, '', `fake: no answer for sf ${key}`);
    return result(answer.status, JSON.stringify(answer));
  };
  return { runner, calls };
}

/** The sf sub-command of a recorded call, e.g. `project deploy start`. */
export function sfCommandOf(call: RecordedCall): string {
  return subcommandOf(call.args);
}

/** The value after a flag in a recorded argument list. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
