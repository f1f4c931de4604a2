import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staticFeatureReferences } from './optionalFeatures.ts';

test('static Employee2 and Person Account references are found; dynamic ones in strings are not', () => {
  const source = [
    'public class A {',
    "    List<SObject> ok = Database.query('SELECT Id, PersonContactId FROM Employee2');",
    "    // Employee2 in a comment is fine; so is account.put('PersonEmail', x)",
    '    List<Employee2> bad = [SELECT Id FROM Employee2];',
    '    Id c = acc.PersonContactId;',
    "    Account a = new Account(LastName = 'x');",
    '    String n = Account.FirstName;',
    '}',
  ].join('\n');
  const problems = staticFeatureReferences(source);
  assert.equal(problems.filter((p) => p.startsWith('line 4:')).length, 2, problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('line 5:') && p.includes('PersonContactId')));
  assert.ok(problems.some((p) => p.startsWith('line 6:')));
  assert.ok(problems.some((p) => p.startsWith('line 7:')));
  assert.ok(!problems.some((p) => /line [123]:/.test(p)), problems.join('\n'));
});
