/** Schema from sfdx source-format metadata (Metadata API: CustomObject, CustomField, CustomMetadata). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureOrg } from './testSupport.ts';

test('custom object fields carry type, length, required, unique/external id and restricted picklists', () => {
  const w = fixtureOrg().api.describe('widget__C')!;
  assert.equal(w.name, 'Widget__c');
  assert.equal(w.fields.code__c!.length, 10);
  assert.ok(w.fields.code__c!.unique && w.fields.code__c!.externalId);
  assert.deepEqual(w.fields.status__c!.picklistValues, ['New', 'Done']);
  assert.equal(w.fields.status__c!.restrictedPicklist, true);
  assert.equal(w.fields.status__c!.defaultValue, 'New');
  assert.equal(w.fields.name!.autoNumber, true);
  assert.ok(w.fields.ownerid, 'a non-detail custom object has OwnerId');
  assert.equal(w.isSetup, false);
});

test('master-detail: required child field, relationship names __r, child relationship on the parent', () => {
  const org = fixtureOrg();
  const f = org.api.describe('Part__c')!.fields.widget__c!;
  assert.equal(f.required, true);
  assert.equal(f.relationshipName, 'Widget__r');
  assert.equal(org.api.describe('Part__c')!.fields.ownerid, undefined);
  assert.deepEqual(org.api.describe('Widget__c')!.childRelationships, [
    { relationshipName: 'Parts__r', childObject: 'Part__c', field: 'Widget__c' },
  ]);
});

test('custom fields on standard objects join the standard describe (User.ExternalKey__c)', () => {
  const u = fixtureOrg().api.describe('User')!;
  assert.ok(u.fields.externalkey__c!.externalId);
  assert.equal(u.fields.alias!.length, 8);
  assert.equal(u.keyPrefix, '005');
  assert.equal(u.isSetup, true);
});

test('custom metadata types: records readable by SOQL with typed values; not DML-able', () => {
  const org = fixtureOrg();
  const [r] = org.query('SELECT DeveloperName, MasterLabel, Limit__c, Enabled__c FROM Setting__mdt');
  assert.equal(r!.DeveloperName, 'Default');
  assert.equal(r!.Limit__c, 42);
  assert.equal(r!.Enabled__c, true);
  assert.equal(org.api.describe('Setting__mdt')!.isCustomMetadata, true);
});

test('unpackaged metadata is loaded too (sfdx-project unpackagedMetadata)', () => {
  assert.ok(fixtureOrg().api.describe('Probe__c'));
});

test('redeployCustomMetadata overwrites the records the project ships and keeps records the org created (DX Developer Guide, "Upgrade a Version of an Unlocked Package")', () => {
  const org = fixtureOrg();
  org.upsertCustomMetadata('Setting__mdt', 'Default', 'Default', { Limit__c: 7, Enabled__c: false });
  org.upsertCustomMetadata('Setting__mdt', 'Org_Own', 'Org own', { Limit__c: 9, Enabled__c: true });
  assert.equal(org.redeployCustomMetadata(), 1);
  const rows = org.query('SELECT DeveloperName, Limit__c, Enabled__c FROM Setting__mdt ORDER BY DeveloperName');
  assert.deepEqual(
    rows.map((r) => [r.DeveloperName, r.Limit__c, r.Enabled__c]),
    [
      ['Default', 42, true],
      ['Org_Own', 9, true],
    ],
  );
});
