/** SOQL and SOSL Reference: SELECT, WHERE operators, relationship queries, aggregates, ORDER BY, LIMIT/OFFSET, date literals. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError, type PlainRecord, type PlainValue } from '../api.ts';
import { fixtureOrg, inTransaction, insert, rec } from '../testSupport.ts';
import type { LocalOrg } from '../localOrg.ts';

function seedWidgets(org: LocalOrg): string[] {
  return inTransaction(org, () =>
    insert(org, 'Widget__c', [
      rec('Widget__c', { Code__c: 'a1', Status__c: 'New', Size__c: 3, Seen__c: '2026-03-02T08:00:00.000Z' }),
      rec('Widget__c', { Code__c: 'B2', Status__c: 'Done', Size__c: 1, Seen__c: '2026-02-01T08:00:00.000Z' }),
      rec('Widget__c', { Code__c: 'c3', Status__c: 'New', Size__c: null }),
    ]).map((r) => r.id!),
  );
}

function q(
  org: LocalOrg,
  soql: string,
  binds: Record<string, PlainValue | PlainValue[] | PlainRecord[]> = {},
): PlainRecord[] {
  return inTransaction(org, () => org.api.query(soql, (n) => binds[n]!).records);
}

test('text comparison is case-insensitive; = null matches nulls; != includes nulls', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  assert.equal(q(org, "SELECT Id FROM Widget__c WHERE Code__c = 'A1'").length, 1);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Size__c = null').length, 1);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Size__c != 3').length, 2);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Size__c > 1').length, 1);
});

test('IN / NOT IN with binds (lists of values or of records), LIKE with % and _', () => {
  const org = fixtureOrg();
  const ids = seedWidgets(org);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Id IN :ids', { ids: ids.slice(0, 2) }).length, 2);
  assert.equal(
    q(org, 'SELECT Id FROM Widget__c WHERE Id IN :recs', { recs: [rec('Widget__c', { Id: ids[2]! })] }).length,
    1,
  );
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Code__c NOT IN :codes', { codes: ['A1', 'b2'] }).length, 1);
  assert.equal(q(org, "SELECT Id FROM Widget__c WHERE Code__c LIKE '_2'").length, 1);
  assert.equal(q(org, "SELECT Id FROM Widget__c WHERE Code__c LIKE 'C%'").length, 1);
  assert.equal(
    q(org, "SELECT Id FROM Widget__c WHERE Status__c = 'New' AND (Size__c = 3 OR Size__c = null)").length,
    2,
  );
  assert.equal(q(org, "SELECT Id FROM Widget__c WHERE NOT Status__c = 'New'").length, 1);
});

test('ORDER BY defaults to NULLS FIRST ascending and NULLS LAST descending; LIMIT and OFFSET page', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  assert.deepEqual(
    q(org, 'SELECT Code__c FROM Widget__c ORDER BY Size__c').map((r) => r.Code__c),
    ['c3', 'B2', 'a1'],
  );
  assert.deepEqual(
    q(org, 'SELECT Code__c FROM Widget__c ORDER BY Size__c DESC').map((r) => r.Code__c),
    ['a1', 'B2', 'c3'],
  );
  assert.deepEqual(
    q(org, 'SELECT Code__c FROM Widget__c ORDER BY Size__c ASC NULLS LAST LIMIT 2 OFFSET 1').map((r) => r.Code__c),
    ['a1', 'c3'],
  );
  assert.deepEqual(
    q(org, 'SELECT Code__c FROM Widget__c ORDER BY Code__c LIMIT :n', { n: 1 }).map((r) => r.Code__c),
    ['a1'],
  );
});

test('parent paths nest records; child subqueries return lists (empty when none)', () => {
  const org = fixtureOrg();
  const [w1, w2] = seedWidgets(org);
  inTransaction(org, () =>
    insert(org, 'Part__c', [
      rec('Part__c', { Name: 'p1', Widget__c: w1! }),
      rec('Part__c', { Name: 'p2', Widget__c: w1! }),
    ]),
  );
  const parts = q(
    org,
    "SELECT Name, Widget__r.Code__c, Widget__r.Owner.Username FROM Part__c WHERE Widget__r.Code__c = 'a1' ORDER BY Name",
  );
  assert.equal(parts.length, 2);
  assert.equal((parts[0]!.Widget__r as PlainRecord).Code__c, 'a1');
  assert.ok(((parts[0]!.Widget__r as PlainRecord).Owner as PlainRecord).Username, 'OwnerId is the running user');
  const widgets = q(
    org,
    'SELECT Id, (SELECT Name FROM Parts__r ORDER BY Name DESC) FROM Widget__c WHERE Id IN :ids ORDER BY Code__c',
    { ids: [w1!, w2!] },
  );
  assert.deepEqual(
    (widgets[0]!.Parts__r as PlainRecord[]).map((p) => p.Name),
    ['p2', 'p1'],
  );
  assert.deepEqual(widgets[1]!.Parts__r, []);
});

test('COUNT(), aggregates with GROUP BY and aliases, semi-join IN (SELECT …)', () => {
  const org = fixtureOrg();
  const [w1] = seedWidgets(org);
  const count = inTransaction(org, () =>
    org.api.query("SELECT COUNT() FROM Widget__c WHERE Status__c = 'New'", () => null),
  );
  assert.equal(count.count, 2);
  const groups = q(org, 'SELECT Status__c, COUNT(Id) n, MAX(Size__c) FROM Widget__c GROUP BY Status__c');
  const byStatus = Object.fromEntries(groups.map((g) => [g.Status__c, g]));
  assert.equal(byStatus.New!.n, 2);
  assert.equal(byStatus.New!.expr0, 3);
  inTransaction(org, () => insert(org, 'Part__c', [rec('Part__c', { Name: 'p', Widget__c: w1! })]));
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Id IN (SELECT Widget__c FROM Part__c)').length, 1);
});

test('date literals: TODAY, LAST_N_DAYS:n on datetime fields (org clock)', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Seen__c = TODAY').length, 1);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Seen__c = LAST_N_DAYS:40').length, 2);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WHERE Seen__c < 2026-03-01T00:00:00Z').length, 1);
});

test('WITH USER_MODE / SECURITY_ENFORCED and FOR UPDATE are accepted', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WITH USER_MODE').length, 3);
  assert.equal(q(org, 'SELECT Id FROM Widget__c WITH SECURITY_ENFORCED LIMIT 1 FOR UPDATE').length, 1);
});

test("errors are System.QueryException with the platform's messages", () => {
  const org = fixtureOrg();
  const expectQueryError = (soql: string, pattern: RegExp) =>
    assert.throws(
      () => q(org, soql, { bad: 'nope' }),
      (e: unknown) => e instanceof OrgError && e.apexType === 'System.QueryException' && pattern.test(e.message),
    );
  expectQueryError('SELECT Id FROM Nope__c', /^sObject type 'Nope__c' is not supported/);
  expectQueryError('SELECT Bogus__c FROM Widget__c', /^No such column 'Bogus__c' on entity 'Widget__c'/);
  expectQueryError('SELECT Foo__r.Name FROM Widget__c', /^Didn't understand relationship 'Foo__r' in field path/);
  expectQueryError("SELECT Id FROM Widget__c WHERE Id = 'xyz'", /^invalid ID field: xyz$/);
  expectQueryError('SELECT Id FROM Widget__c WHERE Id = :bad', /^invalid ID field: nope$/);
  expectQueryError('SELECT Id FROM WHERE', /^unexpected token/);
});

test('the reading of a query counts Queries and QueryRows; custom metadata queries do not count', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  org.beginTransaction({ async: false, test: true });
  org.api.query('SELECT Id FROM Widget__c', () => null);
  org.api.query('SELECT Id FROM Setting__mdt', () => null);
  const limits = Object.fromEntries(org.api.limits().map((l) => [l.name, l.used]));
  org.rollback();
  assert.equal(limits.Queries, 1);
  assert.equal(limits.QueryRows, 3);
});

test("INCLUDES / EXCLUDES on a multi-select picklist: 'a;b' means both", () => {
  const org = fixtureOrg();
  inTransaction(org, () =>
    insert(org, 'Widget__c', [
      rec('Widget__c', { Code__c: 't1', Tags__c: 'red;green' }),
      rec('Widget__c', { Code__c: 't2', Tags__c: 'blue' }),
    ]),
  );
  assert.deepEqual(
    q(org, "SELECT Code__c FROM Widget__c WHERE Tags__c INCLUDES ('green;red')").map((r) => r.Code__c),
    ['t1'],
  );
  assert.deepEqual(
    q(org, "SELECT Code__c FROM Widget__c WHERE Tags__c INCLUDES ('blue', 'red;blue')").map((r) => r.Code__c),
    ['t2'],
  );
  assert.deepEqual(
    q(org, "SELECT Code__c FROM Widget__c WHERE Tags__c EXCLUDES ('red')").map((r) => r.Code__c),
    ['t2'],
  );
});

test('aggregate results order by a grouped field or an alias, then LIMIT', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  const byCount = q(org, 'SELECT Status__c, COUNT(Id) n FROM Widget__c GROUP BY Status__c ORDER BY n DESC LIMIT 1');
  assert.deepEqual(
    byCount.map((r) => [r.Status__c, r.n]),
    [['New', 2]],
  );
  assert.deepEqual(
    q(org, 'SELECT Status__c FROM Widget__c GROUP BY Status__c ORDER BY Status__c').map((r) => r.Status__c),
    ['Done', 'New'],
  );
});

function queryRowsUsed(org: LocalOrg, soql: string): { rows: number; result: ReturnType<LocalOrg['api']['query']> } {
  org.beginTransaction({ async: false, test: true });
  try {
    const result = org.api.query(soql, () => null);
    const used = org.api.limits().find((l) => l.name === 'QueryRows')!.used;
    return { rows: used, result };
  } finally {
    org.rollback();
  }
}

test(
  'Apex Developer Guide, "Working with SOQL Aggregate Functions": "For COUNT() or COUNT(fieldname) queries, limits ' +
    'are counted as one query row, unless the query contains a GROUP BY clause, in which case one query row per ' +
    'grouping is consumed."',
  () => {
    const org = fixtureOrg();
    seedWidgets(org);
    const countAll = queryRowsUsed(org, 'SELECT COUNT() FROM Widget__c');
    assert.equal(countAll.result.count, 3);
    assert.equal(countAll.rows, 1);
    assert.equal(queryRowsUsed(org, "SELECT COUNT() FROM Widget__c WHERE Code__c = 'none'").rows, 1);
    const countField = queryRowsUsed(org, 'SELECT COUNT(Id) n FROM Widget__c');
    assert.equal(countField.result.records[0]!.n, 3);
    assert.equal(countField.rows, 1);
    const grouped = queryRowsUsed(org, 'SELECT Status__c, COUNT(Id) n FROM Widget__c GROUP BY Status__c');
    assert.equal(grouped.result.records.length, 2);
    assert.equal(grouped.rows, 2, 'one query row per grouping');
  },
);

test(
  'Apex Developer Guide, "Working with SOQL Aggregate Functions": "All aggregate functions other than COUNT() or ' +
    'COUNT(fieldname) include each row used in the aggregation as a query row"',
  () => {
    const org = fixtureOrg();
    seedWidgets(org);
    assert.equal(queryRowsUsed(org, 'SELECT SUM(Size__c) s FROM Widget__c').rows, 3);
    assert.equal(queryRowsUsed(org, "SELECT MAX(Size__c) m FROM Widget__c WHERE Status__c = 'New'").rows, 2);
    assert.equal(queryRowsUsed(org, 'SELECT COUNT(Id) n, AVG(Size__c) a FROM Widget__c').rows, 3);
    assert.equal(queryRowsUsed(org, 'SELECT COUNT_DISTINCT(Status__c) d FROM Widget__c').rows, 3);
  },
);

test('SOQL reference, LIMIT: "You can use LIMIT with count() as the fieldList to count up to the maximum specified."', () => {
  const org = fixtureOrg();
  seedWidgets(org);
  const limited = queryRowsUsed(org, 'SELECT COUNT() FROM Widget__c LIMIT 2');
  assert.equal(limited.result.count, 2);
  assert.equal(limited.rows, 1);
  assert.equal(queryRowsUsed(org, 'SELECT COUNT() FROM Widget__c LIMIT 10').result.count, 3);
});
