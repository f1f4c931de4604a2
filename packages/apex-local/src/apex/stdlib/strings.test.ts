/** Conformance: String methods (Apex Reference Guide, "String Class"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

test('format substitutes {n} and treats doubled quotes as one (String.format)', () => {
  assert.deepEqual(debug(`System.debug(String.format('{0} of {1} \\'\\'ok\\'\\'', new List<Object>{ 3, 'five' }));`), [
    "3 of five 'ok'",
  ]);
});

test('format renders numbers like MessageFormat: grouping, at most 3 decimals', () => {
  assert.deepEqual(debug(`System.debug(String.format('{0} / {1}', new List<Object>{ 1234567, 2.34567 }));`), [
    '1,234,567 / 2.346',
  ]);
});

test('split drops trailing empty strings and takes a regex (String.split)', () => {
  assert.deepEqual(
    debug(
      `System.debug('a,b,,'.split(',')); System.debug('a.b'.split('\\\\.')); System.debug('a1b22c'.split('[0-9]+'));`,
    ),
    ['(a, b)', '(a, b)', '(a, b, c)'],
  );
});

test('join, escapeSingleQuotes, abbreviate, left/right/mid (String Class)', () => {
  assert.deepEqual(
    debug(
      `System.debug(String.join(new List<String>{'a','b'}, '-')); System.debug(String.escapeSingleQuotes('it\\'s')); System.debug('abcdefghij'.abbreviate(6)); System.debug('hello'.left(2) + 'hello'.right(2) + 'hello'.mid(1, 3));`,
    ),
    ['a-b', "it\\'s", 'abc...', 'heloell'],
  );
});

test('contains / startsWith / endsWith and their IgnoreCase forms', () => {
  assert.deepEqual(
    debug(
      `String s = 'Hello'; System.debug(s.contains('ell') + ' ' + s.containsIgnoreCase('ELL') + ' ' + s.startsWith('he') + ' ' + s.startsWithIgnoreCase('he') + ' ' + s.endsWith('lo'));`,
    ),
    ['true true false true true'],
  );
});

test('isBlank / isNotBlank / isEmpty treat null and whitespace as the platform does', () => {
  assert.deepEqual(
    debug(
      `String n; System.debug(String.isBlank(n) + ' ' + String.isBlank('  ') + ' ' + String.isEmpty(' ') + ' ' + String.isNotBlank('x'));`,
    ),
    ['true true false true'],
  );
});

test('trim, case, replace (literal) and replaceAll (regex)', () => {
  assert.deepEqual(
    debug(
      `System.debug(' a b '.trim().toUpperCase()); System.debug('a.b.c'.replace('.', '-')); System.debug('a1b2'.replaceAll('[0-9]', '#'));`,
    ),
    ['A B', 'a-b-c', 'a#b#'],
  );
});

test('substring with bad bounds is a StringException; substringBefore/After', () => {
  assert.deepEqual(
    debug(
      `System.debug('user@example.com'.substringBefore('@') + ' ' + 'user@example.com'.substringAfter('@') + ' ' + 'abc'.substring(1));`,
    ),
    ['user example.com bc'],
  );
  assert.equal(failure(`String s = 'abc'.substring(2, 9);`).type, 'System.StringException');
});

test('String.valueOf formats numbers, dates, lists and maps as System.debug does', () => {
  assert.deepEqual(
    debug(
      `System.debug(String.valueOf(1.50)); System.debug(String.valueOf(Date.newInstance(2026, 3, 2))); System.debug(String.valueOf(new Map<String,Integer>{'a'=>1})); System.debug(String.valueOf(null) == null);`,
    ),
    ['1.50', '2026-03-02', '{a=1}', 'true'],
  );
});

test('Integer.valueOf / Decimal.valueOf parse strings and reject junk (TypeException)', () => {
  assert.deepEqual(debug(`System.debug(Integer.valueOf('42') + 1); System.debug(Decimal.valueOf('1.20'));`), [
    '43',
    '1.20',
  ]);
  assert.equal(failure(`Integer i = Integer.valueOf('4x');`).type, 'System.TypeException');
});

test('EncodingUtil urlEncode and base64 round trip (EncodingUtil Class)', () => {
  assert.deepEqual(
    debug(
      `System.debug(EncodingUtil.urlEncode('a b&c', 'UTF-8')); System.debug(EncodingUtil.base64Encode(Blob.valueOf('hi'))); System.debug(EncodingUtil.base64Decode('aGk=').toString());`,
    ),
    ['a+b%26c', 'aGk=', 'hi'],
  );
});

test('Pattern and Matcher: matches() is a whole-string match (Pattern Class)', () => {
  assert.deepEqual(
    debug(
      `Pattern p = Pattern.compile('[a-f0-9]{4}'); System.debug(p.matcher('ab12').matches() + ' ' + p.matcher('ab12x').matches()); Matcher m = Pattern.compile('(\\\\d+)').matcher('a12b'); System.debug(m.find() + ' ' + m.group(1));`,
    ),
    ['true false', 'true 12'],
  );
});
