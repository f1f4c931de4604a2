/**
 * Admin edits survive a package upgrade. An unlocked-package upgrade overwrites every component the package ships
 * and re-creates deleted ones (Salesforce DX Developer Guide, "Upgrade a Version of an Unlocked Package",
 * https://developer.salesforce.com/docs/platform/sfdx-dev/guide/sfdx-dev-unlocked-pkg-install-pkg-upgrade.md),
 * custom metadata records included. The admin screens therefore write admin records of their own (`Admin_…`), which
 * the package never ships; the selectors layer them over the shipped defaults. Here the admin edits settings, a
 * mapping and a rule through the admin API, the package's metadata is deployed again over the org as an upgrade
 * would, and the admin's choices are still the ones in effect.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalRuntime } from 'apex-local';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';
import { assignAdminPermissionSet } from '../../packages/dev-env/localRun/orgSetup.ts';

interface Effective {
  settings: string;
  mappings: string[];
  rules: string[];
}

function effectiveConfiguration(rt: LocalRuntime): Effective {
  const report = rt.runAnonymous(`
    EntraSyncSettings s = EntraSyncSettingsProvider.getInstance().getSettings();
    System.debug('S ' + s.usernameSuffix + '|' + s.guardMaxCount + '|' + s.onDisable);
    for (EntraSyncFieldMapping__mdt m : EntraSyncFieldMappingSelector.getInstance().getActiveMappings()) {
      System.debug('M ' + m.TargetField__c + '=' + m.Source__c);
    }
    for (EntraSyncProvisioningRule__mdt r : EntraSyncRuleSelector.getInstance().getActiveRules()) {
      System.debug('R ' + r.GroupId__c + ' ' + r.Profile__c + ' ' + r.Priority__c);
    }`);
  assert.equal(report.error, undefined, report.error?.message);
  const lines = report.debug.map((d) => d.message);
  return {
    settings: lines.find((l) => l.startsWith('S '))!.slice(2),
    mappings: lines.filter((l) => l.startsWith('M ')).map((l) => l.slice(2)),
    rules: lines.filter((l) => l.startsWith('R ')).map((l) => l.slice(2)),
  };
}

function callAdmin(rt: LocalRuntime, method: string, params: Record<string, unknown>): unknown {
  const result = rt.invokeAuraEnabled('EntraSyncAdminController', method, params);
  assert.ok(result.ok, `${method}: ${result.ok ? '' : result.error.message}`);
  return result.value;
}

test('settings, mapping and rule edits made through the admin API survive a redeploy of the package metadata', () => {
  const rt = LocalRuntime.load(PROJECT_DIR, { now: new Date('2026-03-02T10:00:00.000Z') });
  assignAdminPermissionSet(rt.org);
  const shipped = effectiveConfiguration(rt);
  assert.ok(
    shipped.mappings.some((m) => m.startsWith('MobilePhone=')),
    'the package ships a MobilePhone mapping',
  );

  callAdmin(rt, 'saveSettings', { values: { UsernameSuffix__c: '.uat', GuardMaxCount__c: 25 } });
  const mappings = callAdmin(rt, 'getMappings', {}) as { developerName: string; targetField: string }[];
  const mobile = mappings.find((m) => m.targetField === 'MobilePhone')!;
  callAdmin(rt, 'saveMapping', { mapping: { ...mobile, active: false } });
  const title = mappings.find((m) => m.targetField === 'Title')!;
  callAdmin(rt, 'saveMapping', { mapping: { ...title, source: 'Coalesce(jobTitle, department)' } });
  const options = callAdmin(rt, 'getRuleOptions', {}) as { profiles: { value: string }[] };
  callAdmin(rt, 'saveRule', {
    rule: { groupId: '*', priority: 10, licenceKind: 'Internal', profile: options.profiles[0]!.value, active: true },
  });

  const edited = effectiveConfiguration(rt);
  assert.equal(edited.settings, '.uat|25|Freeze', 'the admin settings win over the shipped Default');
  assert.ok(!edited.mappings.some((m) => m.startsWith('MobilePhone=')), 'the shipped mapping is switched off');
  assert.ok(edited.mappings.includes('Title=Coalesce(jobTitle, department)'), 'the edited mapping is in effect');
  assert.equal(edited.mappings.filter((m) => m.startsWith('Title=')).length, 1, 'the override replaces the default');
  assert.deepEqual(edited.rules, [`* ${options.profiles[0]!.value} 10`]);

  // A hand edit of a shipped record in place (what the admin screens did before) is what an upgrade wipes.
  rt.org.upsertCustomMetadata('EntraSyncSettings__mdt', 'Default', 'Default', { UsernameSuffix__c: '.lost' });
  assert.ok(rt.org.redeployCustomMetadata(PROJECT_DIR) > 0, 'the package metadata is deployed again');
  const [shippedDefault] = rt.query(
    "SELECT UsernameSuffix__c FROM EntraSyncSettings__mdt WHERE DeveloperName = 'Default'",
  );
  assert.equal(shippedDefault?.UsernameSuffix__c ?? null, null, 'the redeploy overwrote the shipped record');

  assert.deepEqual(effectiveConfiguration(rt), edited, "the admin's choices are unchanged after the upgrade");
  const adminRecords = rt.query(
    "SELECT DeveloperName FROM EntraSyncFieldMapping__mdt WHERE DeveloperName LIKE 'Admin_%' ORDER BY DeveloperName",
  );
  assert.deepEqual(
    adminRecords.map((r) => r.DeveloperName),
    ['Admin_MobilePhone', 'Admin_Title'],
  );
});
