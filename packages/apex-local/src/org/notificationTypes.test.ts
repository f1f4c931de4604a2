/**
 * CustomNotificationType rows come from the project's `.notiftype-meta.xml` files (Object Reference,
 * "CustomNotificationType": CustomNotifTypeName, Description, Desktop, Mobile, DeveloperName, MasterLabel, Language,
 * NamespacePrefix; Metadata API "CustomNotificationType": customNotifTypeName, description, desktop, masterLabel, mobile).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, inTransaction, rec } from './testSupport.ts';

test('CustomNotificationType: one row per notiftype file, DeveloperName from the file name', () => {
  const rows = fixtureOrg().query(
    'SELECT Id, DeveloperName, MasterLabel, CustomNotifTypeName, Description, Desktop, Mobile, IsSlack, ' +
      'Language, NamespacePrefix FROM CustomNotificationType',
  );
  assert.equal(rows.length, 1);
  const [t] = rows;
  assert.match(String(t!.Id), /^0ML/);
  assert.equal(t!.DeveloperName, 'PartAlert');
  assert.equal(t!.MasterLabel, 'Part alert label');
  assert.equal(t!.CustomNotifTypeName, 'Part alert');
  assert.equal(t!.Description, 'A part needs attention.');
  assert.equal(t!.Desktop, true);
  assert.equal(t!.Mobile, false);
  assert.equal(t!.IsSlack, false);
  assert.equal(t!.Language, 'en_US');
  assert.equal(t!.NamespacePrefix, null);
});

test('CustomNotificationType: the lookup by DeveloperName Apex does before sending finds it, in any case', () => {
  const org = fixtureOrg();
  assert.equal(org.query("SELECT Id FROM CustomNotificationType WHERE DeveloperName = 'partalert'").length, 1);
  assert.equal(org.query("SELECT Id FROM CustomNotificationType WHERE DeveloperName = 'Missing'").length, 0);
});

test('CustomNotificationType is read-only setup metadata: DML from Apex is not allowed', () => {
  const org = fixtureOrg();
  assert.throws(
    () =>
      inTransaction(org, () =>
        org.api.dml({
          op: 'insert',
          objectName: 'CustomNotificationType',
          records: [rec('CustomNotificationType', {})],
          allOrNone: true,
        }),
      ),
    (e: unknown) => e instanceof OrgError && e.message === 'DML operation Insert not allowed on CustomNotificationType',
  );
});
