/**
 * The check "no admin-editable setting is a packaged component": an unlocked-package upgrade overwrites the package's
 * own components (Salesforce DX Developer Guide, "Upgrade a Version of an Unlocked Package"), so the records the admin
 * screens write must never be shipped ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureProject } from '../org/lib/fixtureProject.ts';
import { fixturePackageFiles } from './fixturePackage.ts';
import { formatValidation, validateProject } from './run.ts';

const P = 'force-app/main';
const LAYERS = `${P}/core/classes/EntraSyncConfigLayers.cls`;
const OVERRIDES = `${P}/sync/objects/EntraSyncSettings__mdt/fields/Overrides__c.field-meta.xml`;
const CHECK = 'no admin-editable setting is a packaged component';

async function adminLayerFailures(change: (files: Record<string, string>) => void): Promise<string[]> {
  const files = fixturePackageFiles();
  files[LAYERS] =
    "public inherited sharing class EntraSyncConfigLayers {\n    public static final String ADMIN_PREFIX = 'Admin_';\n}\n";
  files[`${LAYERS}-meta.xml`] =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';
  files[OVERRIDES] =
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Overrides__c</fullName><label>Overrides</label><type>Text</type><length>40</length><fieldManageability>SubscriberControlled</fieldManageability></CustomField>\n';
  change(files);
  const project = fixtureProject(files);
  try {
    const results = await validateProject(project.dir, { convert: false });
    return formatValidation(results, project.dir).lines.filter(
      (line) => line.startsWith('FAIL') && line.includes(CHECK),
    );
  } finally {
    project.remove();
  }
}

describe('validate: admin edits live outside the package components', () => {
  it('passes when shipped records avoid the admin prefix and their types can be overridden', async () => {
    assert.deepEqual(await adminLayerFailures(() => {}), []);
  });

  it('fails when the package ships a record named like the admin record the admin services write to', async () => {
    const failures = await adminLayerFailures((files) => {
      files[`${P}/sync/customMetadata/EntraSyncSettings.Admin_Default.md-meta.xml`] =
        files[`${P}/sync/customMetadata/EntraSyncSettings.Default.md-meta.xml`]!;
    });
    assert.equal(failures.length, 1);
    assert.match(
      failures[0]!,
      /EntraSyncSettings\.Admin_Default is shipped in the package but named like an admin record/,
    );
  });

  it('fails when a type with shipped defaults has no Overrides__c field', async () => {
    const failures = await adminLayerFailures((files) => {
      delete files[OVERRIDES];
    });
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /EntraSyncSettings__mdt ships records but has no Overrides__c field/);
  });
});
