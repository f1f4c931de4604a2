/** A user holds a permission set once: a second PermissionSetAssignment fails with DUPLICATE_VALUE. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureOrg, firstError, inTransaction, insert, newUser, rec } from '../testSupport.ts';

test('duplicate PermissionSetAssignment -> DUPLICATE_VALUE "duplicate value found: <unknown> …"', () => {
  const org = fixtureOrg();
  const [u] = inTransaction(org, () => insert(org, 'User', [newUser(org)]));
  const ps = String(org.query("SELECT Id FROM PermissionSet WHERE Name = 'WidgetAdmin'")[0]!.Id);
  const psa = () => rec('PermissionSetAssignment', { AssigneeId: u!.id!, PermissionSetId: ps });
  assert.equal(inTransaction(org, () => insert(org, 'PermissionSetAssignment', [psa()]))[0]!.success, true);
  const again = inTransaction(org, () => insert(org, 'PermissionSetAssignment', [psa()], false));
  assert.deepEqual(firstError(again), {
    statusCode: 'DUPLICATE_VALUE',
    message: 'duplicate value found: <unknown> duplicates value on record with id: <unknown>',
    fields: [],
  });
});
