/**
 * Governor limits — Apex Developer Guide, "Execution Governors and Limits", Per-Transaction Apex Limits:
 * 100/200 SOQL queries, 150 DML statements, 10,000 DML rows, 50/1 queueable jobs; LimitException messages;
 * Test.startTest gives a fresh set of limits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, rec } from './testSupport.ts';

const isLimit = (message: string) => (e: unknown) =>
  e instanceof OrgError && e.apexType === 'System.LimitException' && e.message === message;

test('101st SOQL query in a synchronous transaction: "Too many SOQL queries: 101"', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  for (let i = 0; i < 100; i++) org.api.query('SELECT Id FROM Account', () => null);
  assert.throws(() => org.api.query('SELECT Id FROM Account', () => null), isLimit('Too many SOQL queries: 101'));
  org.rollback();
});

test('asynchronous transactions allow 200 queries', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: true });
  for (let i = 0; i < 200; i++) org.api.query('SELECT Id FROM Account', () => null);
  assert.throws(() => org.api.query('SELECT Id FROM Account', () => null), isLimit('Too many SOQL queries: 201'));
  org.rollback();
});

test('"Too many DML statements: 151" and "Too many DML rows: 10001"', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  for (let i = 0; i < 150; i++)
    org.api.dml({ op: 'insert', objectName: 'Probe__c', allOrNone: true, records: [rec('Probe__c', {})] });
  assert.throws(
    () => org.api.dml({ op: 'insert', objectName: 'Probe__c', allOrNone: true, records: [rec('Probe__c', {})] }),
    isLimit('Too many DML statements: 151'),
  );
  org.rollback();
  org.beginTransaction({ async: false, test: true });
  const many = Array.from({ length: 10_001 }, () => rec('Probe__c', {}));
  assert.throws(
    () => org.api.dml({ op: 'insert', objectName: 'Probe__c', allOrNone: true, records: many }),
    isLimit('Too many DML rows: 10001'),
  );
  org.rollback();
});

test('Test.startTest() gives fresh limits; stopTest() restores the outer counters', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  for (let i = 0; i < 90; i++) org.api.query('SELECT Id FROM Account', () => null);
  org.startTest();
  for (let i = 0; i < 100; i++) org.api.query('SELECT Id FROM Account', () => null);
  assert.equal(org.api.inTestBlock(), true);
  org.stopTest();
  assert.equal(org.api.limits().find((l) => l.name === 'Queries')!.used, 90);
  org.rollback();
});

test('CPU time is charged per statement: "Apex CPU time limit exceeded"; Database.setSavepoint counts as DML', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  org.api.chargeCpu(9_000_000);
  assert.throws(() => org.api.chargeCpu(2_000_000), isLimit('Apex CPU time limit exceeded'));
  org.api.setSavepoint();
  assert.equal(org.api.limits().find((l) => l.name === 'DmlStatements')!.used, 1);
  assert.throws(() => org.api.reportHeap(6_000_001), isLimit('Apex heap size too large: 6000001'));
  org.rollback();
});

// Apex Developer Guide, "Transaction Finalizers": "Synchronous governor limits apply for the Finalizer transaction,
// except in these cases where asynchronous limits apply: Total heap size; Maximum number of Apex jobs added to the
// queue with System.enqueueJob".
test('a finalizer transaction has synchronous limits except heap size and queueable jobs', () => {
  const org = fixtureOrg();
  org.beginTransaction({
    async: true,
    test: false,
    currentJob: { kind: 'Finalizer', className: 'StageFinalizer', instance: {} },
  });
  const limits = Object.fromEntries(org.api.limits().map((l) => [l.name, l.max]));
  assert.equal(limits.Queries, 100, 'SOQL: the synchronous 100, not 200');
  assert.equal(limits.CpuTime, 10_000, 'CPU: the synchronous 10 s');
  assert.equal(limits.HeapSize, 12_000_000, 'heap: the asynchronous 12 MB');
  assert.equal(limits.QueueableJobs, 1, 'enqueue: the asynchronous one job');
  for (let i = 0; i < 100; i++) org.api.query('SELECT Id FROM Account', () => null);
  assert.throws(() => org.api.query('SELECT Id FROM Account', () => null), isLimit('Too many SOQL queries: 101'));
  org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} });
  assert.throws(
    () => org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} }),
    isLimit('Too many queueable jobs added to the queue: 2'),
  );
  org.rollback();
});
