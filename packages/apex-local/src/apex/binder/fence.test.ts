/** The fence: what the local runtime does not implement is rejected with LOCAL_UNSUPPORTED <file>:<line> <what>, before or while running — never a silent null. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, run } from '../testing.ts';

test('an unknown type is rejected before execution, with file and line', () => {
  const r = run(`System.debug('never runs');\nMessaging.SingleEmailMessage m = null;`);
  assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED');
  assert.equal(r.error?.message, 'LOCAL_UNSUPPORTED sample.apex:2 type Messaging.SingleEmailMessage');
  assert.deepEqual(r.debug, []);
});

test('an unknown standard-library static method is rejected before execution', () => {
  const r = run(`System.debug('never runs');\nString s = String.noSuchMethod('x');`);
  assert.equal(r.error?.message, 'LOCAL_UNSUPPORTED sample.apex:2 String.noSuchMethod()');
  assert.deepEqual(r.debug, []);
});

test('an unknown method on a local of a built-in type is rejected before execution', () => {
  const r = run(`List<String> l = new List<String>();\nl.frobnicate();`);
  assert.equal(r.error?.message, 'LOCAL_UNSUPPORTED sample.apex:2 method List.frobnicate()');
});

test('SOSL is rejected before execution, never evaluated to null', () => {
  const r = run(
    `System.debug('never');\nList<List<SObject>> found = [FIND 'Acme' IN ALL FIELDS RETURNING Account(Name)];`,
  );
  assert.equal(r.error?.message, 'LOCAL_UNSUPPORTED sample.apex:2 SOSL query');
});

test('unsupported statements (merge) are rejected before execution', () => {
  const r = run(`Account a = new Account(); Account b = new Account();\nmerge a b;`);
  assert.equal(r.error?.message, 'LOCAL_UNSUPPORTED sample.apex:2 merge statement');
});

test('a field missing from the schema on a typed SObject local is a compile error before execution', () => {
  const r = run(`Account a = new Account();\nString x = a.NoSuchField__c;`);
  assert.equal(
    r.error?.message,
    'LOCAL_APEX_COMPILE sample.apex:2 Variable does not exist: NoSuchField__c (no field NoSuchField__c on Account)',
  );
});

test('unknown variables and methods are compile errors found before execution', () => {
  assert.equal(
    run(`System.debug('never');\nInteger x = y + 1;`).error?.message,
    'LOCAL_APEX_COMPILE sample.apex:2 Variable does not exist: y',
  );
  assert.equal(
    run(`System.debug('never');\nnoSuchHelper(1);`).error?.message,
    'LOCAL_APEX_COMPILE sample.apex:2 Method does not exist or incorrect signature: noSuchHelper(1 argument)',
  );
});

test('JSON.createGenerator / createParser are not implemented: rejected before execution', () => {
  const r = run(`System.debug('never');\nJSONGenerator g = JSON.createGenerator(true);`);
  assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED');
  assert.deepEqual(r.debug, []);
});

test('what is only known at run time is rejected at run time with the same code, and cannot be caught', () => {
  const r = run(
    `List<Account> l = new List<Account>{ new Account(Name = 'a') };\ntry { l[0].addError('x'); } catch (Exception e) { System.debug('caught'); }`,
  );
  assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED');
  assert.match(r.error?.message ?? '', /^LOCAL_UNSUPPORTED sample\.apex:2 SObject\.addError/);
  assert.deepEqual(r.debug, []);
});

test('supported code passes the fence untouched', () => {
  assert.deepEqual(debug(`List<String> l = new List<String>{'b', 'a'}; l.sort(); System.debug(String.join(l, ''));`), [
    'ab',
  ]);
});

// The decision rule (platformNames.ts): a name nothing resolves is LOCAL_UNSUPPORTED when the Apex Reference Guide
// lists it (a namespace or a System class), LOCAL_APEX_COMPILE when no org has it.
test('platform namespaces and System classes the runtime lacks are the fence, not compile errors', () => {
  for (const [code, what] of [
    ['Boolean b = Trigger.isExecuting;', 'Trigger'],
    ["Cache.Org.put('k', 'v');", 'Cache.Org.put()'],
    ['EventBus.publish(new List<SObject>());', 'EventBus.publish()'],
    ['Quiddity q = Quiddity.SYNCHRONOUS;', 'type Quiddity'],
    ['RestRequest req = RestContext.request;', 'type RestRequest'],
  ]) {
    const r = run(`System.debug('never');\n${code}`);
    assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED', code);
    assert.ok(r.error!.message.startsWith('LOCAL_UNSUPPORTED sample.apex:2 '), r.error!.message);
    assert.ok(r.error!.message.includes(what), r.error!.message);
  }
});

test('names no org has stay compile errors: unknown types, variables and SObject fields', () => {
  for (const code of ['NoSuchType t = null;', 'NoSuchClass.run();', "Account a = new Account(NoSuch__c = 'x');"]) {
    const r = run(`System.debug('never');\n${code}`);
    assert.equal(r.error?.type, 'LOCAL_APEX_COMPILE', code);
  }
});
