/**
 * MIXED_DML_OPERATION — Apex Developer Guide, "sObjects That Can't Be Used Together in DML Operations"
 * (apex_dml_non_mix_sobjects): setup objects (User, PermissionSetAssignment, Group, …) and non-setup objects can't
 * be written in one transaction, with the documented User and Group exceptions; System.runAs separates contexts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, inTransaction, insert, newUser, rec } from './testSupport.ts';

const MESSAGE =
  'DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa)';

test('setup DML after non-setup DML throws DmlException MIXED_DML_OPERATION naming both objects', () => {
  const org = fixtureOrg();
  const role = String(org.query("SELECT Id FROM UserRole WHERE DeveloperName = 'CEO'")[0]!.Id);
  assert.throws(
    () =>
      inTransaction(org, () => {
        insert(org, 'Contact', [rec('Contact', { LastName: 'C' })]);
        insert(org, 'User', [newUser(org, { UserRoleId: role })]);
      }),
    (e: unknown) =>
      e instanceof OrgError &&
      e.apexType === 'System.DmlException' &&
      e.statusCode === 'MIXED_DML_OPERATION' &&
      e.message ===
        `Insert failed. First exception on row 0; first error: MIXED_DML_OPERATION, ${MESSAGE}: User, original object: Contact: []`,
  );
  assert.equal(org.query('SELECT Id FROM Contact').length, 0, 'the transaction rolled back');
});

test('non-setup DML after setup DML fails the same way; allOrNone=false reports it per row', () => {
  const org = fixtureOrg();
  inTransaction(org, () => {
    const [u] = insert(org, 'User', [newUser(org)]);
    const ps = String(org.query("SELECT Id FROM PermissionSet WHERE Name = 'WidgetAdmin'")[0]!.Id);
    insert(org, 'PermissionSetAssignment', [
      rec('PermissionSetAssignment', { AssigneeId: u!.id!, PermissionSetId: ps }),
    ]);
    const r = insert(org, 'Account', [rec('Account', { Name: 'A' })], false);
    assert.deepEqual(r[0]!.errors[0], {
      statusCode: 'MIXED_DML_OPERATION',
      message: `${MESSAGE}: Account, original object: PermissionSetAssignment`,
      fields: [],
    });
  });
});

test('documented exceptions: a User inserted without a role, and a User update that leaves role/profile/active/username alone', () => {
  const org = fixtureOrg();
  inTransaction(org, () => {
    insert(org, 'Contact', [rec('Contact', { LastName: 'C' })]);
    const [u] = insert(org, 'User', [newUser(org)]);
    const r = org.api.dml({
      op: 'update',
      objectName: 'User',
      allOrNone: true,
      records: [rec('User', { Id: u!.id!, Title: 'Engineer', Department: 'R&D' })],
    });
    assert.equal(r[0]!.success, true);
    assert.throws(
      () =>
        org.api.dml({
          op: 'update',
          objectName: 'User',
          allOrNone: true,
          records: [rec('User', { Id: u!.id!, IsActive: false })],
        }),
      (e: unknown) => e instanceof OrgError && e.statusCode === 'MIXED_DML_OPERATION',
    );
  });
});

test('System.runAs gives its block a separate mixed-DML context (the usual test pattern)', () => {
  const org = fixtureOrg();
  inTransaction(org, () => {
    insert(org, 'Account', [rec('Account', { Name: 'A' })]);
    const role = String(org.query("SELECT Id FROM UserRole WHERE DeveloperName = 'CEO'")[0]!.Id);
    const r = org.api.runAs(org.adminUserId, () => insert(org, 'User', [newUser(org, { UserRoleId: role })]));
    assert.equal(r[0]!.success, true);
    insert(org, 'Contact', [rec('Contact', { LastName: 'after' })]);
  });
});

test('a new transaction starts clean', () => {
  const org = fixtureOrg();
  inTransaction(org, () => insert(org, 'Account', [rec('Account', { Name: 'A' })]));
  const role = String(org.query("SELECT Id FROM UserRole WHERE DeveloperName = 'CEO'")[0]!.Id);
  inTransaction(org, () => insert(org, 'User', [newUser(org, { UserRoleId: role })]));
  assert.equal(org.query('SELECT Id FROM User WHERE UserRoleId != null').length, 1);
});
