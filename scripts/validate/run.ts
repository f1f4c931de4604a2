import path from 'node:path';
import type { ProcessRunner } from '../org/lib/process.js';
import { packagedDirectory, readProjectJson } from '../org/lib/project.js';
import { checkGrants } from './checks/grants.js';
import { checkReports } from './checks/reports.js';
import { checkSecurityAndMetadata } from './checks/security.js';
import { checkTestIsolation } from './checks/test-isolation.js';
import { checkUi } from './checks/ui.js';
import { checkPayload } from './payload.js';
import type { CheckResult } from './result.js';
import { buildSourceIndex } from './source-index.js';

export interface ValidateOptions {
  /** run the real `sf project convert source` (about 3 s); off in fast unit tests */
  convert: boolean;
  runner?: ProcessRunner;
}

/** Every offline check of the packaged directory named in sfdx-project.json. */
export async function validateProject(projectDir: string, options: ValidateOptions): Promise<CheckResult[]> {
  const packaged = packagedDirectory(readProjectJson(projectDir));
  const index = buildSourceIndex(path.join(projectDir, packaged.path));
  const results: CheckResult[] = [];
  checkReports(index, results);
  checkUi(index, results);
  checkSecurityAndMetadata(index, results);
  checkGrants(index, results);
  checkTestIsolation(index, results);
  if (options.convert) {
    if (!options.runner) throw new Error('validateProject: convert needs a process runner');
    await checkPayload(options.runner, projectDir, packaged.path, results);
  }
  return results;
}

/** `FAIL <check> <file>: <problem>` per problem, then `validate: N checks passed, N failed` and `N passed, N failed`. */
export function formatValidation(
  results: readonly CheckResult[],
  projectDir: string,
  verbose = false,
): { lines: string[]; failed: number } {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    const file = path.relative(projectDir, result.file) || result.file;
    if (result.problems.length === 0) {
      passed++;
      if (verbose) lines.push(`PASS ${result.check} — ${file}`);
      continue;
    }
    failed++;
    for (const problem of result.problems) lines.push(`FAIL ${result.check} — ${file}: ${problem}`);
  }
  lines.push(`validate: ${passed} checks passed, ${failed} failed`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, failed };
}
