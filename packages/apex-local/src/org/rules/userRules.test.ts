/**
 * User DML rules (Object Reference: User; help article 000381924 "Duplicate Username"; Salesforce Help
 * "Guidelines for Adding Users"): the errors that break real provisioning jobs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError, type PlainValue } from '../api.ts';
import type { LocalOrg } from '../localOrg.ts';
import { firstError, fixtureOrg, inTransaction, insert, newUser, profileId, rec } from '../testSupport.ts';

const insertUsers = (org: LocalOrg, users: ReturnType<typeof newUser>[], allOrNone = false) =>
  inTransaction(org, () => insert(org, 'User', users, allOrNone));
const updateUser = (org: LocalOrg, fields: Record<string, PlainValue>) =>
  inTransaction(org, () =>
    org.api.dml({ op: 'update', objectName: 'User', allOrNone: false, records: [rec('User', fields)] }),
  );

test('all required User fields are reported by REQUIRED_FIELD_MISSING', () => {
  const org = fixtureOrg();
  const r = insertUsers(org, [rec('User', { LastName: 'X' })]);
  assert.equal(
    firstError(r)!.message,
    'Required fields are missing: [Username, Email, Alias, TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey, ProfileId]',
  );
});

test('DUPLICATE_USERNAME for a username taken here (any case) or in another org', () => {
  const org = fixtureOrg();
  const u = newUser(org, { Username: 'taken@sync.example.com' });
  insertUsers(org, [u], true);
  const again = insertUsers(org, [newUser(org, { Username: 'TAKEN@sync.example.com' })]);
  assert.equal(firstError(again)!.statusCode, 'DUPLICATE_USERNAME');
  assert.match(
    firstError(again)!.message,
    /^Duplicate Username\.<br>The username already exists in this or another Salesforce organization/,
  );
  org.reserveUsernames(['elsewhere@sync.example.com']);
  assert.equal(
    firstError(insertUsers(org, [newUser(org, { Username: 'elsewhere@sync.example.com' })]))!.statusCode,
    'DUPLICATE_USERNAME',
  );
});

test('Username must be e-mail shaped; Alias is at most 8 characters; Email must be valid', () => {
  const org = fixtureOrg();
  assert.deepEqual(firstError(insertUsers(org, [newUser(org, { Username: 'not-an-email' })])), {
    statusCode: 'FIELD_INTEGRITY_EXCEPTION',
    message: 'Username must be in the form of an email address (for example, john@acme.com): Username',
    fields: ['Username'],
  });
  const alias = firstError(insertUsers(org, [newUser(org, { Alias: 'toolongal' })]))!;
  assert.deepEqual(
    [alias.statusCode, alias.message],
    ['STRING_TOO_LONG', 'Alias: data value too large: toolongal (max length=8)'],
  );
  assert.equal(firstError(insertUsers(org, [newUser(org, { Email: 'a@b' })]))!.statusCode, 'INVALID_EMAIL_ADDRESS');
  assert.equal(
    firstError(insertUsers(org, [newUser(org, { TimeZoneSidKey: 'Mars/Olympus' })]))!.statusCode,
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  );
});

test('CommunityNickname defaults on create and must be unique (DUPLICATE_COMM_NICKNAME)', () => {
  const org = fixtureOrg();
  const [a] = insertUsers(
    org,
    [newUser(org, { Email: 'same@example.com' }), newUser(org, { Email: 'same@example.com' })],
    true,
  );
  const nick = org.query(`SELECT CommunityNickname FROM User WHERE Id = '${a!.id}'`)[0]!.CommunityNickname;
  assert.equal(nick, 'same');
  assert.equal(org.query("SELECT Id FROM User WHERE CommunityNickname LIKE 'same%'").length, 2);
  // the platform's text, as quoted in forcedotcom/cli issue #3142
  assert.deepEqual(firstError(insertUsers(org, [newUser(org, { CommunityNickname: 'SAME' })])), {
    statusCode: 'DUPLICATE_COMM_NICKNAME',
    message: 'Duplicate Nickname.<br>Another user has already selected this nickname.<br>Please select another.',
    fields: ['CommunityNickname'],
  });
});

test('users cannot be deleted: DML operation Delete not allowed on User', () => {
  const org = fixtureOrg();
  assert.throws(
    () =>
      inTransaction(org, () =>
        org.api.dml({
          op: 'delete',
          objectName: 'User',
          allOrNone: true,
          records: [rec('User', { Id: org.adminUserId })],
        }),
      ),
    (e: unknown) =>
      e instanceof OrgError &&
      e.apexType === 'System.TypeException' &&
      e.message === 'DML operation Delete not allowed on User',
  );
});

test('a new user gets its UserLogin (IsFrozen = false); freezing is an update of UserLogin', () => {
  const org = fixtureOrg();
  const [u] = insertUsers(org, [newUser(org)], true);
  const [login] = org.query(`SELECT Id, IsFrozen FROM UserLogin WHERE UserId = '${u!.id}'`);
  assert.equal(login!.IsFrozen, false);
  inTransaction(org, () =>
    org.api.dml({
      op: 'update',
      objectName: 'UserLogin',
      allOrNone: true,
      records: [rec('UserLogin', { Id: String(login!.Id), IsFrozen: true })],
    }),
  );
  assert.equal(org.query(`SELECT IsFrozen FROM UserLogin WHERE UserId = '${u!.id}'`)[0]!.IsFrozen, true);
});

test('external-licence users need a Contact, one user per Contact, and an Account owner with a role', () => {
  const org = fixtureOrg();
  const ccp = profileId(org, 'Customer Community Plus User');
  assert.deepEqual(firstError(insertUsers(org, [newUser(org, { ProfileId: ccp })])), {
    statusCode: 'INVALID_CROSS_REFERENCE_KEY',
    message: 'Cannot create a portal user without contact',
    fields: [],
  });
  const role = String(org.query("SELECT Id FROM UserRole WHERE DeveloperName = 'CEO'")[0]!.Id);
  const [noRoleAccount] = inTransaction(org, () => insert(org, 'Account', [rec('Account', { Name: 'No role owner' })]));
  const [c0] = inTransaction(org, () =>
    insert(org, 'Contact', [rec('Contact', { LastName: 'C0', AccountId: noRoleAccount!.id! })]),
  );
  assert.equal(
    firstError(insertUsers(org, [newUser(org, { ProfileId: ccp, ContactId: c0!.id! })]))!.message,
    'portal account owner must have a role',
  );
  updateUser(org, { Id: org.adminUserId, UserRoleId: role });
  const [c1] = inTransaction(org, () =>
    insert(org, 'Contact', [rec('Contact', { LastName: 'C1', AccountId: noRoleAccount!.id! })]),
  );
  const ok = insertUsers(org, [newUser(org, { ProfileId: ccp, ContactId: c1!.id! })]);
  assert.equal(ok[0]!.success, true, JSON.stringify(ok[0]!.errors));
  const [portal] = org.query(`SELECT UserType, IsPortalEnabled, AccountId FROM User WHERE Id = '${ok[0]!.id}'`);
  assert.deepEqual(
    [portal!.UserType, portal!.IsPortalEnabled, portal!.AccountId],
    ['PowerCustomerSuccess', true, noRoleAccount!.id],
  );
  // "…first error: PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT, portal user already exists for contact: []" on a real org
  assert.deepEqual(firstError(insertUsers(org, [newUser(org, { ProfileId: ccp, ContactId: c1!.id! })])), {
    statusCode: 'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT',
    message: 'portal user already exists for contact',
    fields: [],
  });
});

test('licence seats: LICENSE_LIMIT_EXCEEDED past TotalLicenses; deactivating frees a seat; UsedLicenses follows', () => {
  const org = fixtureOrg();
  const platform = profileId(org, 'Standard Platform User');
  const [lic] = org.query("SELECT Id, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name = 'Salesforce Platform'");
  const total = Number(lic!.TotalLicenses);
  const users = Array.from({ length: total + 1 }, () => newUser(org, { ProfileId: platform }));
  const r = insertUsers(org, users);
  assert.equal(r.filter((x) => x.success).length, total);
  assert.deepEqual(r[total]!.errors[0], {
    statusCode: 'LICENSE_LIMIT_EXCEEDED',
    message: 'License Limit Exceeded - Salesforce Platform',
    fields: [],
  });
  assert.equal(
    org.query("SELECT UsedLicenses FROM UserLicense WHERE Name = 'Salesforce Platform'")[0]!.UsedLicenses,
    total,
  );
  updateUser(org, { Id: r[0]!.id!, IsActive: false });
  assert.equal(insertUsers(org, [newUser(org, { ProfileId: platform })])[0]!.success, true);
  assert.equal(updateUser(org, { Id: r[0]!.id!, IsActive: true })[0]!.errors[0]!.statusCode, 'LICENSE_LIMIT_EXCEEDED');
});

test('upsert on User.ExternalKey__c (external id) updates the matched user', () => {
  const org = fixtureOrg();
  insertUsers(org, [newUser(org, { ExternalKey__c: 'GUID-1', Title: 'a' })], true);
  const r = inTransaction(org, () =>
    org.api.dml({
      op: 'upsert',
      objectName: 'User',
      externalIdField: 'ExternalKey__c',
      allOrNone: true,
      records: [rec('User', { ExternalKey__c: 'guid-1', Title: 'b' })],
    }),
  );
  assert.equal(r[0]!.created, false);
  assert.equal(org.query("SELECT Title FROM User WHERE ExternalKey__c = 'GUID-1'")[0]!.Title, 'b');
});

test('blockDeactivation: deactivating a user an org setting refers to fails, so the sync can fall back to freezing', () => {
  const org = fixtureOrg();
  const [u] = insertUsers(org, [newUser(org)], true);
  org.blockDeactivation(u!.id!);
  const r = updateUser(org, { Id: u!.id!, IsActive: false });
  assert.equal(r[0]!.errors[0]!.statusCode, 'FIELD_INTEGRITY_EXCEPTION');
  assert.equal(updateUser(org, { Id: u!.id!, Title: 'still editable' })[0]!.success, true);
});

test('Organization.IsSandbox follows the load option (sandboxes append a username suffix)', async () => {
  const { LocalOrg } = await import('../localOrg.ts');
  const { FIXTURE_PROJECT } = await import('../testSupport.ts');
  const sandbox = LocalOrg.load(FIXTURE_PROJECT, { isSandbox: true });
  assert.equal(sandbox.query('SELECT IsSandbox FROM Organization')[0]!.IsSandbox, true);
  assert.equal(fixtureOrg().query('SELECT IsSandbox FROM Organization')[0]!.IsSandbox, false);
});

test('System.runAs ignores user licence limits ("Using the runAs Method")', () => {
  const org = fixtureOrg();
  const platform = profileId(org, 'Standard Platform User');
  const r = inTransaction(org, () =>
    org.api.runAs(org.adminUserId, () =>
      insert(
        org,
        'User',
        Array.from({ length: 12 }, () => newUser(org, { ProfileId: platform })),
        false,
      ),
    ),
  );
  assert.ok(r.every((x) => x.success));
});

test('setLicenseSeats raises a licence total for big tenants (local run, benchmark)', () => {
  const org = fixtureOrg();
  org.setLicenseSeats('Salesforce Platform', 12);
  const platform = profileId(org, 'Standard Platform User');
  const r = insertUsers(
    org,
    Array.from({ length: 12 }, () => newUser(org, { ProfileId: platform })),
  );
  assert.ok(r.every((x) => x.success));
  assert.throws(() => org.setLicenseSeats('Nope', 1), /LOCAL_NO_SUCH_LICENSE/);
});

test('setUserRole gives a user a role by DeveloperName (local run: an Account owner of external users needs one)', () => {
  const org = fixtureOrg();
  org.setUserRole(org.adminUserId, 'CEO');
  const [admin] = org.query(`SELECT UserRole.DeveloperName FROM User WHERE Id = '${org.adminUserId}'`);
  assert.equal((admin!.UserRole as { DeveloperName?: string } | null)?.DeveloperName, 'CEO');
  assert.throws(() => org.setUserRole(org.adminUserId, 'Nope'), /LOCAL_NO_SUCH_ROLE/);
});
