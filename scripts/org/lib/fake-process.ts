import { subcommandOf } from './sf.js';
import type { ProcessOptions, ProcessResult, ProcessRunner } from './process.js';

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
  const runner: ProcessRunner = async (command, args, options): Promise<ProcessResult> => {
    calls.push({ command, args: [...args], options });
    if (command === 'npm') return { exitCode: buildExitCode, stdout: '', stderr: '' };
    const key = subcommandOf(args);
    const answer = Object.entries(answers).find(([prefix]) => key.startsWith(prefix))?.[1];
    if (!answer) return { exitCode: 1, stdout: '', stderr: `fake: no answer for sf ${key}` };
    return { exitCode: answer.status, stdout: JSON.stringify(answer), stderr: '' };
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
