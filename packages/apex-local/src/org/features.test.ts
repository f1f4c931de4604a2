/**
 * Optional org features (features.ts): Person Accounts (Object Reference, Account: IsPersonAccount, PersonContactId,
 * FirstName/LastName, PersonEmail; RecordType.IsPersonType), the Unified Employee licence and profile (Salesforce
 * Help, "Unified Employee License Details"), and Employee2 (Object Reference, "Employee2", API 62.0+). A real org
 * lacks them unless enabled, and so does the local org by default.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_FEATURES } from './features.ts';
import { LocalOrg } from './localOrg.ts';
import { FIXTURE_PROJECT, firstError, inTransaction, insert, newUser, profileId, rec } from './testSupport.ts';

let withFeatures: { org: LocalOrg; snapshot: unknown } | undefined;
function featureOrg(): LocalOrg {
  if (!withFeatures) {
    const org = LocalOrg.load(FIXTURE_PROJECT, {
      now: new Date('2026-03-02T10:00:00.000Z'),
      features: { ...ALL_FEATURES },
    });
    withFeatures = { org, snapshot: org.snapshot() };
  }
  withFeatures.org.restore(withFeatures.snapshot);
  return withFeatures.org;
}

const personRecordTypeId = (org: LocalOrg) =>
  String(org.query("SELECT Id FROM RecordType WHERE SobjectType = 'Account' AND IsPersonType = true")[0]!.Id);

test('without the features: no Employee2, no person fields, no Unified Employee licence (the real-org default)', () => {
  const org = LocalOrg.load(FIXTURE_PROJECT);
  assert.equal(org.schema.describe('Employee2'), undefined);
  const account = org.schema.describe('Account')!;
  for (const f of ['ispersonaccount', 'personcontactid', 'personemail', 'firstname', 'lastname'])
    assert.equal(account.fields[f], undefined, f);
  assert.equal(org.schema.describe('Contact')!.fields.ispersonaccount, undefined);
  assert.equal(org.query("SELECT Id FROM UserLicense WHERE Name = 'Unified Employee'").length, 0);
  assert.equal(org.query("SELECT Id FROM Profile WHERE Name = 'Unified Employee'").length, 0);
  assert.equal(org.query('SELECT Id FROM RecordType WHERE IsPersonType = true').length, 0);
  assert.ok(!org.schema.all().some((o) => o.name === 'Employee2'));
});

test('with the features: Employee2 has its documented fields, the licence, profile and person record type exist', () => {
  const org = featureOrg();
  const e = org.schema.describe('Employee2')!;
  assert.equal(e.isSetup, false);
  assert.equal(e.fields.contactid!.masterDetail, true);
  assert.deepEqual(e.fields.contactid!.referenceTo, ['Contact']);
  assert.deepEqual(e.fields.userid!.referenceTo, ['User']);
  assert.deepEqual(e.fields.employeestatus!.picklistValues, ['Active', 'Inactive', 'Leave', 'Terminated']);
  for (const f of [
    'EmployeeNumber',
    'StatusStartDate',
    'StatusEndDate',
    'EmployeeType',
    'EmploymentType',
    'AlternateEmail',
  ])
    assert.ok(e.fields[f.toLowerCase()], f);
  assert.equal(org.query("SELECT Id FROM Profile WHERE Name = 'Unified Employee'").length, 1);
  assert.equal(org.query("SELECT Id FROM PermissionSet WHERE Name = 'ITSMPortalUelUser'").length, 1);
  assert.ok(personRecordTypeId(org));
});

test('a person account gets its PersonContact, kept in step with the account by the platform', () => {
  const org = featureOrg();
  const rt = personRecordTypeId(org);
  const [r] = inTransaction(org, () =>
    insert(org, 'Account', [
      rec('Account', { RecordTypeId: rt, FirstName: 'Ada', LastName: 'Byron', PersonEmail: 'ada@example.com' }),
    ]),
  );
  const account = org.query(`SELECT Name, IsPersonAccount, PersonContactId FROM Account WHERE Id = '${r!.id}'`)[0]!;
  assert.equal(account.Name, 'Ada Byron');
  assert.equal(account.IsPersonAccount, true);
  const contact = org.query(
    `SELECT AccountId, FirstName, LastName, Email, IsPersonAccount FROM Contact WHERE Id = '${String(account.PersonContactId)}'`,
  )[0]!;
  assert.deepEqual(
    { ...contact, attributes: undefined, Id: undefined },
    {
      attributes: undefined,
      Id: undefined,
      AccountId: r!.id,
      FirstName: 'Ada',
      LastName: 'Byron',
      Email: 'ada@example.com',
      IsPersonAccount: true,
    },
  );
  inTransaction(org, () =>
    org.api.dml({
      op: 'update',
      objectName: 'Account',
      records: [rec('Account', { Id: r!.id, LastName: 'Lovelace', PersonEmail: 'ada.l@example.com' })],
      allOrNone: true,
    }),
  );
  const after = org.query(`SELECT Name, Email FROM Contact WHERE AccountId = '${r!.id}'`);
  assert.equal(after.length, 1, 'one PersonContact, updated in place');
  assert.deepEqual([after[0]!.Name, after[0]!.Email], ['Ada Lovelace', 'ada.l@example.com']);
  assert.equal(org.query(`SELECT Name FROM Account WHERE Id = '${r!.id}'`)[0]!.Name, 'Ada Lovelace');
});

test('a person account needs LastName; a business account may not use person fields', () => {
  const org = featureOrg();
  const rt = personRecordTypeId(org);
  const results = inTransaction(org, () =>
    insert(
      org,
      'Account',
      [rec('Account', { RecordTypeId: rt, FirstName: 'Ada' }), rec('Account', { Name: 'Acme', PersonEmail: 'x@y.z' })],
      false,
    ),
  );
  assert.equal(results[0]!.errors[0]!.statusCode, 'REQUIRED_FIELD_MISSING');
  assert.deepEqual(results[0]!.errors[0]!.fields, ['LastName']);
  assert.equal(results[1]!.errors[0]!.statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
});

test('Employee2 links user and PersonContact; its contact needs Email and LastName; it is not a setup object', () => {
  const org = featureOrg();
  const rt = personRecordTypeId(org);
  const [withEmail, withoutEmail] = inTransaction(org, () =>
    insert(org, 'Account', [
      rec('Account', { RecordTypeId: rt, LastName: 'Hopper', PersonEmail: 'grace@example.com' }),
      rec('Account', { RecordTypeId: rt, LastName: 'NoMail' }),
    ]),
  );
  const contactOf = (id: string) =>
    String(org.query(`SELECT PersonContactId FROM Account WHERE Id = '${id}'`)[0]!.PersonContactId);
  const [user] = inTransaction(org, () =>
    insert(org, 'User', [newUser(org, { ProfileId: profileId(org, 'Unified Employee') })]),
  );
  const employee = (contactId: string) =>
    rec('Employee2', {
      Name: 'Grace Hopper',
      ContactId: contactId,
      UserId: user!.id,
      EmployeeNumber: 'E-1',
      EmployeeStatus: 'Active',
      StatusStartDate: '2026-03-02T00:00:00.000Z',
    });
  const results = inTransaction(org, () =>
    insert(org, 'Employee2', [employee(contactOf(withEmail!.id!)), employee(contactOf(withoutEmail!.id!))], false),
  );
  assert.equal(results[0]!.success, true);
  assert.equal(results[1]!.errors[0]!.statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
  const missing = inTransaction(org, () =>
    insert(org, 'Employee2', [rec('Employee2', { ContactId: contactOf(withEmail!.id!) })], false),
  );
  assert.equal(firstError(missing)!.statusCode, 'REQUIRED_FIELD_MISSING');
  const u = org.query(`SELECT UserType, IsActive FROM User WHERE Id = '${user!.id}'`)[0]!;
  assert.equal(u.UserType, 'Standard', 'the Unified Employee licence is an employee (internal) licence');
});
