/**
 * Metadata sanity offline: converts each package directory (and the unpackaged test metadata) to Metadata API format
 * with the real `sf project convert source`, into a temporary folder, and fails on any conversion error. Then checks
 * what a deploy would carry: no TypeScript, tests or tool configs leaked past .forceignore, and every LWC bundle has
 * its compiled `<name>.js` (run `npm run build` first). The conversion and the payload rules are validate's
 * (scripts/validate/payload.ts); this script runs them over every source directory on its own.
 *
 *   tsx scripts/convertCheck.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnProcess } from './lib/process.ts';
import { PROJECT_ROOT } from './lib/projectRoot.ts';
import { checkPayload } from './validate/payload.ts';
import type { CheckResult } from './validate/result.ts';

interface SfdxProject {
  packageDirectories: { path: string; unpackagedMetadata?: { path: string } }[];
}

function sourceDirectories(): string[] {
  const project = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'sfdx-project.json'), 'utf8')) as SfdxProject;
  const directories = project.packageDirectories.flatMap((entry) => [entry.path, entry.unpackagedMetadata?.path ?? '']);
  return [...new Set(directories)].filter((directory) => directory && existsSync(path.join(PROJECT_ROOT, directory)));
}

async function main(): Promise<void> {
  const problems: string[] = [];
  for (const directory of sourceDirectories()) {
    const started = Date.now();
    const results: CheckResult[] = [];
    await checkPayload(spawnProcess, PROJECT_ROOT, directory, results);
    for (const result of results)
      problems.push(
        ...result.problems.map((problem) => `LOCAL_CONVERT_FAILED: ${directory}: ${result.check}: ${problem}`),
      );
    console.log(`• ${directory}: checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? 'Conversion check passed.' : `Conversion check failed: ${problems.length} problem(s).`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
