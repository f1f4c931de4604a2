/**
 * DML validation and results (Apex Developer Guide, "DML Statements vs. Database Class Methods", "Bulk DML
 * Exception Handling"; SOAP API "StatusCode"): error codes and messages, allOrNone, upsert, delete, undelete.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, firstError, inTransaction, insert, rec } from './testSupport.ts';

test('REQUIRED_FIELD_MISSING lists every missing field: "Required fields are missing: [LastName]"', () => {
  const org = fixtureOrg();
  const r = inTransaction(org, () => insert(org, 'Contact', [rec('Contact', { FirstName: 'Ann' })], false));
  assert.deepEqual(firstError(r), {
    statusCode: 'REQUIRED_FIELD_MISSING',
    message: 'Required fields are missing: [LastName]',
    fields: ['LastName'],
  });
});

test('STRING_TOO_LONG, restricted picklist, numeric range, malformed and dangling references', () => {
  const org = fixtureOrg();
  const results = inTransaction(org, () =>
    insert(
      org,
      'Widget__c',
      [
        rec('Widget__c', { Code__c: 'x'.repeat(11) }),
        rec('Widget__c', { Status__c: 'Bogus' }),
        rec('Widget__c', { Size__c: 123456 }),
        rec('Widget__c', { Owner__c: '001000000000000AAA' }),
        rec('Widget__c', { Owner__c: '005000000000001AAA' }),
      ],
      false,
    ),
  );
  assert.deepEqual(
    results.map((r) => r.errors[0]!.statusCode),
    [
      'STRING_TOO_LONG',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'NUMBER_OUTSIDE_VALID_RANGE',
      'FIELD_INTEGRITY_EXCEPTION',
      'INVALID_CROSS_REFERENCE_KEY',
    ],
  );
  assert.equal(results[0]!.errors[0]!.message, `Code: data value too large: ${'x'.repeat(11)} (max length=10)`);
  assert.equal(results[1]!.errors[0]!.message, 'Status: bad value for restricted picklist field: Bogus');
});

test('defaults, auto-number Name and audit fields are set on insert', () => {
  const org = fixtureOrg();
  inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', {}), rec('Widget__c', {})]));
  const rows = org.query(
    'SELECT Name, Status__c, Active__c, OwnerId, CreatedDate, CreatedById FROM Widget__c ORDER BY Name',
  );
  assert.deepEqual(
    rows.map((r) => r.Name),
    ['W-0001', 'W-0002'],
  );
  assert.equal(rows[0]!.Status__c, 'New');
  assert.equal(rows[0]!.Active__c, true);
  assert.equal(rows[0]!.OwnerId, org.adminUserId);
  assert.equal(rows[0]!.CreatedDate, '2026-03-02T10:00:00.000Z');
});

test('DUPLICATE_VALUE on a unique external id, case-insensitive, also within one statement', () => {
  const org = fixtureOrg();
  const [first] = inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', { Code__c: 'abc' })]));
  const r = inTransaction(org, () =>
    insert(
      org,
      'Widget__c',
      [rec('Widget__c', { Code__c: 'ABC' }), rec('Widget__c', { Code__c: 'x' }), rec('Widget__c', { Code__c: 'X' })],
      false,
    ),
  );
  assert.deepEqual(r[0]!.errors[0], {
    statusCode: 'DUPLICATE_VALUE',
    message: `duplicate value found: Code__c duplicates value on record with id: ${first!.id}`,
    fields: [],
  });
  assert.equal(r[1]!.success, true);
  assert.equal(r[2]!.errors[0]!.statusCode, 'DUPLICATE_VALUE');
});

test('allOrNone=true: one bad row rolls back the whole statement; allOrNone=false keeps the good rows', () => {
  const org = fixtureOrg();
  const bad = [rec('Widget__c', { Code__c: 'ok1' }), rec('Widget__c', { Status__c: 'Bogus' })];
  const all = inTransaction(org, () => insert(org, 'Widget__c', bad, true));
  assert.ok(all.every((r) => !r.success));
  assert.equal(org.query('SELECT Id FROM Widget__c').length, 0);
  const partial = inTransaction(org, () => insert(org, 'Widget__c', bad, false));
  assert.deepEqual(
    partial.map((r) => r.success),
    [true, false],
  );
  assert.equal(org.query('SELECT Id FROM Widget__c').length, 1);
});

test('update: Id required, unknown ids fail, nulls clear fields; duplicate ids raise ListException', () => {
  const org = fixtureOrg();
  const [w] = inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', { Code__c: 'u1', Size__c: 5 })]));
  const r = inTransaction(org, () =>
    org.api.dml({
      op: 'update',
      objectName: 'Widget__c',
      allOrNone: false,
      records: [rec('Widget__c', { Id: w!.id!, Size__c: null }), rec('Widget__c', { Size__c: 1 })],
    }),
  );
  assert.equal(r[0]!.success, true);
  assert.equal(r[1]!.errors[0]!.statusCode, 'MISSING_ARGUMENT');
  assert.equal(org.query('SELECT Size__c FROM Widget__c')[0]!.Size__c, null);
  assert.throws(
    () =>
      inTransaction(org, () =>
        org.api.dml({
          op: 'update',
          objectName: 'Widget__c',
          allOrNone: true,
          records: [rec('Widget__c', { Id: w!.id! }), rec('Widget__c', { Id: w!.id!.slice(0, 15) })],
        }),
      ),
    (e: unknown) =>
      e instanceof OrgError && e.apexType === 'System.ListException' && e.message.startsWith('Duplicate id in list:'),
  );
});

test('upsert on an external id: matches case-insensitively, reports created, MISSING_ARGUMENT without a key', () => {
  const org = fixtureOrg();
  inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', { Code__c: 'k1', Size__c: 1 })]));
  const r = inTransaction(org, () =>
    org.api.dml({
      op: 'upsert',
      objectName: 'Widget__c',
      externalIdField: 'Code__c',
      allOrNone: false,
      records: [
        rec('Widget__c', { Code__c: 'K1', Size__c: 2 }),
        rec('Widget__c', { Code__c: 'k2' }),
        rec('Widget__c', { Size__c: 3 }),
      ],
    }),
  );
  assert.deepEqual(
    r.map((x) => [x.success, x.created]),
    [
      [true, false],
      [true, true],
      [false, true],
    ],
  );
  assert.equal(r[2]!.errors[0]!.message, 'Code__c not specified');
  assert.equal(org.query("SELECT Size__c FROM Widget__c WHERE Code__c = 'k1'")[0]!.Size__c, 2);
});

test('delete cascades to master-detail children; undelete restores from the recycle bin', () => {
  const org = fixtureOrg();
  const [w] = inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', {})]));
  inTransaction(org, () => insert(org, 'Part__c', [rec('Part__c', { Widget__c: w!.id! })]));
  inTransaction(org, () =>
    org.api.dml({
      op: 'delete',
      objectName: 'Widget__c',
      allOrNone: true,
      records: [rec('Widget__c', { Id: w!.id! })],
    }),
  );
  assert.equal(org.query('SELECT Id FROM Part__c').length, 0);
  const again = inTransaction(org, () =>
    org.api.dml({
      op: 'delete',
      objectName: 'Widget__c',
      allOrNone: false,
      records: [rec('Widget__c', { Id: w!.id! })],
    }),
  );
  assert.equal(again[0]!.errors[0]!.statusCode, 'ENTITY_IS_DELETED');
  inTransaction(org, () =>
    org.api.dml({
      op: 'undelete',
      objectName: 'Widget__c',
      allOrNone: true,
      records: [rec('Widget__c', { Id: w!.id! })],
    }),
  );
  assert.equal(org.query('SELECT Id FROM Widget__c').length, 1);
});

test('custom metadata and Profile do not allow DML (TypeException)', () => {
  const org = fixtureOrg();
  for (const objectName of ['Setting__mdt', 'Profile']) {
    assert.throws(
      () => inTransaction(org, () => insert(org, objectName, [rec(objectName, { DeveloperName: 'x' })])),
      (e: unknown) =>
        e instanceof OrgError &&
        e.apexType === 'System.TypeException' &&
        e.message === `DML operation Insert not allowed on ${objectName}`,
    );
  }
});

test('a custom object text Name left blank becomes the record id', () => {
  const org = fixtureOrg();
  const [p] = inTransaction(org, () => insert(org, 'Probe__c', [rec('Probe__c', {})]));
  assert.equal(org.query('SELECT Name FROM Probe__c')[0]!.Name, p!.id);
});

test('a restricted multi-select picklist rejects any value outside its list', () => {
  const org = fixtureOrg();
  const r = inTransaction(org, () => insert(org, 'Widget__c', [rec('Widget__c', { Tags__c: 'red;purple' })], false));
  assert.equal(firstError(r)!.message, 'Tags: bad value for restricted picklist field: purple');
});
