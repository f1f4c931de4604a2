import { requiredPermissions, USER_PERMISSION_DEPENDENCIES } from '../permissionDependencies.ts';
import { record, type CheckResult } from '../result.ts';
import { key, type SourceIndex } from '../sourceIndex.ts';
import { children, text } from '../xml.ts';

/**
 * A permission set that enables a user permission without the permissions it depends on is rejected on deploy
 * (dependencies: scripts/validate/permissionDependencies.ts, each row citing its page).
 */
export function checkPermissionDependencies(index: SourceIndex, results: CheckResult[]): void {
  for (const permissionSet of index.permissionSets.values()) {
    const enabled = new Set(
      children(permissionSet.xml, 'userPermissions')
        .filter((grant) => text(grant, 'enabled') === 'true')
        .map((grant) => key(text(grant, 'name') ?? '')),
    );
    const problems: string[] = [];
    for (const row of USER_PERMISSION_DEPENDENCIES) {
      if (!enabled.has(key(row.permission))) continue;
      const missing = requiredPermissions(row.permission).filter((required) => !enabled.has(key(required)));
      if (missing.length > 0) {
        problems.push(`userPermissions ${row.permission}: needs ${missing.join(', ')} enabled too (${row.source})`);
      }
    }
    record(
      results,
      'each enabled user permission in a permission set has its dependencies',
      permissionSet.file,
      problems,
    );
  }
}
