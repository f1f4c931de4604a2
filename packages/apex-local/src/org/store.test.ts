/**
 * Store and query performance guarantees the 100,000-user benchmark relies on: equality / IN on Id, external ids and
 * lookups are answered from hash indexes (only matching rows are examined), and snapshots are copy-on-write.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSoql } from './soql/evaluator.ts';
import { fixtureOrg } from './testSupport.ts';
import type { LocalOrg } from './localOrg.ts';

function examined(
  org: LocalOrg,
  soql: string,
  binds: Record<string, unknown> = {},
): { rows: number; examined: number } {
  const out = runSoql(soql, {
    schema: org.schema,
    store: org.store,
    now: org.now(),
    binds: (n) => binds[n] as string[],
  });
  return { rows: out.result.records.length, examined: out.rowsExamined };
}

test('IN on an external id, = on Id, = on a lookup examine only the matching rows', () => {
  const org = fixtureOrg();
  const ids = org.seed(
    'Widget__c',
    Array.from({ length: 3000 }, (_, i) => ({ Code__c: `c${i}` })),
  );
  org.seed('Part__c', [{ Name: 'p', Widget__c: ids[7]! }]);
  const codes = Array.from({ length: 200 }, (_, i) => `C${i * 3}`);
  assert.deepEqual(examined(org, "SELECT Id FROM Widget__c WHERE Code__c IN :codes AND Status__c = 'New'", { codes }), {
    rows: 200,
    examined: 200,
  });
  assert.deepEqual(examined(org, 'SELECT Id FROM Widget__c WHERE Id = :id', { id: ids[5]!.slice(0, 15) }), {
    rows: 1,
    examined: 1,
  });
  assert.deepEqual(examined(org, 'SELECT Id FROM Part__c WHERE Widget__c IN :w', { w: [ids[7]!] }), {
    rows: 1,
    examined: 1,
  });
  assert.equal(
    examined(org, 'SELECT Id FROM Widget__c WHERE Size__c = null').examined,
    3000,
    'a non-equality filter scans',
  );
});

test('IN lists the same value twice (any case): each matching row comes back once; one value needs no de-duplication', () => {
  const org = fixtureOrg();
  org.seed('Widget__c', [{ Code__c: 'dup1' }, { Code__c: 'dup2' }]);
  assert.equal(examined(org, 'SELECT Id FROM Widget__c WHERE Code__c IN :c', { c: ['dup1', 'DUP1', 'dup1'] }).rows, 1);
  assert.equal(examined(org, 'SELECT Id FROM Widget__c WHERE Code__c IN :c', { c: ['dup1', 'Dup2'] }).rows, 2);
  assert.deepEqual(examined(org, "SELECT Id FROM Widget__c WHERE Status__c = 'New'"), { rows: 2, examined: 2 });
});

test('snapshots are copy-on-write: taking one is O(1), a later write copies only the table it touches', () => {
  const org = fixtureOrg();
  org.seed(
    'Widget__c',
    Array.from({ length: 2000 }, (_, i) => ({ Code__c: `s${i}` })),
  );
  const started = process.hrtime.bigint();
  const snap = org.snapshot();
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 50);
  const widgets = org.store.stamp('Widget__c');
  org.seed('Account', [{ Name: 'after snapshot' }]);
  assert.equal(org.store.stamp('Widget__c'), widgets, 'the untouched table is still the shared, frozen one');
  org.restore(snap);
  assert.equal(org.query('SELECT Id FROM Account').length, 0);
  assert.equal(examined(org, 'SELECT Id FROM Widget__c WHERE Code__c IN :c', { c: ['s1', 's2'] }).rows, 2);
});
