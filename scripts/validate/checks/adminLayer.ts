import { record, type CheckResult } from '../result.ts';
import { key, type SourceIndex } from '../sourceIndex.ts';

const CHECK = 'no admin-editable setting is a packaged component';
const OVERRIDES_FIELD = 'Overrides__c';

/**
 * Admin edits must live outside the package's components: an unlocked-package upgrade overwrites every component the
 * package ships, custom metadata records included (Salesforce DX Developer Guide, "Upgrade a Version of an Unlocked
 * Package", https://developer.salesforce.com/docs/platform/sfdx-dev/guide/sfdx-dev-unlocked-pkg-install-pkg-upgrade.md).
 * The admin screens write records whose DeveloperName starts with the prefix an Apex class declares as
 * `ADMIN_PREFIX = '…'` (EntraSyncConfigLayers). So: no shipped custom metadata record may carry that prefix (the
 * upgrade would overwrite the record the admin services write to), and every custom metadata type with shipped records
 * needs `Overrides__c`, or an admin could only change its defaults by editing the shipped records in place.
 * A package that declares no admin prefix has no admin layer, and nothing to check.
 */
export function checkAdminLayer(index: SourceIndex, results: CheckResult[]): void {
  const declaration = [...index.classes.values()]
    .filter((apexClass) => !apexClass.isTest)
    .map((apexClass) => ({ apexClass, match: /\bADMIN_PREFIX\s*=\s*'([^']+)'/.exec(apexClass.source) }))
    .find((found) => found.match);
  if (!declaration?.match) return;
  const prefix = declaration.match[1]!;
  const typesWithRecords = new Set<string>();
  for (const shipped of index.customMetadataRecords) {
    typesWithRecords.add(shipped.type);
    const developerName = shipped.name.split('.').slice(1).join('.');
    const problems = developerName.startsWith(prefix)
      ? [
          `${shipped.name} is shipped in the package but named like an admin record (${prefix}…, declared in ${declaration.apexClass.name}): a package upgrade would overwrite the admin's edits; rename it`,
        ]
      : [];
    record(results, CHECK, shipped.file, problems);
  }
  for (const type of typesWithRecords) {
    const object = index.objects.get(key(type));
    if (!object) continue;
    const problems = object.fields.has(key(OVERRIDES_FIELD))
      ? []
      : [
          `${type} ships records but has no ${OVERRIDES_FIELD} field: admins could only change its defaults by editing the shipped records, which an upgrade overwrites`,
        ];
    record(results, CHECK, object.file ?? index.root, problems);
  }
}
