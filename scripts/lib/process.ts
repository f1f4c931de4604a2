import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  /** stdout and stderr interleaved as they arrived */
  output: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** copy the child's output to this process as it arrives (default true) */
  echo?: boolean;
}

/**
 * Runs a program without a shell and captures its output while (by default) echoing it, so long tiers show progress
 * and the caller can still parse their summary lines.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  const echo = options.echo ?? true;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: string[] = [];
    const collect = (target: NodeJS.WriteStream) => (chunk: string) => {
      chunks.push(chunk);
      if (echo) target.write(chunk);
    };
    // decode as UTF-8 on the stream so a character split across two chunks stays whole
    child.stdout.setEncoding('utf8').on('data', collect(process.stdout));
    child.stderr.setEncoding('utf8').on('data', collect(process.stderr));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ exitCode: code ?? (signal ? 1 : 0), output: chunks.join('') });
    });
  });
}
