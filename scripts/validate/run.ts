import path from 'node:path';
import type { ProcessRunner } from '../lib/process.ts';
import { packagedDirectory, readProjectJson } from '../org/lib/project.ts';
import { checkAdminLayer } from './checks/adminLayer.ts';
import { checkGrants } from './checks/grants.ts';
import { checkOptionalFeatureReferences } from './checks/optionalFeatures.ts';
import { checkPermissionDependencies } from './checks/permissionDependencies.ts';
import { checkProjectPaths } from './checks/project.ts';
import { checkReports } from './checks/reports.ts';
import { checkSecurityAndMetadata } from './checks/security.ts';
import { checkEntryPointSharing, checkSchedulableReferences } from './checks/sharing.ts';
import { checkTestIsolation } from './checks/testIsolation.ts';
import { checkUi } from './checks/ui.ts';
import { checkPayload } from './payload.ts';
import type { CheckResult } from './result.ts';
import { buildSourceIndex } from './sourceIndex.ts';

export interface ValidateOptions {
  /** run the real `sf project convert source` (about 3 s); off in fast unit tests */
  convert: boolean;
  runner?: ProcessRunner;
}

/** Every offline check of the packaged directory named in sfdx-project.json. */
export async function validateProject(projectDir: string, options: ValidateOptions): Promise<CheckResult[]> {
  const project = readProjectJson(projectDir);
  const packaged = packagedDirectory(project);
  const index = buildSourceIndex(path.join(projectDir, packaged.path));
  const results: CheckResult[] = [];
  checkProjectPaths(projectDir, project, results);
  checkReports(index, results);
  checkUi(index, results);
  checkSecurityAndMetadata(index, results);
  checkGrants(index, results);
  checkTestIsolation(index, results);
  checkAdminLayer(index, results);
  checkPermissionDependencies(index, results);
  checkEntryPointSharing(index, results);
  checkSchedulableReferences(index, results);
  checkOptionalFeatureReferences(index, results);
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
