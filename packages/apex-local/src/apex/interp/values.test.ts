/** Conformance: primitive values (Apex Developer Guide, "Primitive Data Types" and "Expression Operators"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

test('Integer is 32-bit and wraps on overflow (Primitive Data Types: Integer)', () => {
  assert.deepEqual(debug('Integer i = 2147483647; i++; System.debug(i); System.debug(2147483647 + 1);'), [
    '-2147483648',
    '-2147483648',
  ]);
});

test('Integer division truncates toward zero; Decimal division keeps the fraction (Expression Operators: /)', () => {
  assert.deepEqual(debug('System.debug(7 / 2); System.debug(-7 / 2); Decimal d = 7; System.debug(d / 2);'), [
    '3',
    '-3',
    '3.5',
  ]);
});

test('division by zero is System.MathException: Divide by 0', () => {
  const f = failure('Integer z = 0; Integer x = 1 / z;');
  assert.equal(f.type, 'System.MathException');
  assert.equal(f.message, 'Divide by 0');
});

test('Long literals and arithmetic are 64-bit (Primitive Data Types: Long)', () => {
  assert.deepEqual(debug('Long l = 2147483647L; l = l + 1; System.debug(l); System.debug(9223372036854775807L);'), [
    '2147483648',
    '9223372036854775807',
  ]);
});

test('Decimal keeps its scale: 1.10 prints as 1.10, sums take the larger scale (Decimal Class)', () => {
  assert.deepEqual(
    debug(
      'Decimal a = 1.10; Decimal b = 2.005; System.debug(a); System.debug(a + b); System.debug(a.setScale(1)); System.debug(a * 2);',
    ),
    ['1.10', '3.105', '1.1', '2.20'],
  );
});

test('Integer assigned to Decimal or Long widens; mixed arithmetic promotes (Primitive Data Types: hierarchy)', () => {
  assert.deepEqual(
    debug(
      'Decimal d = 5; Long l = 5; System.debug(d instanceof Decimal); Object o = 5 + 2.5; System.debug(o instanceof Decimal); System.debug(l + 1);',
    ),
    ['true', 'true', '6'],
  );
});

test('Double prints like Java (1.0, 1.5E7)', () => {
  assert.deepEqual(debug('Double d = 1; System.debug(d); System.debug(15000000.0d); System.debug(0.5d);'), [
    '1.0',
    '1.5E7',
    '0.5',
  ]);
});

test("'a' + null is 'anull' (String concatenation)", () => {
  assert.deepEqual(debug("String s; System.debug('a' + s); System.debug(s + 1);"), ['anull', 'null1']);
});

test('String == ignores case, equals() does not (String Class: equals; Expression Operators: ==)', () => {
  assert.deepEqual(
    debug("System.debug('ABC' == 'abc'); System.debug('ABC'.equals('abc')); System.debug('ABC' != 'abd');"),
    ['true', 'false', 'true'],
  );
});

test('Map and Set keys are case-sensitive Strings (Maps and Sets)', () => {
  assert.deepEqual(
    debug(
      "Map<String,Integer> m = new Map<String,Integer>{'a' => 1}; System.debug(m.get('A')); System.debug(m.containsKey('a')); Set<String> s = new Set<String>{'x', 'X'}; System.debug(s.size());",
    ),
    ['null', 'true', '2'],
  );
});

test('Id: a 15-character Id equals its 18-character form (Primitive Data Types: ID)', () => {
  assert.deepEqual(
    debug(
      "Id a = '001000000000001'; Id b = '001000000000001AAA'; System.debug(a == b); System.debug(a); System.debug(String.valueOf(a).length());",
    ),
    ['true', '001000000000001AAA', '18'],
  );
});

test('a 15-character Id string finds the 18-character key of a Map<Id, …> and equals the Id (ID)', () => {
  assert.deepEqual(
    debug(
      "Map<Id, String> m = new Map<Id, String>{ '001000000000001AAA' => 'x' }; System.debug(m.get('001000000000001')); Id full = '001000000000001AAA'; System.debug(full == '001000000000001');",
    ),
    ['x', 'true'],
  );
});

test('an invalid Id is System.StringException: Invalid id', () => {
  const f = failure("Id x = 'nope';");
  assert.equal(f.type, 'System.StringException');
  assert.equal(f.message, 'Invalid id: nope');
});

test('a null Boolean in a condition is a NullPointerException', () => {
  assert.equal(failure('Boolean b; if (b) { System.debug(1); }').type, 'System.NullPointerException');
});

test('dereferencing null is System.NullPointerException: Attempt to de-reference a null object', () => {
  const f = failure('String s; Integer n = s.length();');
  assert.equal(f.type, 'System.NullPointerException');
  assert.equal(f.message, 'Attempt to de-reference a null object');
});

test('Date and Datetime arithmetic and printing (Date/Datetime Classes)', () => {
  assert.deepEqual(
    debug(
      "Date d = Date.newInstance(2026, 1, 31); System.debug(d.addMonths(1)); System.debug(d + 1); Datetime t = Datetime.newInstanceGmt(2026, 3, 2, 10, 5, 0); System.debug(t); System.debug(t.formatGmt('yyyy-MM-dd\\'T\\'HH:mm:ss\\'Z\\''));",
    ),
    ['2026-02-28', '2026-02-01', '2026-03-02 10:05:00', '2026-03-02T10:05:00Z'],
  );
});

test('System.now() and Date.today() follow the org clock', () => {
  assert.deepEqual(debug('System.debug(System.now()); System.debug(Date.today());'), [
    '2026-03-02 10:00:00',
    '2026-03-02',
  ]);
});
