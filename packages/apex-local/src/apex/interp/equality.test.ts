/**
 * Conformance: Apex equality in every place it is used — `==`/`!=`, `equals`, Map keys, Set elements, `contains`,
 * `indexOf` — for every kind of value. Sources (Apex Developer Guide unless marked): "Expression Operators" (==),
 * "Maps", "Sets", "Using Custom Types in Map Keys and Sets", "Id Data Type" (Primitive Data Types); Apex Reference
 * Guide "Map Class", "Set Class", "List Class".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

const PAIR = `
class Pair {
  Integer x; Integer y;
  Pair(Integer a, Integer b) { x = a; y = b; }
  public Boolean equals(Object o) {
    if (o instanceof Pair) { Pair p = (Pair) o; return x == p.x && y == p.y; }
    return false;
  }
  public Integer hashCode() { return (31 * x) ^ y; }
}
class Plain { Integer x; Plain(Integer a) { x = a; } }
`;

test('custom types as Map keys and Set elements use equals/hashCode ("Using Custom Types in Map Keys and Sets")', () => {
  assert.deepEqual(
    debug(`${PAIR}
Map<Pair, String> m = new Map<Pair, String>();
Pair p1 = new Pair(1, 2); Pair p2 = new Pair(3, 4); Pair p3 = new Pair(1, 2);
m.put(p1, 'first'); m.put(p2, 'second'); m.put(p3, 'third');
System.debug(m.size() + ' ' + m.get(new Pair(1, 2)) + ' ' + m.containsKey(new Pair(3, 4)) + ' ' + m.containsKey(new Pair(5, 6)));
System.debug(p1 == p3);
Set<Pair> s = new Set<Pair>{ p1, p2, p3 };
System.debug(s.size() + ' ' + s.contains(new Pair(3, 4)));
s.remove(new Pair(1, 2));
System.debug(s.size() + ' ' + m.remove(new Pair(3, 4)) + ' ' + m.size());
List<Pair> l = new List<Pair>{ p2, p1 };
System.debug(l.contains(new Pair(1, 2)) + ' ' + l.indexOf(new Pair(1, 2)));
Set<Pair> other = new Set<Pair>{ new Pair(1, 2) };
Set<Pair> all = new Set<Pair>{ p1, p2 };
all.retainAll(other);
System.debug(all.size() + ' ' + all.contains(p3));`),
    ['2 third true false', 'true', '2 true', '1 second 1', 'true 1', '1 true'],
  );
});

test('classes without equals/hashCode are keys by identity ("Expression Operators": user-defined types by reference)', () => {
  assert.deepEqual(
    debug(`${PAIR}
Plain a = new Plain(1);
Set<Plain> s = new Set<Plain>{ a, new Plain(1) };
System.debug(s.size() + ' ' + s.contains(a) + ' ' + s.contains(new Plain(1)) + ' ' + (a == new Plain(1)));`),
    ['2 true false false'],
  );
});

test('String keys are case-sensitive, == is not ("Maps", "Sets", "Expression Operators")', () => {
  assert.deepEqual(
    debug(`Map<String, Integer> m = new Map<String, Integer>{ 'Red' => 1 };
Set<String> s = new Set<String>{ 'a', 'A' };
System.debug(m.containsKey('red') + ' ' + m.get('Red') + ' ' + s.size() + ' ' + ('a' == 'A') + ' ' + 'a'.equals('A'));`),
    ['false 1 2 true false'],
  );
});

test('Ids: 15 and 18 characters are the same Id in ==, Set<Id> and Map<Id,…> ("Primitive Data Types": Id)', () => {
  assert.deepEqual(
    debug(`Account a = new Account(Name = 'x'); insert a;
Id id18 = a.Id; String s15 = String.valueOf(id18).left(15);
Set<Id> ids = new Set<Id>{ id18 };
Map<Id, String> m = new Map<Id, String>{ id18 => 'v' };
List<Id> l = new List<Id>{ id18 };
System.debug((id18 == s15) + ' ' + ids.contains(s15) + ' ' + m.get(s15) + ' ' + l.contains(s15) + ' ' + l.indexOf(s15));`),
    ['true true v true 0'],
  );
});

test('SObjects are keys by field values, whatever order the fields were set in ("Maps": sObject keys)', () => {
  assert.deepEqual(
    debug(`Map<Account, Integer> m = new Map<Account, Integer>();
m.put(new Account(Name = 'a', Phone = '1'), 1);
System.debug(m.get(new Account(Phone = '1', Name = 'a')) + ' ' + m.containsKey(new Account(Name = 'A', Phone = '1')));
Set<Contact> s = new Set<Contact>{ new Contact(LastName = 'x'), new Contact(LastName = 'x') };
System.debug(s.size() + ' ' + new List<Contact>{ new Contact(LastName = 'x') }.contains(new Contact(LastName = 'x')));`),
    ['1 false', '1 true'],
  );
});

test('collections are keys and elements by value ("Maps": keys can be collections; "Expression Operators")', () => {
  assert.deepEqual(
    debug(`Map<List<String>, Integer> m = new Map<List<String>, Integer>{ new List<String>{ 'a', 'b' } => 1 };
Set<Set<Integer>> ss = new Set<Set<Integer>>{ new Set<Integer>{ 1, 2 }, new Set<Integer>{ 2, 1 } };
Map<Map<String, Integer>, String> mm = new Map<Map<String, Integer>, String>{ new Map<String, Integer>{ 'k' => 1 } => 'v' };
System.debug(m.get(new List<String>{ 'a', 'b' }) + ' ' + m.containsKey(new List<String>{ 'A', 'b' }) + ' ' + ss.size() + ' ' + mm.get(new Map<String, Integer>{ 'k' => 1 }));
System.debug((new List<Integer>{ 1, 2 } == new List<Integer>{ 1, 2 }) + ' ' + (new Set<String>{ 'a' } == new Set<String>{ 'a' }) + ' ' + (new Map<String, Integer>{ 'a' => 1 } == new Map<String, Integer>{ 'a' => 2 }));`),
    ['1 false 1 v', 'true true false'],
  );
});

test('Schema.SObjectType and SObjectField tokens are Map keys by value ("Maps": built-in Apex types as keys)', () => {
  assert.deepEqual(
    debug(`Map<Schema.SObjectType, String> m = new Map<Schema.SObjectType, String>{ Contact.SObjectType => 'c' };
System.debug(m.get(new Contact().getSObjectType()) + ' ' + m.containsKey(Schema.getGlobalDescribe().get('contact')) + ' ' + m.containsKey(Account.SObjectType));
Set<Schema.SObjectField> f = new Set<Schema.SObjectField>{ Account.Name };
System.debug(f.contains(Schema.SObjectType.Account.fields.getMap().get('name')) + ' ' + f.contains(Account.Phone) + ' ' + (Contact.SObjectType == new Contact().getSObjectType()));
Map<Type, Integer> t = new Map<Type, Integer>{ String.class => 1 };
System.debug(t.get(Type.forName('String')) + ' ' + (String.class == Type.forName('string')));`),
    ['c true false', 'true false true', '1 true'],
  );
});

test('enums are keys by value, including platform enums ("Maps": keys can be any data type)', () => {
  assert.deepEqual(
    debug(`enum Color { RED, GREEN }
Map<Color, Integer> m = new Map<Color, Integer>{ Color.RED => 1 };
Set<Schema.DisplayType> d = new Set<Schema.DisplayType>{ Schema.DisplayType.STRING };
System.debug(m.get(Color.valueOf('RED')) + ' ' + d.contains(Account.Name.getDescribe().getType()));`),
    ['1 true'],
  );
});

test('Map.keySet() is backed by the map: removals reach it, later puts show in it ("Map Class": keySet)', () => {
  assert.deepEqual(
    debug(`Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1, 'b' => 2, 'c' => 3 };
Set<String> keys = m.keySet();
keys.remove('a');
m.put('d', 4);
System.debug(m.size() + ' ' + keys.size() + ' ' + keys.contains('d'));
m.keySet().retainAll(new Set<String>{ 'b' });
System.debug(m);`),
    ['3 3 true', '{b=2}'],
  );
  const f = failure(`Map<String, Integer> m = new Map<String, Integer>(); m.keySet().add('x');`);
  assert.equal(f.type, 'LOCAL_UNSUPPORTED');
});

test('numbers are keys by value across Integer and Long; a String is never a number key ("Sets")', () => {
  assert.deepEqual(
    debug(`Set<Object> s = new Set<Object>{ 1, 1L, '1', 'i1', 2.0 };
System.debug(s.size() + ' ' + s.contains(1) + ' ' + s.contains('1') + ' ' + s.contains(2.0));`),
    ['4 true true true'],
  );
});
