/**
 * Async Apex: System.enqueueJob / System.schedule bookkeeping (AsyncApexJob, CronTrigger and CronJobDetail
 * records, queueable limits and chaining rules), and the post-commit queue the host drains on a virtual clock.
 *
 * Platform rules (Apex Developer Guide, "Queueable Apex" and "Apex Scheduler"):
 *  - up to 50 jobs per synchronous transaction, 1 per asynchronous one ("Too many queueable jobs added to the queue");
 *  - in a test, a Queueable run by Test.stopTest cannot chain another ("Maximum stack depth has been reached.");
 *  - AsyncOptions.MinimumQueueableDelayInMinutes is 0..10;
 *  - a scheduled job name is unique ("The Apex job named … is already scheduled for execution.");
 *  - chain depth: "You can set the maximum stack depth of chained Queueable jobs, overriding the default limit of five
 *    in Developer Edition and Trial Edition orgs" (Apex Developer Guide, "Queueable Apex"; Apex Reference,
 *    "AsyncOptions Class" MaximumQueueableStackDepth): the first Queueable of a chain has depth 1, each chained one its
 *    parent's + 1 (an enqueue from a finalizer continues its job's chain); past the chain's maximum — the first enqueue's
 *    AsyncOptions, else the org's default (`LocalOrgOptions.queueableStackDepthLimit`, 5 for a Developer Edition or Trial
 *    org, none otherwise) — the enqueue throws "Maximum stack depth has been reached.".
 */
import { OrgError, type AsyncJobRequest, type PlainValue } from './api.ts';
import { nextFireTime } from './cron.ts';
import type { IdGenerator } from './ids.ts';
import type { Schema } from './schema.ts';
import type { Row, Store } from './store.ts';
import type { Transaction } from './transaction.ts';
import { withAuditFields } from './dml.ts';

export interface AsyncEnvironment {
  schema: Schema;
  store: Store;
  ids: IdGenerator;
  now: () => Date;
  /** the chain depth limit when a chain's first enqueue sets none (Developer Edition and Trial orgs: 5) */
  defaultMaxStackDepth?: number;
}

interface ScheduledInstance {
  className: string;
  instance: unknown;
  userId: string;
}

export class AsyncJobs {
  /** committed jobs waiting to run, in enqueue order */
  private queue: AsyncJobRequest[] = [];
  private readonly scheduled = new Map<string, ScheduledInstance>();

  constructor(private readonly env: AsyncEnvironment) {}

  setDefaultMaxStackDepth(limit: number | undefined): void {
    this.env.defaultMaxStackDepth = limit;
  }

  /** Sets the job's depth in its chain and the chain's maximum; throws past the maximum (see the header). */
  private placeInChain(job: AsyncJobRequest, parent: AsyncJobRequest | undefined): void {
    const chained = parent?.kind === 'Queueable' || parent?.kind === 'Finalizer';
    const depth = chained ? (parent.stackDepth ?? 1) + 1 : 1;
    const max = chained
      ? (parent.chainMaxDepth ?? this.env.defaultMaxStackDepth)
      : (job.maxStackDepth ?? this.env.defaultMaxStackDepth);
    if (max !== undefined && depth > max) {
      throw new OrgError('System.AsyncException', 'Maximum stack depth has been reached.');
    }
    job.stackDepth = depth;
    job.chainMaxDepth = chained ? parent.chainMaxDepth : job.maxStackDepth;
  }

  /** Called for System.enqueueJob / System.schedule inside a transaction. Returns the AsyncApexJob or CronTrigger id. */
  enqueue(job: AsyncJobRequest, tx: Transaction): string {
    const now = this.env.now();
    if (job.kind === 'Queueable') {
      if (tx.options.test && tx.options.async && tx.options.currentJob?.kind === 'Queueable') {
        throw new OrgError('System.AsyncException', 'Maximum stack depth has been reached.');
      }
      const delay = job.delayMinutes ?? 0;
      if (delay < 0 || delay > 10)
        throw new OrgError('System.AsyncException', 'The minimum queueable delay must be between 0 and 10 minutes.');
      tx.limits.charge('QueueableJobs', 1);
      this.placeInChain(job, tx.options.currentJob);
    }
    // "asynchronous Apex operations result in pending uncommitted work that prevents callouts from being performed
    // later in the same transaction" (Apex Developer Guide, "Performing DML Operations and Mock Callouts")
    tx.markUncommittedWork();
    if (job.kind === 'Schedulable' && job.cronExpression) return this.schedule(job, tx, now);
    const jobId = this.insert(
      'AsyncApexJob',
      {
        ApexClassId: this.apexClassId(job.className),
        JobType: job.kind === 'BatchApex' ? 'BatchApex' : job.kind === 'Schedulable' ? 'ScheduledApex' : 'Queueable',
        Status: 'Queued',
        NumberOfErrors: 0,
        JobItemsProcessed: 0,
        TotalJobItems: 0,
        ParentJobId: job.parentJobId ?? null,
      },
      tx,
    );
    tx.addJob({
      ...job,
      jobId,
      runAsUserId: tx.runningUserId,
      notBefore: new Date(now.getTime() + (job.delayMinutes ?? 0) * 60_000).toISOString(),
    });
    return jobId;
  }

  private schedule(job: AsyncJobRequest, tx: Transaction, now: Date): string {
    const name = job.jobName ?? job.className;
    const taken = this.env.store
      .lookup('CronJobDetail', 'Name', [name])
      .some((d) => this.env.store.lookup('CronTrigger', 'CronJobDetailId', [d.Id ?? null]).length > 0);
    if (taken)
      throw new OrgError('System.AsyncException', `The Apex job named "${name}" is already scheduled for execution.`);
    const next = nextFireTime(job.cronExpression!, now);
    const detailId = this.insert('CronJobDetail', { Name: name, JobType: '7' }, tx);
    const triggerId = this.insert(
      'CronTrigger',
      {
        CronJobDetailId: detailId,
        CronExpression: job.cronExpression!,
        State: 'WAITING',
        NextFireTime: next?.toISOString() ?? null,
        PreviousFireTime: null,
        StartTime: now.toISOString(),
        TimesTriggered: 0,
        TimeZoneSidKey: 'GMT',
        OwnerId: tx.runningUserId,
      },
      tx,
    );
    this.insert(
      'AsyncApexJob',
      {
        ApexClassId: this.apexClassId(job.className),
        JobType: 'ScheduledApex',
        Status: 'Queued',
        CronTriggerId: triggerId,
        NumberOfErrors: 0,
      },
      tx,
    );
    this.scheduled.set(triggerId, { className: job.className, instance: job.instance, userId: tx.runningUserId });
    // In a test the scheduled job runs once at Test.stopTest, so it is handed to the transaction like a queueable.
    if (tx.options.test)
      tx.addJob({ ...job, jobId: triggerId, runAsUserId: tx.runningUserId, notBefore: now.toISOString() });
    return triggerId;
  }

  private insert(objectName: string, values: Record<string, PlainValue>, tx: Transaction): string {
    const d = this.env.schema.describe(objectName)!;
    const id = this.env.ids.next(d.keyPrefix);
    this.env.store.put(d.name, withAuditFields({ ...values, Id: id }, undefined, tx.runningUserId, this.env.now()));
    return id;
  }

  private apexClassId(className: string): string {
    const existing = this.env.store.lookup('ApexClass', 'Name', [className])[0];
    if (existing) return String(existing.Id);
    const id = this.env.ids.next('01p');
    const onWrite = this.env.store.onWrite;
    this.env.store.onWrite = undefined; // ApexClass rows are metadata, not transaction data
    this.env.store.put('ApexClass', { Id: id, Name: className, Status: 'Active', NamespacePrefix: null });
    this.env.store.onWrite = onWrite;
    return id;
  }

  // ---- after commit ----

  release(jobs: AsyncJobRequest[]): void {
    this.queue.push(...jobs.filter((j) => j.kind !== 'Schedulable' || !j.cronExpression));
  }

  pending(): readonly AsyncJobRequest[] {
    return this.queue;
  }

  /** Removes and returns the next job that may start (earliest notBefore, then FIFO). */
  takeNext(): AsyncJobRequest | undefined {
    if (this.queue.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.queue.length; i++) {
      if (Date.parse(this.queue[i]!.notBefore ?? '') < Date.parse(this.queue[best]!.notBefore ?? '')) best = i;
    }
    return this.queue.splice(best, 1)[0];
  }

  setStatus(jobId: string, status: 'Processing' | 'Completed' | 'Failed' | 'Aborted', extendedStatus?: string): void {
    const row = this.env.store.get('AsyncApexJob', jobId);
    if (!row) return;
    const done = status !== 'Processing';
    this.write('AsyncApexJob', {
      ...row,
      Status: status,
      ExtendedStatus: extendedStatus?.slice(0, 255) ?? row.ExtendedStatus ?? null,
      NumberOfErrors: status === 'Failed' ? 1 : (row.NumberOfErrors ?? 0),
      CompletedDate: done ? this.env.now().toISOString() : null,
    });
  }

  /** CronTriggers whose NextFireTime has come. */
  dueSchedules(): string[] {
    const now = this.env.now().getTime();
    return [...this.env.store.rows('CronTrigger')]
      .filter((t) => t.State === 'WAITING' && t.NextFireTime && Date.parse(String(t.NextFireTime)) <= now)
      .map((t) => String(t.Id));
  }

  /** Fires a scheduled job now: updates its CronTrigger and returns the Schedulable to execute. */
  fire(cronTriggerId: string): AsyncJobRequest {
    const trigger = this.env.store.get('CronTrigger', cronTriggerId);
    const instance = this.scheduled.get(String(trigger?.Id ?? ''));
    if (!trigger || !instance)
      throw new OrgError('System.AsyncException', `LOCAL_NO_SUCH_SCHEDULE no scheduled job ${cronTriggerId}`);
    const now = this.env.now();
    const next = nextFireTime(String(trigger.CronExpression), now);
    this.write('CronTrigger', {
      ...trigger,
      PreviousFireTime: now.toISOString(),
      NextFireTime: next?.toISOString() ?? null,
      TimesTriggered: Number(trigger.TimesTriggered ?? 0) + 1,
      State: next ? 'WAITING' : 'DELETED',
    });
    return {
      kind: 'Schedulable',
      className: instance.className,
      instance: instance.instance,
      jobId: String(trigger.Id),
      runAsUserId: instance.userId,
      notBefore: now.toISOString(),
    };
  }

  /** System.abortJob: a CronTrigger id unschedules; an AsyncApexJob id aborts a queued job. */
  abort(jobId: string): void {
    const trigger = this.env.store.get('CronTrigger', jobId);
    if (trigger) {
      this.env.store.softDelete('CronTrigger', jobId);
      if (trigger.CronJobDetailId) this.env.store.softDelete('CronJobDetail', String(trigger.CronJobDetailId));
      this.scheduled.delete(String(trigger.Id));
      for (const j of this.env.store.lookup('AsyncApexJob', 'CronTriggerId', [jobId]))
        this.write('AsyncApexJob', { ...j, Status: 'Aborted' });
      return;
    }
    const job = this.env.store.get('AsyncApexJob', jobId);
    if (job && (job.Status === 'Queued' || job.Status === 'Holding')) {
      this.write('AsyncApexJob', { ...job, Status: 'Aborted', CompletedDate: this.env.now().toISOString() });
      this.queue = this.queue.filter((q) => q.jobId !== String(job.Id));
    }
  }

  private write(objectName: string, row: Row): void {
    this.env.store.put(objectName, row);
  }
}
