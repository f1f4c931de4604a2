/**
 * Regressions found by running public Apex (recipe-style utility classes and their tests) on the local org: each
 * case is a short sample written here, not copied code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure, run } from '../testing.ts';

test('Iterator / Iterable: user classes implement them; List.iterator() and Set.iterator() walk the collection', () => {
  assert.deepEqual(
    debug(`
public class Countdown implements Iterator<Integer> {
    private Integer n;
    public Countdown(Integer n) { this.n = n; }
    public Boolean hasNext() { return n > 0; }
    public Integer next() { return n--; }
}
public class Pages implements Iterable<Integer> {
    public Iterator<Integer> iterator() { return new Countdown(3); }
}
Iterator<Integer> it = new Pages().iterator();
List<Integer> seen = new List<Integer>();
while (it.hasNext()) { seen.add(it.next()); }
System.debug(seen);
Iterator<String> li = new List<String>{ 'a', 'b' }.iterator();
String s = '';
while (li.hasNext()) { s += li.next(); }
System.debug(s);
Iterator<Integer> si = new Set<Integer>{ 4, 5 }.iterator();
Integer sum = 0;
while (si.hasNext()) { sum += si.next(); }
System.debug(sum + ' ' + (li instanceof Iterator<String>));`),
    ['(3, 2, 1)', 'ab', '9 true'],
  );
});

test('List.iterator(): next() past the end, or a list changed under the iterator, stops (LOCAL_UNSUPPORTED)', () => {
  assert.equal(failure(`Iterator<String> i = new List<String>().iterator(); i.next();`).type, 'LOCAL_UNSUPPORTED');
  assert.equal(
    failure(`List<String> l = new List<String>{ 'a' }; Iterator<String> i = l.iterator(); l.add('b'); i.hasNext();`)
      .type,
    'LOCAL_UNSUPPORTED',
  );
});

test('adding to or removing from a List inside a for loop over it is a FinalException ("Iterating Collections")', () => {
  for (const change of [`l.add('c');`, `l.remove(0);`, `l.clear();`, `l.addAll(new List<String>{ 'c' });`]) {
    const f = failure(`List<String> l = new List<String>{ 'a', 'b' }; for (String s : l) { ${change} }`);
    assert.equal(f.type, 'System.FinalException', change);
    assert.equal(f.message, 'Cannot modify a collection while it is being iterated.');
  }
  // after the loop (or in a nested loop over another list) the list is free again; element assignment is allowed
  assert.deepEqual(
    debug(`List<String> l = new List<String>{ 'a', 'b' };
for (String s : l) { l[0] = 'z'; for (String t : new List<String>{ 'q' }) {} }
l.add('c');
try { for (String s : l) { throw new DmlException('x'); } } catch (DmlException e) {}
l.add('d');
System.debug(l);`),
    ['(z, b, c, d)'],
  );
});

test('changing a Set, or adding Map keys, while a for loop runs over it stops; updating existing Map values does not', () => {
  assert.equal(
    failure(`Set<Integer> s = new Set<Integer>{ 1, 2 }; for (Integer i : s) { s.remove(i); }`).type,
    'LOCAL_UNSUPPORTED',
  );
  assert.equal(
    failure(
      `Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1 }; for (String k : m.keySet()) { m.put(k + 'x', 1); }`,
    ).type,
    'LOCAL_UNSUPPORTED',
  );
  assert.deepEqual(
    debug(`Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1, 'b' => 2 };
Set<Integer> s = new Set<Integer>{ 1 };
for (String k : m.keySet()) { m.put(k, m.get(k) + 10); s.add(1); }
for (Integer v : m.values()) { m.put('c', v); }
System.debug(m);`),
    ['{a=11, b=12, c=12}'],
  );
});

test('AggregateResult takes the single row of an aggregate query ("Working with SOQL Aggregate Functions")', () => {
  assert.deepEqual(
    debug(`insert new List<Opportunity>{
    new Opportunity(Name = 'o1', StageName = 'Prospecting', CloseDate = Date.today(), Amount = 10),
    new Opportunity(Name = 'o2', StageName = 'Prospecting', CloseDate = Date.today(), Amount = 5) };
AggregateResult ar = [SELECT SUM(Amount) total, COUNT(Id) n FROM Opportunity];
System.debug(ar);
System.debug((Decimal) ar.get('total') + ' ' + (Integer) ar.get('n'));
AggregateResult cast = (AggregateResult) [SELECT COUNT(Id) c FROM Opportunity];
System.debug(cast.get('c'));`),
    ['AggregateResult:{total=15, n=2}', '15 2', '2'],
  );
});

test('collection constructors Apex does not have are compile errors; Map(List<SObject>) needs Ids', () => {
  assert.equal(failure(`List<Integer> l = new List<Integer>(3);`).type, 'LOCAL_APEX_COMPILE');
  assert.equal(failure(`Set<String> s = new Set<String>('a');`).type, 'LOCAL_APEX_COMPILE');
  const f = failure(`Map<Id, Account> m = new Map<Id, Account>(new List<Account>{ new Account(Name = 'x') });`);
  assert.equal(f.type, 'System.ListException');
  assert.equal(f.message, 'Row with null Id at index: 0');
  const p = failure(`Map<Id, Account> m = new Map<Id, Account>(); m.putAll(new List<Account>{ new Account() });`);
  assert.equal(p.message, 'Row with null Id at index: 0');
});

test('deleting a record that standard lookups still reference stops instead of leaving them dangling', () => {
  const r = run(`Account a = new Account(Name = 'X'); insert a;
insert new Contact(LastName = 'L', AccountId = a.Id);
delete a;`);
  assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED');
  assert.match(r.error!.message, /Contact\.AccountId/);
  // nothing references it: the delete goes through
  assert.deepEqual(
    debug(`Account a = new Account(Name = 'X'); insert a; delete a; System.debug([SELECT COUNT() FROM Account]);`),
    ['0'],
  );
});
