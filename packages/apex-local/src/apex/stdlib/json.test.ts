/** Conformance: JSON (Apex Reference Guide, "JSON Class"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

const DTO = `public class Dto { public String name; public Integer count; public Decimal ratio; public Datetime at; public List<String> tags; public Dto inner; }`;

test('serialize writes Apex objects in declaration order, nulls included, Datetime as ISO 8601 GMT', () => {
  const out = debug(`${DTO}
    Dto d = new Dto(); d.name = 'a'; d.count = 2; d.ratio = 1.50; d.at = Datetime.newInstanceGmt(2026, 3, 2, 10, 0, 0); d.tags = new List<String>{'x'};
    System.debug(JSON.serialize(d)); System.debug(JSON.serialize(d, true));`);
  assert.equal(out[0], '{"name":"a","count":2,"ratio":1.50,"at":"2026-03-02T10:00:00.000Z","tags":["x"],"inner":null}');
  assert.equal(out[1], '{"name":"a","count":2,"ratio":1.50,"at":"2026-03-02T10:00:00.000Z","tags":["x"]}');
});

test('serializePretty uses the platform (Jackson) layout: two-space indent, " : ", inline arrays', () => {
  const out = debug(
    `System.debug(JSON.serializePretty(new Map<String, Object>{ 'a' => 1, 'b' => new List<Object>{ 1, new Map<String, Object>{ 'c' => true } }, 'e' => new Map<String, Object>() }));`,
  );
  assert.equal(out[0], '{\n  "a" : 1,\n  "b" : [ 1, {\n    "c" : true\n  } ],\n  "e" : { }\n}');
});

test('SObjects serialize with attributes (type, url when the record has an Id)', () => {
  const out = debug(
    `Account a = new Account(Name = 'A'); System.debug(JSON.serialize(a)); insert a; System.debug(JSON.serialize(a).startsWith('{"attributes":{"type":"Account","url":"/services/data/v65.0/sobjects/Account/001'));`,
  );
  assert.deepEqual(out, ['{"attributes":{"type":"Account"},"Name":"A"}', 'true']);
});

test('deserialize into Apex classes and collections, ignoring unknown keys (JSON.deserialize)', () => {
  const out = debug(`${DTO}
    Dto d = (Dto) JSON.deserialize('{"name":"n","count":3,"ratio":2.50,"tags":["p","q"],"inner":{"name":"i"},"extra":1,"at":"2026-03-02T10:00:00Z"}', Dto.class);
    System.debug(d.name + d.count + ' ' + d.ratio + ' ' + d.tags + ' ' + d.inner.name + ' ' + d.at);
    List<Dto> many = (List<Dto>) JSON.deserialize('[{"name":"x"}]', List<Dto>.class); System.debug(many[0].name);
    Map<String, Integer> m = (Map<String, Integer>) JSON.deserialize('{"a":1}', Map<String, Integer>.class); System.debug(m);`);
  assert.deepEqual(out, ['n3 2.50 (p, q) i 2026-03-02 10:00:00', 'x', '{a=1}']);
});

test('deserializeStrict rejects unknown keys with a JSONException', () => {
  const f = failure(`${DTO} Object o = JSON.deserializeStrict('{"nope":1}', Dto.class);`);
  assert.equal(f.type, 'System.JSONException');
});

test('deserializeUntyped: objects are Map<String,Object>, numbers Integer / Long / Decimal (JSON.deserializeUntyped)', () => {
  const out =
    debug(`Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped('{"i":1,"l":12345678901,"d":2.50,"s":"x","n":null,"a":[1]}');
    System.debug((m.get('i') instanceof Integer) + ' ' + (m.get('l') instanceof Long) + ' ' + (m.get('d') instanceof Decimal) + ' ' + m.get('d') + ' ' + (m.get('a') instanceof List<Object>) + ' ' + m.containsKey('n'));`);
  assert.deepEqual(out, ['true true true 2.50 true true']);
});

test('malformed JSON is a JSONException', () => {
  assert.equal(failure(`Object o = JSON.deserializeUntyped('{"a":');`).type, 'System.JSONException');
});

// Messages as real orgs print them (salesforce.stackexchange.com questions 137599, 301508 and 45178): Jackson's
// wording, then the position of the offending character, `at [line:L, column:C]`, with Jackson's column (one past it).
test('JSON syntax errors read like the platform: character, code, expectation, line and column', () => {
  assert.equal(
    failure(`Object o = JSON.deserializeUntyped('request%5Baccount');`).message,
    "Unexpected character ('r' (code 114)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:2]",
  );
  assert.equal(
    failure(`Object o = JSON.deserializeUntyped('{\\n  "a": 1,\\n  b: 2}');`).message,
    "Unexpected character ('b' (code 98)): was expecting double-quote to start field name at [line:3, column:4]",
  );
  assert.equal(
    failure(`Object o = JSON.deserializeUntyped('{"Country":NULL}');`).message,
    "Unrecognized token 'NULL': was expecting 'null', 'true' or 'false' at [line:1, column:16]",
  );
  assert.equal(
    failure(`Object o = JSON.deserializeUntyped('[1 2]');`).message,
    "Unexpected character ('2' (code 50)): was expecting comma to separate ARRAY entries at [line:1, column:5]",
  );
  assert.equal(failure(`Object o = JSON.deserializeUntyped('{"a":');`).type, 'System.JSONException');
});
