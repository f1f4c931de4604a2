import { EntraSyncError } from './errors.ts';
import type { ProcessRunner } from '../../lib/process.ts';

/**
 * `npm run build` compiles the LWC TypeScript to the `.js` the platform needs and generates the custom-metadata
 * records from the TypeScript mapping definitions. Neither is committed, so anything that deploys builds first.
 */
export async function runBuild(runner: ProcessRunner, projectDir: string, log: (line: string) => void): Promise<void> {
  log('› npm run build (compiled LWC + generated custom metadata)');
  const outcome = await runner('npm', ['run', 'build'], { cwd: projectDir, echo: true });
  if (outcome.exitCode !== 0) {
    throw new EntraSyncError(
      'ENTRASYNC_BUILD_FAILED',
      `npm run build exited with ${outcome.exitCode}; nothing was deployed.`,
    );
  }
}
