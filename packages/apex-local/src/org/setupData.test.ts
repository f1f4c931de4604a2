/**
 * Setup data every test sees (setupData.ts): besides the running admin, a real org already has active users, and an
 * admin among them holds the project's permission sets, so tests cannot assume they are alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN_USERNAME, EXISTING_USERS } from './setupData.ts';
import { LocalOrg } from './localOrg.ts';
import { FIXTURE_PROJECT } from './testSupport.ts';

test('the org has active users besides the running admin, with their logins', () => {
  const org = LocalOrg.load(FIXTURE_PROJECT);
  const users = org.query('SELECT Id, Username, Profile.Name FROM User WHERE IsActive = true');
  assert.equal(users.length, 1 + EXISTING_USERS.length);
  assert.ok(users.some((u) => u.Username === ADMIN_USERNAME));
  for (const u of EXISTING_USERS)
    assert.ok(
      users.some((row) => row.Username === `${u.alias}@local-org.test`),
      u.alias,
    );
  assert.equal(org.query('SELECT Id FROM UserLogin').length, users.length);
});

test('another admin already holds every permission set of the project', () => {
  const org = LocalOrg.load(FIXTURE_PROJECT);
  const projectSets = org.query('SELECT Id FROM PermissionSet WHERE IsOwnedByProfile = false');
  assert.ok(projectSets.length > 0);
  const assignments = org.query(
    "SELECT PermissionSetId FROM PermissionSetAssignment WHERE Assignee.Username = 'oadmin@local-org.test'",
  );
  assert.deepEqual(new Set(assignments.map((a) => a.PermissionSetId)), new Set(projectSets.map((p) => p.Id)));
});

test('the existing users take seats', () => {
  const org = LocalOrg.load(FIXTURE_PROJECT);
  const [salesforce] = org.query("SELECT UsedLicenses FROM UserLicense WHERE Name = 'Salesforce'");
  assert.equal(salesforce!.UsedLicenses, 3);
});
