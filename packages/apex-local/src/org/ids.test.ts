/** SOAP API Developer Guide, "ID Field Type": 15-char case-sensitive ids and the 3-char case-insensitive suffix. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdGenerator, checksumSuffix, idKey, isValidId, keyPrefixOf, to15, to18 } from './ids.ts';

test('18-char suffix encodes the upper-case positions of each 5-char chunk (001000000000000 -> AAA)', () => {
  assert.equal(checksumSuffix('001000000000000'), 'AAA');
  assert.equal(to18('00e5g000000000E'), '00e5g000000000EAAQ');
});

test('15- and 18-char forms of one id share an index key; different case means a different record', () => {
  const id = new IdGenerator().next('005');
  assert.equal(id.length, 18);
  assert.equal(idKey(id), idKey(to15(id)));
  assert.notEqual(idKey('005A00000000001'), idKey('005a00000000001'));
});

test('validity: 15/18 alphanumerics with a matching suffix', () => {
  const id = new IdGenerator().next('001');
  assert.ok(isValidId(id) && isValidId(to15(id)) && isValidId(id.toLowerCase().slice(0, 15) + id.slice(15)));
  assert.ok(!isValidId('abc'));
  assert.ok(!isValidId(to15(id) + 'ZZZ'));
  assert.equal(keyPrefixOf(id), '001');
});
