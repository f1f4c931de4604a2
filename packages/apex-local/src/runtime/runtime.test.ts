/** LocalRuntime outside tests: the async queue on the org's virtual clock, finalizers, and the Lightning bridge. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalRuntime } from './runtime.ts';

const PROJECT = fileURLToPath(new URL('./__fixtures__/project', import.meta.url));

function fresh(): LocalRuntime {
  return LocalRuntime.load(PROJECT, { now: new Date('2026-03-02T10:00:00.000Z') });
}

test('runAsyncUntilIdle runs a Queueable chain one transaction each, honouring AsyncOptions delays, then finalizers', () => {
  const rt = fresh();
  const start = rt.runAnonymous('System.enqueueJob(new ChainJob(1));');
  assert.equal(start.error, undefined);
  const reports = rt.runAsyncUntilIdle({ maxJobs: 10 });
  assert.deepEqual(
    reports.map((r) => [r.label, r.error?.message ?? 'ok']),
    [
      ['Queueable ChainJob', 'ok'],
      ['Finalizer ChainFinalizer', 'ok'],
      ['Queueable ChainJob', 'last job fails on purpose'],
      ['Finalizer ChainFinalizer', 'ok'],
    ],
  );
  assert.equal(reports[0].limits.find((l) => l.name === 'QueueableJobs')?.used, 1);
  const names = rt.query('SELECT Name FROM Account ORDER BY Name').map((r) => r.Name);
  // the failed job rolled back its own insert; its finalizer saw the exception
  assert.deepEqual(names, ['finalizer 0 failed: last job fails on purpose', 'finalizer 1 ok', 'job 1']);
  // the second job waited for its 5-minute delay on the virtual clock
  assert.equal(rt.org.now().toISOString(), '2026-03-02T10:05:00.000Z');
});

test('invokeAuraEnabled passes params by name and returns JSON; AuraHandledException becomes {message}', () => {
  const rt = fresh();
  const ok = rt.invokeAuraEnabled('AccountController', 'createAccounts', { input: { name: 'Acme', copies: 2 } });
  assert.deepEqual(ok, { ok: true, value: ['Acme 0', 'Acme 1'] });
  const bad = rt.invokeAuraEnabled('AccountController', 'createAccounts', { input: { name: 'Acme', copies: 9 } });
  assert.deepEqual(bad.ok ? null : { message: bad.error.message, type: bad.error.exceptionType }, {
    message: 'Too many copies: 9',
    type: 'AuraHandledException',
  });
});

test('runAnonymous reports debug lines, limits and an uncaught exception with its stack', () => {
  const rt = fresh();
  const r = rt.runAnonymous("System.debug(Greeter.greet('Ada'));\ninsert new Contact();");
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['Hello, Ada'],
  );
  assert.equal(r.error?.type, 'System.DmlException');
  assert.equal(r.error?.stack, 'AnonymousBlock: line 2, column 1');
  assert.equal(r.limits.find((l) => l.name === 'DmlStatements')?.used, 1);
});

test('fireScheduled runs a Schedulable by job name in its own async transaction', () => {
  const rt = fresh();
  const r = rt.runAnonymous(`
    public class Nightly implements Schedulable { public void execute(SchedulableContext c) { insert new Account(Name = 'nightly ' + (c.getTriggerId() != null)); } }
    System.schedule('nightly-job', '0 0 2 * * ?', new Nightly());`);
  assert.equal(r.error, undefined);
  const reports = rt.fireScheduled('nightly-job');
  assert.deepEqual(
    reports.map((x) => [x.label, x.error?.message ?? 'ok']),
    [['Schedulable Nightly', 'ok']],
  );
  assert.deepEqual(
    rt.query('SELECT Name FROM Account').map((x) => x.Name),
    ['nightly true'],
  );
});

test("System.runAs switches the running user, and Datetime methods follow that user's time zone (Using the runAs Method; Datetime Class)", () => {
  const rt = fresh();
  const r = rt.runAnonymous(`
    Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
    User u = new User(Username = 'ny@example.com.local', LastName = 'NY', Email = 'ny@example.com', Alias = 'ny', TimeZoneSidKey = 'America/New_York',
      LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', ProfileId = p.Id);
    insert u;
    Id before = UserInfo.getUserId();
    Datetime t = Datetime.newInstanceGmt(2026, 3, 2, 15, 0, 0);
    System.runAs(u) { System.debug(UserInfo.getUserId() == u.Id); System.debug(t.format('yyyy-MM-dd HH:mm z') + ' ' + t.hour() + ' ' + t.hourGmt()); }
    System.debug(UserInfo.getUserId() == before);`);
  assert.equal(r.error, undefined, r.error?.message);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['true', '2026-03-02 10:00 EST 10 15', 'true'],
  );
});

test('invokeAuraEnabled returns only @AuraEnabled members of Apex objects and SObjects without attributes', () => {
  const rt = fresh();
  const r = rt.invokeAuraEnabled('AccountController', 'describe', {});
  assert.deepEqual(r, { ok: true, value: { name: 'shown', account: { Name: 'Acme' } } });
});

test('a Queueable without Database.AllowsCallouts cannot call out (Queueable Apex)', () => {
  const rt = fresh();
  rt.runAnonymous(`
    public class NoCallouts implements Queueable {
      public void execute(QueueableContext c) { HttpRequest r = new HttpRequest(); r.setMethod('GET'); r.setEndpoint('https://example.invalid/x'); new Http().send(r); }
    }
    System.enqueueJob(new NoCallouts());`);
  const [report] = rt.runAsyncUntilIdle({ maxJobs: 1 });
  assert.equal(report.error?.type, 'System.CalloutException');
  assert.match(report.error?.message ?? '', /^Callout not allowed from this future method/);
});

test('Messaging.CustomNotification.send is recorded when the transaction commits, dropped when it rolls back', () => {
  const rt = fresh();
  const send = (fail: boolean) =>
    rt.runAnonymous(`
      Messaging.CustomNotification n = new Messaging.CustomNotification();
      n.setNotificationTypeId('0ML000000000001AAA'); n.setTitle('Run failed'); n.setBody('details'); n.setTargetId(UserInfo.getUserId());
      n.send(new Set<String>{ UserInfo.getUserId() });
      ${fail ? "throw new IllegalArgumentException('after sending');" : ''}`);
  assert.equal(send(false).error, undefined);
  assert.equal(send(true).error?.message, 'after sending');
  assert.deepEqual(
    rt.notifications.map((n) => [n.title, n.body, n.recipients.length]),
    [['Run failed', 'details', 1]],
  );
});
