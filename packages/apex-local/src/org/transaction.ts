/**
 * One Apex transaction: its governor-limit counters (with the fresh set Test.startTest gives), the undo journal
 * for rollback and savepoints, the MIXED_DML_OPERATION tracking (one context per System.runAs), the
 * uncommitted-work flag that blocks callouts, and the async jobs it queued (released on commit).
 */
import { OrgError, type AsyncJobRequest } from './api.ts';
import { LimitCounters } from './limits.ts';
import { MixedDmlTracker } from './mixedDml.ts';
import type { Store, WriteRecord } from './store.ts';

/** Apex Developer Guide, "Callouts after DML": the platform's CalloutException text. */
export const UNCOMMITTED_WORK_MESSAGE =
  'You have uncommitted work pending. Please commit or rollback before calling out';

export interface TransactionOptions {
  async: boolean;
  test: boolean;
  runningUserId: string;
  /** the AsyncApexJob this transaction executes, if any (for chaining rules) */
  currentJob?: AsyncJobRequest;
}

export class Transaction {
  readonly journal: WriteRecord[] = [];
  private readonly limitStack: LimitCounters[];
  private readonly mixedStack: MixedDmlTracker[] = [new MixedDmlTracker()];
  private readonly userStack: string[];
  private uncommittedWork = false;
  /** jobs queued outside startTest/stopTest, released on commit */
  readonly queuedJobs: AsyncJobRequest[] = [];
  /** jobs queued between startTest and stopTest, handed back at stopTest */
  testJobs: AsyncJobRequest[] | undefined;
  private testStarted = false;
  private testStopped = false;

  constructor(
    readonly options: TransactionOptions,
    private readonly store: Store,
  ) {
    this.limitStack = [new LimitCounters(options.async, options.currentJob?.kind === 'Finalizer')];
    this.userStack = [options.runningUserId];
    this.attach();
  }

  /** Make this transaction the one whose writes the store journals. */
  attach(): void {
    this.store.onWrite = (w) => this.journal.push(w);
  }

  /** A nested job context (Test.stopTest running queued work) that succeeded: its writes become this transaction's. */
  adoptWrites(child: Transaction): void {
    for (const w of child.journal) this.journal.push(w);
    child.journal.length = 0;
  }

  get limits(): LimitCounters {
    return this.limitStack[this.limitStack.length - 1]!;
  }

  get mixedDml(): MixedDmlTracker {
    return this.mixedStack[this.mixedStack.length - 1]!;
  }

  /** inside System.runAs: "The runAs method ignores user license limits" (Apex Developer Guide, "Using the runAs Method") */
  get inRunAs(): boolean {
    return this.userStack.length > 1;
  }

  get runningUserId(): string {
    return this.userStack[this.userStack.length - 1]!;
  }

  get inTestBlock(): boolean {
    return this.testStarted && !this.testStopped;
  }

  markUncommittedWork(): void {
    this.uncommittedWork = true;
  }

  /** "You have uncommitted work pending" — a callout after DML in the same transaction. */
  assertCalloutAllowed(): void {
    if (this.uncommittedWork) throw new OrgError('System.CalloutException', UNCOMMITTED_WORK_MESSAGE);
  }

  runAs<T>(userId: string, fn: () => T): T {
    this.userStack.push(userId);
    this.mixedStack.push(new MixedDmlTracker());
    try {
      return fn();
    } finally {
      this.mixedStack.pop();
      this.userStack.pop();
    }
  }

  startTest(): void {
    if (this.testStarted) throw new OrgError('System.FinalException', 'Testing already started');
    this.testStarted = true;
    this.limitStack.push(new LimitCounters(this.options.async));
    // DML before Test.startTest does not block callouts after it ("Performing DML Operations and Mock Callouts")
    this.uncommittedWork = false;
    this.testJobs = [];
  }

  stopTest(): AsyncJobRequest[] {
    if (!this.testStarted)
      throw new OrgError('System.FinalException', 'Test.stopTest() called without a matching Test.startTest()');
    if (this.testStopped) throw new OrgError('System.FinalException', 'Testing already stopped');
    this.testStopped = true;
    this.limitStack.pop();
    // the jobs Test.stopTest releases run in contexts of their own (beginJobInTest), each with a clear
    // uncommitted-work flag; the test method's own flag is left as it is
    const jobs = this.testJobs ?? [];
    this.testJobs = undefined;
    return jobs;
  }

  addJob(job: AsyncJobRequest): void {
    (this.testJobs ?? this.queuedJobs).push(job);
  }

  savepoint(): number {
    return this.journal.length;
  }

  rollbackTo(position: number): void {
    if (position > this.journal.length)
      throw new OrgError('System.TypeException', 'Savepoint does not exist in this context.');
    const onWrite = this.store.onWrite;
    this.store.onWrite = undefined;
    try {
      while (this.journal.length > position) this.store.revert(this.journal.pop()!);
    } finally {
      this.store.onWrite = onWrite;
    }
  }

  rollbackAll(): void {
    this.rollbackTo(0);
    this.queuedJobs.length = 0;
    this.testJobs = undefined;
  }

  close(): void {
    if (this.store.onWrite) this.store.onWrite = undefined;
  }
}
