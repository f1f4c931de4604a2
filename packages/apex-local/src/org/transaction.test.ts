/**
 * Transactions — Apex Developer Guide, "Apex Transactions" and "Transaction Control": an uncaught exception rolls
 * back the transaction; Database.rollback(savepoint) undoes later writes; "Callouts after DML": a callout after
 * uncommitted DML fails with "You have uncommitted work pending. Please commit or rollback before calling out".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, inTransaction, insert, rec } from './testSupport.ts';

const request = { method: 'GET', endpoint: 'callout:Api/v1/things', headers: {}, body: '', timeoutMs: 1000 };

test('rollback() discards every write of the transaction and its queued jobs', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: false });
  insert(org, 'Account', [rec('Account', { Name: 'A' })]);
  org.api.enqueue({ kind: 'Queueable', className: 'Job', instance: {} });
  org.rollback();
  assert.equal(org.query('SELECT Id FROM Account').length, 0);
  assert.equal(org.query('SELECT Id FROM AsyncApexJob').length, 0);
});

test('savepoints: rolling back undoes only the later writes', () => {
  const org = fixtureOrg();
  inTransaction(org, () => {
    insert(org, 'Account', [rec('Account', { Name: 'kept' })]);
    const sp = org.api.setSavepoint();
    insert(org, 'Account', [rec('Account', { Name: 'undone' })]);
    org.api.rollbackToSavepoint(sp);
  });
  assert.deepEqual(
    org.query('SELECT Name FROM Account').map((a) => a.Name),
    ['kept'],
  );
});

test('callout (real or mocked) after DML: CalloutException "You have uncommitted work pending…"', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: true });
  org.api.countMockCallout(request);
  insert(org, 'Account', [rec('Account', { Name: 'A' })]);
  assert.throws(
    () => org.api.countMockCallout(request),
    (e: unknown) =>
      e instanceof OrgError &&
      e.apexType === 'System.CalloutException' &&
      e.message === 'You have uncommitted work pending. Please commit or rollback before calling out',
  );
  org.rollback();
});

test('snapshot/restore isolates tests: writes after a snapshot vanish on restore, ids never repeat', () => {
  const org = fixtureOrg();
  const snap = org.snapshot();
  const [a] = inTransaction(org, () => insert(org, 'Account', [rec('Account', { Name: 'temp' })]));
  org.restore(snap);
  assert.equal(org.query('SELECT Id FROM Account').length, 0);
  const [b] = inTransaction(org, () => insert(org, 'Account', [rec('Account', { Name: 'again' })]));
  assert.notEqual(a!.id, b!.id);
  assert.equal(org.query("SELECT Id FROM Account WHERE Name = 'again'").length, 1, 'indexes follow the restored data');
});

test('seed() applies every DML rule and reports failures with LOCAL_SEED_FAILED', () => {
  const org = fixtureOrg();
  assert.equal(org.seed('Account', [{ Name: 'Seeded' }]).length, 1);
  assert.throws(
    () => org.seed('Contact', [{ FirstName: 'no last name' }]),
    /LOCAL_SEED_FAILED Contact row 0: REQUIRED_FIELD_MISSING/,
  );
});

test('DML before Test.startTest does not block a (mock) callout inside startTest/stopTest ("Performing DML Operations and Mock Callouts")', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  insert(org, 'Account', [rec('Account', { Name: 'test data' })]);
  org.startTest();
  org.api.countMockCallout(request);
  insert(org, 'Account', [rec('Account', { Name: 'inside' })]);
  assert.throws(() => org.api.countMockCallout(request), /uncommitted work pending/);
  org.stopTest();
  org.rollback();
});

test('queued async work is uncommitted work too: no callout after System.enqueueJob in the same transaction', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: false });
  org.api.enqueue({ kind: 'Queueable', className: 'Next', instance: {} });
  assert.throws(() => org.api.countMockCallout(request), /uncommitted work pending/);
  org.rollback();
});

test('a job released by stopTest runs in its own context: fresh async limits, callouts allowed, no chaining; a failure undoes its writes', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  org.startTest();
  insert(org, 'Account', [rec('Account', { Name: 'inside startTest' })]);
  const job = { kind: 'Queueable' as const, className: 'Stage', instance: {} };
  org.api.enqueue(job);
  const [released] = org.stopTest();
  org.beginJobInTest(released!);
  org.api.countMockCallout(request);
  assert.equal(org.api.limits().find((l) => l.name === 'Queries')!.max, 200);
  assert.throws(() => org.api.enqueue(job), /Maximum stack depth has been reached/);
  insert(org, 'Account', [rec('Account', { Name: 'job write' })]);
  org.endJobInTest(true);
  org.beginJobInTest(released!);
  insert(org, 'Account', [rec('Account', { Name: 'failed job write' })]);
  org.endJobInTest(false);
  assert.deepEqual(
    org.api.query('SELECT Name FROM Account ORDER BY Name', () => null).records.map((r) => r.Name),
    ['inside startTest', 'job write'],
  );
  org.rollback();
  assert.equal(org.query('SELECT Id FROM Account').length, 0, 'the test rollback undoes the job writes too');
});

test('Test.setCreatedDate back-dates a record created in the test (retention queries see it)', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  const [a] = insert(org, 'Account', [rec('Account', { Name: 'old' })]);
  org.api.setCreatedDate(a!.id!, '2025-01-01T00:00:00.000Z');
  const old = org.api.query('SELECT Id FROM Account WHERE CreatedDate < LAST_N_DAYS:90', () => null).records;
  assert.equal(old.length, 1);
  org.rollback();
});
