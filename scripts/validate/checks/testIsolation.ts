import path from 'node:path';
import { record, type CheckResult } from '../result.ts';
import type { SourceIndex } from '../sourceIndex.ts';

/**
 * Test code stays out of the main folders: `@IsTest` classes live under `<package>/tests/`, which holds only Apex
 * classes (test-only metadata such as test users' permission sets or fixtures belongs in `unpackaged/`, which
 * sfdx-project.json marks as unpackagedMetadata, never installed).
 */
export function checkTestIsolation(index: SourceIndex, results: CheckResult[]): void {
  for (const apexClass of index.classes.values()) {
    const relative = path.relative(index.root, apexClass.file).split(path.sep).join('/');
    const inTests = relative.startsWith('tests/');
    const problems: string[] = [];
    if (apexClass.isTest && !inTests)
      problems.push(`@IsTest class ${apexClass.name} is outside ${path.basename(index.root)}/tests/`);
    if (!apexClass.isTest && inTests) {
      problems.push(
        `class ${apexClass.name} under tests/ is not @IsTest: it would ship as package code (move it to main/ or mark it @IsTest)`,
      );
    }
    record(results, 'test code only under tests/', apexClass.file, problems);
  }
  const strays = index.allFiles.filter(
    (file) => file.startsWith('tests/') && !/\/classes\/[^/]+\.cls(-meta\.xml)?$/.test(file),
  );
  for (const stray of strays) {
    record(results, 'test code only under tests/', path.join(index.root, stray), [
      `${stray} is not an Apex class: test-only metadata belongs in unpackaged/`,
    ]);
  }
}
