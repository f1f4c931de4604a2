/**
 * Async Apex — Apex Developer Guide, "Queueable Apex" (AsyncApexJob records, 50 jobs per sync transaction and 1
 * per async one, AsyncOptions delay 0–10 minutes, no chaining from a Queueable run in a test: "Maximum stack depth
 * has been reached.") and "Apex Scheduler" (System.schedule → CronTrigger with NextFireTime, unique job names,
 * System.abortJob; in a test the scheduled job runs once at Test.stopTest()).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError, type PlainRecord } from './api.ts';
import { fixtureOrg } from './testSupport.ts';

test('enqueue creates a Queued AsyncApexJob; commit hands the job back with its id', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: false });
  const id = org.api.enqueue({ kind: 'Queueable', className: 'FetchStage', instance: { n: 1 } });
  const jobs = org.commit();
  assert.equal(jobs[0]!.jobId, id);
  assert.equal(jobs[0]!.runAsUserId, org.adminUserId, 'the job runs as the user who queued it');
  const [row] = org.query(`SELECT Status, JobType, ApexClass.Name FROM AsyncApexJob WHERE Id = '${id}'`);
  assert.deepEqual(
    [row!.Status, row!.JobType, (row!.ApexClass as PlainRecord).Name],
    ['Queued', 'Queueable', 'FetchStage'],
  );
  org.setJobStatus(id, 'Completed');
  assert.equal(org.query(`SELECT Status FROM AsyncApexJob WHERE Id = '${id}'`)[0]!.Status, 'Completed');
});

test('queueable limits: 50 per synchronous transaction, 1 per asynchronous one', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: false });
  org.api.enqueue({ kind: 'Queueable', className: 'A', instance: {} });
  assert.throws(
    () => org.api.enqueue({ kind: 'Queueable', className: 'B', instance: {} }),
    (e: unknown) =>
      e instanceof OrgError &&
      e.apexType === 'System.LimitException' &&
      e.message === 'Too many queueable jobs added to the queue: 2',
  );
  org.rollback();
});

test('in a test, a Queueable executed by stopTest cannot chain: "Maximum stack depth has been reached."', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: true, currentJob: { kind: 'Queueable', className: 'A', instance: {} } });
  assert.throws(
    () => org.api.enqueue({ kind: 'Queueable', className: 'B', instance: {} }),
    (e: unknown) =>
      e instanceof OrgError &&
      e.apexType === 'System.AsyncException' &&
      e.message === 'Maximum stack depth has been reached.',
  );
  org.rollback();
});

test('jobs queued between startTest and stopTest come back from stopTest, not from commit', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: true });
  org.startTest();
  org.api.enqueue({ kind: 'Queueable', className: 'A', instance: {} });
  assert.equal(org.stopTest().length, 1);
  assert.equal(org.commit().length, 0);
});

test('delays are honoured on the virtual clock: nextJob() advances the clock to the job', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: false });
  org.api.enqueue({ kind: 'Queueable', className: 'Later', instance: {}, delayMinutes: 5 });
  org.api.enqueue({ kind: 'Queueable', className: 'Now', instance: {} });
  org.queueJobs(org.commit());
  assert.equal(org.nextJob()!.className, 'Now');
  assert.equal(org.nextJob()!.className, 'Later');
  assert.equal(org.api.now().toISOString(), '2026-03-02T10:05:00.000Z');
  assert.equal(org.nextJob(), undefined);
});

test('System.schedule: CronTrigger with NextFireTime; unique names; fires on request; abortJob unschedules', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: false, test: false });
  const triggerId = org.api.enqueue({
    kind: 'Schedulable',
    className: 'Scheduler',
    instance: {},
    cronExpression: '0 0 0/2 * * ?',
    jobName: 'Nightly Job',
  });
  assert.throws(
    () =>
      org.api.enqueue({
        kind: 'Schedulable',
        className: 'Scheduler',
        instance: {},
        cronExpression: '0 0 * * * ?',
        jobName: 'Nightly Job',
      }),
    (e: unknown) =>
      e instanceof OrgError && e.message === 'The Apex job named "Nightly Job" is already scheduled for execution.',
  );
  org.commit();
  const [trigger] = org.query(
    `SELECT NextFireTime, State, CronJobDetail.Name FROM CronTrigger WHERE Id = '${triggerId}'`,
  );
  assert.equal(trigger!.NextFireTime, '2026-03-02T12:00:00.000Z');
  assert.equal((trigger!.CronJobDetail as PlainRecord).Name, 'Nightly Job');
  assert.equal(org.dueScheduledJobs().length, 0);
  org.advanceClock(2 * 3600_000);
  const fired = org.dueScheduledJobs();
  assert.equal(fired[0]!.className, 'Scheduler');
  assert.equal(org.query('SELECT TimesTriggered FROM CronTrigger')[0]!.TimesTriggered, 1);
  org.beginTransaction({ async: false, test: false });
  org.api.abortJob(triggerId);
  org.commit();
  assert.equal(org.query('SELECT Id FROM CronTrigger').length, 0);
});

/** Runs a chain of Queueables: each job's transaction enqueues the next; returns how deep it got before it was refused. */
function chainDepthReached(queueableStackDepthLimit: number | undefined, firstMaxDepth?: number, length = 12): number {
  const org = fixtureOrg({ queueableStackDepthLimit });
  org.beginTransaction({ async: false, test: false });
  org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {}, maxStackDepth: firstMaxDepth });
  let [job] = org.commit();
  let depth = 1;
  while (job && depth < length) {
    org.beginTransaction({ async: true, test: false, currentJob: job });
    try {
      org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} });
    } catch (error) {
      assert.ok(error instanceof OrgError && error.apexType === 'System.AsyncException');
      assert.equal(error.message, 'Maximum stack depth has been reached.');
      org.rollback();
      return depth;
    }
    [job] = org.commit();
    depth++;
  }
  return depth;
}

// Apex Developer Guide, "Queueable Apex": "You can set the maximum stack depth of chained Queueable jobs, overriding
// the default limit of five in Developer Edition and Trial Edition orgs" (Apex Reference, "AsyncOptions Class").
test('chain depth: a Developer Edition org stops a chain at 5 unless its first enqueue sets MaximumQueueableStackDepth', () => {
  assert.equal(chainDepthReached(5), 5, 'the sixth chained job is refused');
  assert.equal(chainDepthReached(5, 12), 12, 'AsyncOptions on the first enqueue lifts the default');
  assert.equal(chainDepthReached(5, 3), 3, 'and is itself enforced');
  assert.equal(chainDepthReached(undefined), 12, 'other editions: no default limit');
});

test('chain depth: an enqueue from a finalizer continues its job chain', () => {
  const org = fixtureOrg({ queueableStackDepthLimit: 2 });
  org.beginTransaction({ async: false, test: false });
  org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} });
  const [first] = org.commit();
  org.beginTransaction({ async: true, test: false, currentJob: first });
  org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} });
  const [second] = org.commit();
  org.beginTransaction({
    async: true,
    test: false,
    currentJob: {
      kind: 'Finalizer',
      className: 'Fin',
      instance: {},
      stackDepth: second!.stackDepth,
      chainMaxDepth: second!.chainMaxDepth,
    },
  });
  assert.throws(() => org.api.enqueue({ kind: 'Queueable', className: 'Stage', instance: {} }), /Maximum stack depth/);
  org.rollback();
});
