/** Binding stands on its own: types resolve and the fence runs from the registry, the standard library and a schema — no interpreter, no org. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ObjectDescribe } from '../../org/api.ts';
import { parseAnonymous } from '../parse/parser.ts';
import { createStdlib } from '../stdlib/index.ts';
import { checkFenceStatements } from './fence.ts';
import { Registry } from './registry.ts';
import { TypeResolver, type Binding } from './typeResolver.ts';

/** a schema with one SObject type, Widget__c (also asked for as Schema.Widget__c) */
const widget = { name: 'Widget__c', fields: {}, childRelationships: [] } as unknown as ObjectDescribe;
const binding: Binding = {
  registry: new Registry(),
  stdlib: createStdlib(),
  schema: { describe: (name) => (/^(schema\.)?widget__c$/i.test(name) ? widget : undefined) },
};

test('written types resolve to primitives, collections, built-in classes, standard-library and SObject types', () => {
  const types = new TypeResolver(binding);
  const resolve = (name: string, args: { name: string; args: [] }[] = []) => types.tryResolve({ name, args }, null);
  assert.deepEqual(resolve('system.integer'), { name: 'Integer', args: [], kind: 'prim' });
  assert.equal(resolve('List', [{ name: 'Widget__c', args: [] }])?.args[0].kind, 'sobject');
  assert.equal(resolve('Schema.Widget__c')?.name, 'Widget__c');
  assert.equal(resolve('DmlException')?.kind, 'exception');
  assert.equal(resolve('HttpRequest')?.kind, 'native');
  assert.equal(
    resolve('Map', [
      { name: 'String', args: [] },
      { name: 'NoSuchType', args: [] },
    ]),
    null,
  );
});

test('resolveCached returns the same TypeDesc for the same written type and remembers no failure', () => {
  const types = new TypeResolver(binding);
  const ref = { name: 'List', args: [{ name: 'String', args: [] }] };
  assert.equal(types.resolveCached(ref, null), types.resolveCached(ref, null));
  assert.equal(types.resolveCached({ name: 'Nope', args: [] }, null), null);
});

test('the fence needs only the binding', () => {
  const unit = parseAnonymous('sample.apex', 'Widget__c w = new Widget__c();\nGadget__c g = null;');
  const cls = binding.registry.buildDetached({ ...unit.decls, name: '__Anonymous' }, 'sample.apex');
  assert.deepEqual(checkFenceStatements(binding, cls, unit.body), [
    // a type neither the project nor the platform has: the compiler would refuse it too
    { code: 'LOCAL_APEX_COMPILE', file: 'sample.apex', line: 2, what: 'Invalid type: Gadget__c' },
  ]);
});
