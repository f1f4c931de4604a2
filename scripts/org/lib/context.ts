import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportFailure } from './errors.ts';
import { spawnProcess, type ProcessRunner } from '../../lib/process.ts';
import { createSfClient, type SfClient } from './sf.ts';

/** Everything an org script needs from the outside world; tests build one with a fake runner. */
export interface ScriptContext {
  projectDir: string;
  argv: readonly string[];
  runner: ProcessRunner;
  sf: SfClient;
  log: (line: string) => void;
}

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function createContext(
  overrides: Partial<Omit<ScriptContext, 'sf'>> & { env?: NodeJS.ProcessEnv } = {},
): ScriptContext {
  const projectDir = overrides.projectDir ?? PROJECT_DIR;
  const runner = overrides.runner ?? spawnProcess;
  return {
    projectDir,
    argv: overrides.argv ?? process.argv.slice(2),
    runner,
    sf: createSfClient(runner, projectDir, overrides.env ?? process.env),
    log: overrides.log ?? ((line) => console.log(line)),
  };
}

/** Runs `main` when the module is the entry point (`tsx scripts/org/deploy.ts`), setting the exit code. */
export function runWhenEntryPoint(moduleUrl: string, main: (context: ScriptContext) => Promise<number>): void {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(path.resolve(entry)).href !== moduleUrl) return;
  main(createContext())
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.exitCode = reportFailure(error);
    });
}
