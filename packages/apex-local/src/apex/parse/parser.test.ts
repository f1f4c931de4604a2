/** The parser adapter: lowering, content-hash caching and syntax errors with a stable code. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnonymous, parseClass } from './parser.ts';

test('a class lowers to a TypeDecl with members and statements', () => {
  const t = parseClass(
    'A.cls',
    'public class A { public Integer x { get; set; } public static Integer twice(Integer n) { return n * 2; } }',
  );
  assert.equal(t.name, 'A');
  assert.equal(t.props[0].name, 'x');
  assert.equal(t.methods[0].name, 'twice');
  assert.equal(t.methods[0].body?.k, 'block');
});

test('inline SOQL keeps its text with binds renamed and lists the selected fields', () => {
  const t = parseClass(
    'B.cls',
    'public class B { void m(Set<Id> ids) { List<User> u = [SELECT Id, Profile.Name FROM User WHERE Id IN :ids LIMIT 5]; } }',
  );
  const body = t.methods[0].body as {
    body: { decls: { init: { k: string; soql: string; fields: string[]; binds: unknown[] } }[] }[];
  };
  const soql = body.body[0].decls[0].init;
  assert.equal(soql.k, 'soql');
  assert.equal(soql.soql, 'SELECT Id, Profile.Name FROM User WHERE Id IN :bind0 LIMIT 5');
  assert.deepEqual(soql.fields, ['id', 'profile.name']);
  assert.equal(soql.binds.length, 1);
});

test('the same source is parsed once (cache by content hash)', () => {
  const src = 'public class C { }';
  assert.equal(parseClass('C.cls', src), parseClass('C.cls', src));
});

test('a syntax error is LOCAL_APEX_SYNTAX <file>:<line>', () => {
  assert.throws(
    () => parseClass('Bad.cls', 'public class Bad {\n  void m( {\n}'),
    /^Error: LOCAL_APEX_SYNTAX Bad\.cls:2 /,
  );
});

test('anonymous Apex: top-level variables are statements, classes are declarations', () => {
  const a = parseAnonymous('x.apex', 'public class Inner {}\nInteger i = 1;\nSystem.debug(i);');
  assert.equal(a.decls.inner[0].name, 'Inner');
  assert.deepEqual(
    a.body.map((s) => s.k),
    ['var', 'expr'],
  );
});
