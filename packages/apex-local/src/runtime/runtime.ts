/**
 * LocalRuntime: the package's Apex loaded over a LocalOrg. Runs anonymous Apex, @AuraEnabled methods and the
 * async queue (Queueables, finalizers, scheduled jobs) one transaction at a time, and is the host the Apex
 * test runner builds on.
 */
import path from 'node:path';
import type { AsyncJobRequest, LimitSnapshot, PlainRecord, PlainValue } from '../org/api.ts';
import { OrgError } from '../org/api.ts';
import { LocalOrg, type LocalOrgOptions } from '../org/localOrg.ts';
import type { ClassInfo } from '../apex/binder/classInfo.ts';
import { implementsBuiltin } from '../apex/binder/classInfo.ts';
import {
  checkFence,
  checkFenceStatements,
  unresolvedCode,
  type FencedStatements,
  type FenceProblem,
} from '../apex/binder/fence.ts';
import { ApexCompileError, ApexThrow, LocalUnsupported } from '../apex/interp/errors.ts';
import { exceptionTypeName } from '../apex/interp/format.ts';
import type { RuntimeHooks } from '../apex/interp/context.ts';
import { Interpreter } from '../apex/interp/interpreter.ts';
import { ApexSyntaxError, parseAnonymous } from '../apex/parse/parser.ts';
import { createStdlib } from '../apex/stdlib/index.ts';
import { fromJs, serialize } from '../apex/stdlib/json.ts';
import type { SentNotification } from '../apex/stdlib/messaging.ts';
import { deployResult, type PendingDeployment } from '../apex/stdlib/metadata.ts';
import { NativeV, ObjectV, type Value } from '../apex/values.ts';
import { loadApex, type LoadedApex } from './loader.ts';

export interface DebugLine {
  level: string;
  message: string;
  line: number;
}

export interface ApexFailure {
  type: string;
  message: string;
  stack: string;
  line: number;
}

export interface TransactionReport {
  label: string;
  jobId?: string;
  limits: LimitSnapshot[];
  error?: ApexFailure;
  debug: DebugLine[];
}

export type AuraResult =
  { ok: true; value: unknown } | { ok: false; error: { message: string; exceptionType: string; stack: string } };

/** Turn any error thrown while running Apex into what a user reads; fence and compile errors keep their codes. */
export function toFailure(e: unknown): ApexFailure {
  if (e instanceof ApexThrow) {
    const ex = e.ex;
    const msg = ex.fields.get('$message');
    return {
      type: exceptionTypeName(ex),
      message: msg === null || msg === undefined ? 'null' : String(msg),
      stack: String(ex.fields.get('$stack') ?? ''),
      line: Number((ex.fields.get('$line') as { v?: number } | undefined)?.v ?? 0),
    };
  }
  if (e instanceof LocalUnsupported || e instanceof ApexCompileError || e instanceof ApexSyntaxError)
    return { type: e.code, message: e.message, stack: '', line: e.line };
  if (e instanceof OrgError) return { type: e.apexType, message: e.message, stack: '', line: 0 };
  const err = e as Error;
  return {
    type: 'LOCAL_INTERNAL_ERROR',
    message: `LOCAL_INTERNAL_ERROR ${err?.message ?? String(e)}`,
    stack: err?.stack ?? '',
    line: 0,
  };
}

/** A failure's first line as the CLIs print it: `Type: message`, or the message alone for `LOCAL_…` failures. */
export function failureHeadline(f: ApexFailure): string {
  return f.type.startsWith('LOCAL_') ? f.message : `${f.type}: ${f.message}`;
}

/** Loader problems: an unknown superclass or interface follows the fence's rule; anything else the runtime lacks. */
function loadProblemCode(what: string): FenceProblem['code'] {
  const m = /^(?:superclass|interface) (\S+)$/.exec(what);
  return m ? unresolvedCode(m[1]!) : 'LOCAL_UNSUPPORTED';
}

export class LocalRuntime implements RuntimeHooks {
  readonly interp: Interpreter;
  readonly fence: FenceProblem[];
  private debugSink: DebugLine[] = [];
  private testMode = false;
  private testAsyncDepth = 0;
  private jobId: string | null = null;
  private finalizer: ObjectV | null = null;
  private anonCount = 0;
  private deployments: PendingDeployment[] = [];
  /** custom notifications sent by committed transactions, oldest first */
  readonly notifications: SentNotification[] = [];
  private pendingNotifications: SentNotification[] = [];
  private deployCount = 0;

  constructor(
    readonly org: LocalOrg,
    readonly apex: LoadedApex,
  ) {
    this.interp = new Interpreter(apex.registry, createStdlib(), org.api, this);
    const fenced: FencedStatements = new Map();
    this.fence = [
      ...apex.problems.map((p) => ({ ...p, code: loadProblemCode(p.what) })),
      ...apex.triggers.map((t) => ({
        code: 'LOCAL_UNSUPPORTED' as const,
        file: t.file,
        line: t.line,
        what: `trigger ${t.name} on ${t.objectName} (${t.events.join(', ')}): the local org does not run triggers; DML that would fire it stops`,
      })),
      ...checkFence(this.interp.binding, apex.registry.all, fenced),
    ];
    this.interp.binding.fenced = fenced;
    org.registerTriggers(apex.triggers);
  }

  static load(projectDir: string, options: Pick<LocalOrgOptions, 'now' | 'features'> = {}): LocalRuntime {
    const dir = path.resolve(projectDir);
    return new LocalRuntime(LocalOrg.load(dir, options), loadApex(dir));
  }

  // ---------------------------------------------------------------- RuntimeHooks
  isTest(): boolean {
    return this.testMode;
  }
  debug(level: string, message: string, line: number): void {
    this.debugSink.push({ level, message, line });
  }
  startTest(): void {
    this.org.startTest();
  }
  stopTest(): void {
    const jobs = this.org.stopTest();
    // Test.stopTest runs the async work queued since startTest synchronously (Apex Developer Guide, "Testing Asynchronous Apex")
    for (const job of jobs) this.runJobInTest(job);
  }
  attachFinalizer(finalizer: ObjectV): void {
    this.finalizer = finalizer;
  }
  currentJobId(): string | null {
    return this.jobId;
  }
  inTestAsync(): boolean {
    return this.testAsyncDepth > 0;
  }
  hostQuery(soql: string): PlainRecord[] {
    return this.org.query(soql);
  }

  /** Custom permissions come from the permission sets assigned to the running user (profiles grant none locally). */
  hasCustomPermission(name: string): boolean {
    const uid = this.org.api.runningUserId();
    const rows = this.org.query(`SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${uid}'`);
    return rows.some((r) =>
      this.apex.customPermissions
        .get(String((r.PermissionSet as PlainRecord | null)?.Name ?? '').toLowerCase())
        ?.has(name.toLowerCase()),
    );
  }

  /** Messaging.CustomNotification.send: recorded, and kept only if the transaction commits. */
  sendCustomNotification(n: SentNotification): void {
    this.pendingNotifications.push(n);
  }

  /** Metadata.Operations.enqueueDeployment: applied after the transaction commits (never inside a test, which rolls back). */
  enqueueDeployment(d: Omit<PendingDeployment, 'id'>): string {
    const id = '0Af' + String(++this.deployCount).padStart(12, '0') + 'AAA';
    this.deployments.push({ ...d, id });
    return id;
  }

  private applyDeployments(pending: PendingDeployment[]): void {
    for (const d of pending) {
      const failures: { fullName: string; problem: string }[] = [];
      for (const r of d.records) {
        const [type, developerName] = r.fullName.split('.');
        const values: Record<string, PlainValue> = {};
        for (const [k, v] of Object.entries(r.values))
          values[k] = v === null ? null : this.interp.sobjects.toPlainValue(v);
        try {
          this.org.upsertCustomMetadata(type, developerName ?? '', r.label, values);
        } catch (e) {
          failures.push({ fullName: r.fullName, problem: (e as Error).message });
        }
      }
      const cb = d.callback;
      if (cb) {
        const rep = this.transaction(`DeployCallback ${cb.cls.name}`, { async: true, test: false }, () => {
          const ctx = new NativeV('Metadata.DeployCallbackContext', { jobId: d.id });
          this.interp.callMethod(cb, 'handleResult', [
            deployResult(this.interp.stdlib, this.interp, d.id, failures),
            ctx,
          ]);
        });
        this.org.queueJobs(rep.jobs);
      }
    }
  }

  // ---------------------------------------------------------------- transactions
  /** Run fn as one transaction: commit on success, roll back on an uncaught exception. */
  transaction(
    label: string,
    options: { async: boolean; test: boolean; runningUserId?: string; job?: AsyncJobRequest },
    fn: () => void,
  ): TransactionReport & { jobs: AsyncJobRequest[] } {
    this.org.beginTransaction({
      async: options.async,
      test: options.test,
      runningUserId: options.runningUserId,
      currentJob: options.job,
    });
    this.interp.resetTransactionState();
    this.interp.org = this.org.api;
    const debug: DebugLine[] = [];
    this.debugSink = debug;
    const savedTest = this.testMode;
    this.testMode = options.test;
    const savedDeployments = this.deployments;
    this.deployments = [];
    const savedNotifications = this.pendingNotifications;
    this.pendingNotifications = [];
    let committed: PendingDeployment[] = [];
    try {
      fn();
      const limits = this.withHeapPeak(this.org.api.limits());
      const jobs = this.org.commit();
      if (!options.test) {
        committed = this.deployments;
        this.notifications.push(...this.pendingNotifications);
      }
      return { label, limits, debug, jobs };
    } catch (e) {
      const limits = this.org.inTransaction ? this.withHeapPeak(this.org.api.limits()) : [];
      if (this.org.inTransaction) this.org.rollback();
      return { label, limits, debug, jobs: [], error: toFailure(e) };
    } finally {
      this.testMode = savedTest;
      this.interp.stack.length = 0;
      this.deployments = savedDeployments;
      this.pendingNotifications = savedNotifications;
      if (committed.length) this.applyDeployments(committed);
    }
  }

  /** Limits report the peak heap estimate of the transaction rather than the last sample. */
  private withHeapPeak(limits: LimitSnapshot[]): LimitSnapshot[] {
    return limits.map((l) => (l.name === 'HeapSize' ? { ...l, used: Math.max(l.used, this.interp.heapPeak) } : l));
  }

  /** Anonymous Apex, like `sf apex run`: its own transaction; queued jobs go to the org's async queue. */
  runAnonymous(code: string, options: { file?: string; runningUserId?: string } = {}): TransactionReport {
    const file = options.file ?? `anonymous${++this.anonCount}.apex`;
    let report: TransactionReport & { jobs: AsyncJobRequest[] };
    try {
      const unit = parseAnonymous(file, code);
      const cls = this.apex.registry.buildDetached({ ...unit.decls, name: '__Anonymous' }, file);
      const problems = [
        ...checkFence(this.interp.binding, [cls, ...this.innerOf(cls)]),
        ...checkFenceStatements(this.interp.binding, cls, unit.body),
      ];
      if (problems.length) {
        const p = problems[0];
        return {
          label: file,
          limits: [],
          debug: [],
          error: { type: p.code, message: `${p.code} ${p.file}:${p.line} ${p.what}`, stack: '', line: p.line },
        };
      }
      report = this.transaction(file, { async: false, test: false, runningUserId: options.runningUserId }, () =>
        this.interp.runBlock(cls, unit.body),
      );
    } catch (e) {
      return { label: file, limits: [], debug: [], error: toFailure(e) };
    }
    this.org.queueJobs(report.jobs);
    return report;
  }

  private innerOf(cls: ClassInfo): ClassInfo[] {
    return [...cls.inner.values()].flatMap((c) => [c, ...this.innerOf(c)]);
  }

  // ---------------------------------------------------------------- async
  /** Drain the org's async queue: each Queueable / finalizer / scheduled job is one transaction with async limits. */
  runAsyncUntilIdle(options: { maxJobs?: number } = {}): TransactionReport[] {
    const max = options.maxJobs ?? 1000;
    const reports: TransactionReport[] = [];
    while (reports.length < max) {
      const due = this.org.dueScheduledJobs();
      const job = due[0] ?? this.org.nextJob();
      if (!job) break;
      if (due.length > 1) this.org.queueJobs(due.slice(1));
      reports.push(...this.runJob(job));
    }
    return reports;
  }

  /** Fire a scheduled job now (by job name, or every scheduled job when no name is given) and run it. */
  fireScheduled(jobName?: string): TransactionReport[] {
    const rows = this.org.query('SELECT Id, CronJobDetail.Name FROM CronTrigger');
    const reports: TransactionReport[] = [];
    for (const r of rows) {
      const name = (r.CronJobDetail as PlainRecord | null)?.Name;
      if (jobName && name !== jobName) continue;
      reports.push(...this.runJob(this.org.fireScheduledJob(String(r.Id))));
    }
    return reports;
  }

  private runJob(job: AsyncJobRequest): TransactionReport[] {
    const instance = job.instance as ObjectV;
    const jobId = job.jobId ?? null;
    if (jobId && job.kind === 'Queueable') this.org.setJobStatus(jobId, 'Processing');
    this.jobId = jobId;
    this.finalizer = null;
    const report = this.transaction(`${job.kind} ${job.className}`, { async: true, test: false, job }, () =>
      this.executeJob(job, instance),
    );
    this.jobId = null;
    const finalizer = this.finalizer as ObjectV | null;
    this.finalizer = null;
    this.org.queueJobs(report.jobs);
    if (jobId && job.kind === 'Queueable')
      this.org.setJobStatus(jobId, report.error ? 'Failed' : 'Completed', report.error?.message);
    const out: TransactionReport[] = [{ ...report, jobId: jobId ?? undefined }];
    if (finalizer) {
      const fr = this.transaction(
        `Finalizer ${finalizer.cls.name}`,
        {
          async: true,
          test: false,
          job: {
            kind: 'Finalizer',
            className: finalizer.cls.name,
            instance: finalizer,
            parentJobId: jobId ?? undefined,
            stackDepth: job.stackDepth,
            chainMaxDepth: job.chainMaxDepth,
          },
        },
        () =>
          this.interp.callMethod(finalizer, 'execute', [this.finalizerContext(jobId, report.error ? report : null)]),
      );
      this.org.queueJobs(fr.jobs);
      out.push({ ...fr, jobId: jobId ?? undefined });
    }
    return out;
  }

  private lastException: ObjectV | null = null;
  private runningJob: { kind: AsyncJobRequest['kind']; cls: ClassInfo } | null = null;

  /**
   * Queueables call out only when they implement Database.AllowsCallouts ("Callout not allowed from this future
   * method…"), and scheduled Apex never does ("Callout from scheduled Apex not supported.") — Apex Developer Guide,
   * "Queueable Apex" and "Apex Scheduler".
   */
  calloutRefusal(): string | null {
    const job = this.runningJob;
    if (!job) return null;
    if (job.kind === 'Schedulable') return 'Callout from scheduled Apex not supported.';
    if (job.kind === 'Queueable' && !implementsBuiltin(job.cls, 'database.allowscallouts'))
      return 'Callout not allowed from this future method. Please enable callout by annotating the future method. eg: @Future(callout=true)';
    return null;
  }

  private executeJob(job: AsyncJobRequest, instance: ObjectV): void {
    this.lastException = null;
    const saved = this.runningJob;
    this.runningJob = { kind: job.kind, cls: instance.cls };
    try {
      if (job.kind === 'Schedulable')
        this.interp.callMethod(instance, 'execute', [new NativeV('SchedulableContext', { jobId: job.jobId ?? null })]);
      else if (job.kind === 'Queueable')
        this.interp.callMethod(instance, 'execute', [new NativeV('QueueableContext', { jobId: job.jobId ?? null })]);
      else if (job.kind === 'Finalizer')
        this.interp.callMethod(instance, 'execute', [this.finalizerContext(job.parentJobId ?? null, null)]);
      else this.interp.unsupported(`async job kind ${job.kind}`);
    } catch (e) {
      if (e instanceof ApexThrow) this.lastException = e.ex;
      throw e;
    } finally {
      this.runningJob = saved;
    }
  }

  private finalizerContext(jobId: string | null, failed: TransactionReport | null): NativeV {
    return new NativeV('FinalizerContext', { jobId, exception: failed ? this.lastException : null });
  }

  /**
   * A job released by Test.stopTest runs in its own execution context inside the test's transaction
   * (`beginJobInTest`/`endJobInTest`): fresh async limits, its own mixed-DML and uncommitted-work state, its writes
   * undone if it fails. It cannot chain (see System.enqueueJob); jobs it queues otherwise are not run by the test.
   * Its finalizer runs next, in a context of its own, and sees the job's exception; without a finalizer the
   * exception reaches the test method.
   */
  private runJobInTest(job: AsyncJobRequest): void {
    const instance = job.instance as ObjectV;
    const savedJob = this.jobId;
    const savedFinalizer = this.finalizer;
    this.jobId = job.jobId ?? null;
    this.finalizer = null;
    let failure: ApexThrow | null = null;
    try {
      this.inJobContext(job, () => this.executeJob(job, instance));
    } catch (e) {
      if (!(e instanceof ApexThrow)) throw e;
      failure = e;
    } finally {
      this.jobId = savedJob;
    }
    const finalizer = this.finalizer as ObjectV | null;
    this.finalizer = savedFinalizer;
    if (!finalizer) {
      if (failure) throw failure;
      return;
    }
    const finalizerJob: AsyncJobRequest = {
      kind: 'Finalizer',
      className: finalizer.cls.name,
      instance: finalizer,
      parentJobId: job.jobId ?? undefined,
      stackDepth: job.stackDepth,
      chainMaxDepth: job.chainMaxDepth,
    };
    this.inJobContext(finalizerJob, () =>
      this.interp.callMethod(finalizer, 'execute', [
        new NativeV('FinalizerContext', { jobId: job.jobId ?? null, exception: failure?.ex ?? null }),
      ]),
    );
  }

  /** One org job context inside the test transaction; its writes are kept only if fn completes. */
  private inJobContext(job: AsyncJobRequest, fn: () => void): void {
    this.org.beginJobInTest(job);
    this.testAsyncDepth++;
    let ok = false;
    try {
      fn();
      ok = true;
    } finally {
      this.testAsyncDepth--;
      this.org.endJobInTest(ok);
    }
  }

  // ---------------------------------------------------------------- UI bridge
  /**
   * Call an @AuraEnabled static method like Lightning does: params by name, the result serialized as the Apex
   * controller bridge does (only @AuraEnabled members of Apex objects, SObjects without `attributes`), errors as {message}.
   */
  invokeAuraEnabled(
    className: string,
    methodName: string,
    params: Record<string, unknown> = {},
    options: { runningUserId?: string } = {},
  ): AuraResult {
    const cls = this.apex.registry.resolve(className, null);
    const m = cls?.methods
      .get(methodName.toLowerCase())
      ?.find((x) => x.mods.includes('static') && x.annotations.some((a) => a.name === 'auraenabled'));
    if (!cls || !m)
      return {
        ok: false,
        error: {
          message: `LOCAL_AURA_NOT_FOUND ${className}.${methodName} is not an @AuraEnabled static method`,
          exceptionType: 'LOCAL_AURA_NOT_FOUND',
          stack: '',
        },
      };
    let result: unknown = null;
    const report = this.transaction(
      `${className}.${methodName}`,
      { async: false, test: false, runningUserId: options.runningUserId },
      () => {
        const args: Value[] = m.params.map((p) => {
          const key = Object.keys(params).find((k) => k.toLowerCase() === p.name.toLowerCase());
          return fromJs(this.interp, key === undefined ? null : params[key], this.interp.resolveType(p.type, cls));
        });
        const v = this.interp.runStatic(cls, m, args);
        result = m.ret
          ? JSON.parse(serialize(this.interp, v, { pretty: false, suppressNulls: false, aura: true }))
          : null;
      },
    );
    this.org.queueJobs(report.jobs);
    if (report.error)
      return {
        ok: false,
        error: { message: report.error.message, exceptionType: report.error.type, stack: report.error.stack },
      };
    return { ok: true, value: result };
  }

  query(soql: string): PlainRecord[] {
    return this.org.query(soql);
  }
}
