import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived */
  output: string;
}

export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** copy the child's output to this process as it arrives, so long steps show progress (default false) */
  echo?: boolean;
}

/** The one seam through which scripts start other programs; tests pass a fake. */
export type ProcessRunner = (
  command: string,
  args: readonly string[],
  options?: ProcessOptions,
) => Promise<ProcessResult>;

/** Runs a program without a shell and captures its output, decoded as UTF-8 on the stream. */
export const spawnProcess: ProcessRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const output: string[] = [];
    // decoded on the stream, so a character split across two chunks stays whole
    const collect = (own: string[], target: NodeJS.WriteStream) => (chunk: string) => {
      own.push(chunk);
      output.push(chunk);
      if (options.echo) target.write(chunk);
    };
    child.stdout.setEncoding('utf8').on('data', collect(stdout, process.stdout));
    child.stderr.setEncoding('utf8').on('data', collect(stderr, process.stderr));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        exitCode: code ?? (signal ? 1 : 0),
        stdout: stdout.join(''),
        stderr: stderr.join(''),
        output: output.join(''),
      });
    });
  });

/** `spawnProcess` echoing the child's output by default: for test tiers and builds the user watches. */
export const runCommand: ProcessRunner = (command, args, options = {}) =>
  spawnProcess(command, args, { echo: true, ...options });
