import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SfdxProjectJson } from '../../org/lib/project.ts';
import { record, type CheckResult } from '../result.ts';

/**
 * Every directory sfdx-project.json names must exist: `sf package version create` stops on a package directory or an
 * `unpackagedMetadata.path` that is not on disk. Source: DX Developer Guide, "Specify Unpackaged Metadata or Apex Access
 * for Apex Tests (Unlocked Packages)" (https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/
 * sfdx_dev_unlocked_pkg_unpackaged_md.htm): the path holds metadata "necessary for Apex test runs" that "isn't
 * included in the package".
 */
export function checkProjectPaths(projectDir: string, project: SfdxProjectJson, results: CheckResult[]): void {
  const file = path.join(projectDir, 'sfdx-project.json');
  const problems: string[] = [];
  const isDirectory = (relative: string): boolean => {
    const absolute = path.join(projectDir, relative);
    return existsSync(absolute) && statSync(absolute).isDirectory();
  };
  for (const directory of project.packageDirectories) {
    if (!isDirectory(directory.path)) problems.push(`packageDirectories path ${directory.path}: no such directory`);
    const unpackaged = directory.unpackagedMetadata?.path;
    if (unpackaged !== undefined && !isDirectory(unpackaged)) {
      problems.push(
        `packageDirectories[${directory.path}].unpackagedMetadata.path ${unpackaged}: no such directory — ` +
          '`sf package version create` stops on it; create it with the test-only metadata or remove the entry',
      );
    }
  }
  record(results, 'unpackaged paths exist', file, problems);
}
