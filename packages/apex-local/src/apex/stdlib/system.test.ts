/** Conformance: System, Assert, Limits, Type, UserInfo, custom metadata and Metadata deploys (Apex Reference Guide). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalRuntime } from '../../runtime/runtime.ts';
import { debug, failure, runInTest } from '../testing.ts';

test('Assert.areEqual failure message: "Assertion Failed: <msg>. Expected: x, Actual: y" (Assert Class)', () => {
  const f = failure(`Assert.areEqual(1, 2, 'numbers differ');`);
  assert.equal(f.type, 'System.AssertException');
  assert.equal(f.message, 'Assertion Failed: numbers differ. Expected: 1, Actual: 2');
});

test('assertions compare Strings case-sensitively, unlike == (System.assertEquals)', () => {
  assert.equal(
    failure(`System.assert('a' == 'A'); System.assertEquals('a', 'A');`).message,
    'Assertion Failed: Expected: a, Actual: A',
  );
});

test("an assertion failure can't be caught by try/catch (Assert Class)", () => {
  const f = failure(`try { Assert.fail('boom'); } catch (Exception e) { System.debug('caught'); }`);
  assert.equal(f.type, 'System.AssertException');
  assert.equal(f.message, 'Assertion Failed: boom');
});

test('System.assertEquals and System.assert messages (System Class)', () => {
  assert.equal(failure(`System.assertEquals('a', 'b');`).message, 'Assertion Failed: Expected: a, Actual: b');
  assert.equal(failure(`System.assert(false, 'why');`).message, 'Assertion Failed: why');
  assert.equal(failure(`Assert.isTrue(false);`).message, 'Assertion Failed: Expected: true, Actual: false');
});

test('System.debug prints collections, maps and SObjects as the platform does', () => {
  assert.deepEqual(
    debug(
      `System.debug(new List<Object>{1, 'a', null}); System.debug(new Map<String, List<Integer>>{'k' => new List<Integer>{1}}); System.debug(new Contact(LastName = 'L'));`,
    ),
    ['(1, a, null)', '{k=(1)}', 'Contact:{LastName=L}'],
  );
});

test('Limits report the transaction usage against the limits (Limits Class)', () => {
  assert.deepEqual(
    debug(
      `List<Account> a = [SELECT Id FROM Account]; insert new Account(Name = 'x'); System.debug(Limits.getQueries() + '/' + Limits.getLimitQueries() + ' ' + Limits.getDmlStatements() + '/' + Limits.getLimitDmlStatements());`,
    ),
    ['1/100 1/150'],
  );
});

test('UserInfo answers for the running user without counting SOQL queries', () => {
  const out = debug(
    `System.debug(UserInfo.getUserName() != null); System.debug(Limits.getQueries()); System.debug(UserInfo.getUserId() == [SELECT Id FROM User WHERE Id = :UserInfo.getUserId()].Id);`,
  );
  assert.deepEqual(out, ['true', '0', 'true']);
});

test('System.enqueueJob returns the AsyncApexJob id; System.schedule returns the CronTrigger id', () => {
  const out =
    debug(`public class Job implements Queueable, Schedulable { public void execute(QueueableContext c) {} public void execute(SchedulableContext c) {} }
    Id q = System.enqueueJob(new Job()); System.debug(q.getSObjectType()); Id s = System.schedule('nightly', '0 0 2 * * ?', new Job()); System.debug(s.getSObjectType()); System.abortJob(s);`);
  assert.deepEqual(out, ['AsyncApexJob', 'CronTrigger']);
});

test('Crypto random numbers are Integers/Longs', () => {
  assert.deepEqual(
    debug(
      `Object i = Crypto.getRandomInteger(); Object l = Crypto.getRandomLong(); System.debug((i instanceof Integer) + ' ' + (l instanceof Long));`,
    ),
    ['true true'],
  );
});

const PROJECT = fileURLToPath(new URL('../../runtime/__fixtures__/project', import.meta.url));

test('custom metadata getAll() / getInstance() read the project records (Custom Metadata Type Methods)', () => {
  const rt = LocalRuntime.load(PROJECT);
  const r = rt.runAnonymous(
    `System.debug(Setting__mdt.getAll().keySet()); Setting__mdt s = Setting__mdt.getInstance('Default'); System.debug(s.Limit__c + ' ' + s.Enabled__c); System.debug(Setting__mdt.getInstance('Nope'));`,
  );
  assert.equal(r.error, undefined);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['{Default}', '42 true', 'null'],
  );
});

test('Type.forName and newInstance create package classes by name (Type Class)', () => {
  const rt = LocalRuntime.load(PROJECT);
  const r = rt.runAnonymous(
    `Type t = Type.forName('SettingSaver'); Object o = t.newInstance(); System.debug(o instanceof Metadata.DeployCallback); System.debug(t.getName()); System.debug(Type.forName('NoSuchClass') == null);`,
  );
  assert.equal(r.error, undefined);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['true', 'SettingSaver', 'true'],
  );
});

test('Metadata.Operations.enqueueDeployment applies the record after commit and calls the DeployCallback', () => {
  const rt = LocalRuntime.load(PROJECT);
  const r = rt.runAnonymous(`System.debug(SettingSaver.save('Second', 7) != null);`);
  assert.equal(r.error, undefined);
  const after = rt.runAnonymous(`System.debug(Setting__mdt.getInstance('Second').Limit__c);`);
  assert.deepEqual(
    after.debug.map((d) => d.message),
    ['7'],
  );
});

test('the heap is estimated from live values; past 6 MB a sync transaction fails with "Apex heap size too large" (Execution Governors and Limits)', () => {
  assert.deepEqual(
    debug(
      `List<String> l = new List<String>(); for (Integer i = 0; i < 1000; i++) l.add('x'.repeat(100)); System.debug(Limits.getHeapSize() >= 100000);`,
    ),
    ['true'],
  );
  const f = failure(
    `List<String> l = new List<String>(); String chunk = 'x'.repeat(1000); for (Integer i = 0; i < 7000; i++) l.add(chunk + i);`,
  );
  assert.equal(f.type, 'System.LimitException');
  assert.match(f.message, /^Apex heap size too large: \d+$/);
});

test('a large native allocation (JSON.deserializeUntyped of a big body) is sampled at the next statement: the heap limit is seen within a few statements', () => {
  const f = failure(
    `String big = 'x'.repeat(2500000); Object parsed = JSON.deserializeUntyped('["' + big + '","' + big + '"]'); System.debug('still running');`,
  );
  assert.equal(f.type, 'System.LimitException');
  assert.match(f.message, /^Apex heap size too large: \d+$/);
});

test("Test.startTest() gives a fresh set of limits; stopTest() restores the test's own (Using Limits, startTest, and stopTest)", () => {
  const r = runInTest(`
    for (Integer i = 0; i < 90; i++) { List<Account> a = [SELECT Id FROM Account]; }
    Test.startTest(); for (Integer i = 0; i < 90; i++) { List<Account> a = [SELECT Id FROM Account]; } System.debug(Limits.getQueries()); Test.stopTest();
    System.debug(Limits.getQueries());`);
  assert.equal(r.error, undefined, r.error?.message);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['90', '90'],
  );
});

test('Type.forName takes generic names: List<Account>, Map<String,Object>, Set<Id> (Apex Reference Guide, "Type Class": forName)', () => {
  assert.deepEqual(
    debug(`Type t = Type.forName('List<Account>');
System.debug(t + ' ' + (t == List<Account>.class) + ' ' + (t == List<Contact>.class) + ' ' + t.getName());
Type m = Type.forName('Map<String,Object>');
System.debug(m + ' ' + (m == Map<String, Object>.class) + ' ' + (m.newInstance() instanceof Map<String, Object>));
System.debug(Type.forName('Set<Id>') + ' ' + Type.forName('List<NoSuchType>') + ' ' + Type.forName('Map<String'));
List<Account> l = (List<Account>) t.newInstance();
System.debug(l.size());`),
    ['List<Account> true false List<Account>', 'Map<String,Object> true true', 'Set<Id> null null', '0'],
  );
});
