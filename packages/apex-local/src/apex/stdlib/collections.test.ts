/** Conformance: List, Set and Map (Apex Reference Guide, "List Class", "Set Class", "Map Class"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

test('List: add/get/set/remove/contains/indexOf/sort and printing', () => {
  assert.deepEqual(
    debug(
      `List<Integer> l = new List<Integer>{3, 1, 2}; l.add(0, 9); l.sort(); System.debug(l); l.remove(0); l.set(0, 7); System.debug(l + ' ' + l.contains(7) + ' ' + l.indexOf(3) + ' ' + l.size());`,
    ),
    ['(1, 2, 3, 9)', '(7, 3, 9) true 1 3'],
  );
});

test('List.contains compares Strings case-sensitively, like Set (List Class: contains uses equals)', () => {
  assert.deepEqual(
    debug(
      `List<String> l = new List<String>{'a'}; System.debug(l.contains('A') + ' ' + l.contains('a') + ' ' + l.indexOf('A'));`,
    ),
    ['false true -1'],
  );
});

test('List index out of bounds is a ListException', () => {
  const f = failure(`List<String> l = new List<String>(); String s = l[0];`);
  assert.equal(f.type, 'System.ListException');
  assert.equal(f.message, 'List index out of bounds: 0');
});

test('arrays are Lists: new String[2] and String[]{} (Lists)', () => {
  assert.deepEqual(
    debug(
      `String[] a = new String[2]; a[1] = 'x'; System.debug(a); Integer[] b = new Integer[]{1, 2}; System.debug(b.size());`,
    ),
    ['(null, x)', '2'],
  );
});

test('Set: add returns false for duplicates; retainAll/removeAll; prints with braces', () => {
  assert.deepEqual(
    debug(
      `Set<String> s = new Set<String>{'a', 'b'}; System.debug(s.add('a')); s.retainAll(new List<String>{'b', 'c'}); System.debug(s);`,
    ),
    ['false', '{b}'],
  );
});

test('Map: put/get/keySet/values/remove, insertion order, Map<Id,SObject>(List) keyed by Id', () => {
  assert.deepEqual(
    debug(`Map<String, Integer> m = new Map<String, Integer>(); m.put('b', 2); m.put('a', 1); System.debug(m); System.debug(m.keySet()); System.debug(m.values()); m.remove('b'); System.debug(m.size());
      List<Account> accs = new List<Account>{ new Account(Name = 'x') }; insert accs; Map<Id, Account> byId = new Map<Id, Account>(accs); System.debug(byId.get(accs[0].Id).Name);`),
    ['{b=2, a=1}', '{b, a}', '(2, 1)', '1', 'x'],
  );
});

test('sorting objects with Comparable.compareTo (Comparable Interface)', () => {
  assert.deepEqual(
    debug(`public class Item implements Comparable { public Integer n; public Item(Integer n) { this.n = n; } public Integer compareTo(Object o) { return n - ((Item) o).n; } }
      List<Item> items = new List<Item>{ new Item(3), new Item(1) }; items.sort(); System.debug(items[0].n);`),
    ['1'],
  );
});

test('Math: max/min/abs/mod/round', () => {
  assert.deepEqual(
    debug(
      `System.debug(Math.max(2, 5) + ' ' + Math.min(2, 5) + ' ' + Math.abs(-3) + ' ' + Math.mod(7, 3) + ' ' + Math.round(2.5));`,
    ),
    ['5 2 3 1 2'],
  );
});
