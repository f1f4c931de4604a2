/**
 * Per-transaction governor limits (Apex Developer Guide, "Execution Governors and Limits", Per-Transaction Apex
 * Limits): synchronous vs asynchronous values, and the platform's System.LimitException messages
 * ("Too many SOQL queries: 101"). Limit exceptions cannot be caught; the interpreter must not let Apex catch them.
 *
 * A finalizer's transaction is neither: "Synchronous governor limits apply for the Finalizer transaction, except in
 * these cases where asynchronous limits apply: Total heap size; Maximum number of Apex jobs added to the queue with
 * System.enqueueJob; …" (Apex Developer Guide, "Transaction Finalizers").
 */
import { OrgError, type LimitSnapshot } from './api.ts';

export type LimitName =
  | 'Queries'
  | 'QueryRows'
  | 'DmlStatements'
  | 'DmlRows'
  | 'Callouts'
  | 'CalloutTime'
  | 'QueueableJobs'
  | 'CpuTime'
  | 'HeapSize';

interface LimitDef {
  sync: number;
  async: number;
  /** the platform's message, given the count that broke the limit */
  message: (attempted: number) => string;
}

/** The limits a finalizer transaction takes from the asynchronous column (the rest are synchronous). */
export const FINALIZER_ASYNC_LIMITS: ReadonlySet<LimitName> = new Set<LimitName>(['HeapSize', 'QueueableJobs']);

/** Documented values; CPU time in ms, heap in bytes, callout time in ms. */
export const LIMIT_DEFS: Record<LimitName, LimitDef> = {
  Queries: { sync: 100, async: 200, message: (n) => `Too many SOQL queries: ${n}` },
  QueryRows: { sync: 50_000, async: 50_000, message: (n) => `Too many query rows: ${n}` },
  DmlStatements: { sync: 150, async: 150, message: (n) => `Too many DML statements: ${n}` },
  DmlRows: { sync: 10_000, async: 10_000, message: (n) => `Too many DML rows: ${n}` },
  Callouts: { sync: 100, async: 100, message: (n) => `Too many callouts: ${n}` },
  CalloutTime: {
    sync: 120_000,
    async: 120_000,
    message: () => 'Exceeded maximum time allotted for callout (120000 ms)',
  },
  QueueableJobs: { sync: 50, async: 1, message: (n) => `Too many queueable jobs added to the queue: ${n}` },
  CpuTime: { sync: 10_000, async: 60_000, message: () => 'Apex CPU time limit exceeded' },
  HeapSize: { sync: 6_000_000, async: 12_000_000, message: (n) => `Apex heap size too large: ${n}` },
};

/** Apex statements charged as 1 µs of CPU each: the interpreter is slower than the platform, so wall time would overcount. */
export const CPU_MS_PER_STATEMENT = 0.001;

export class LimitCounters {
  private readonly used = new Map<LimitName, number>();

  /** `finalizer`: a System.Finalizer's transaction (synchronous limits but for FINALIZER_ASYNC_LIMITS) */
  constructor(
    readonly async: boolean,
    readonly finalizer = false,
  ) {}

  max(name: LimitName): number {
    const def = LIMIT_DEFS[name];
    if (this.finalizer) return FINALIZER_ASYNC_LIMITS.has(name) ? def.async : def.sync;
    return this.async ? def.async : def.sync;
  }

  get(name: LimitName): number {
    return this.used.get(name) ?? 0;
  }

  /** Adds `amount`; throws System.LimitException when the new total passes the limit (nothing is recorded then). */
  charge(name: LimitName, amount: number): void {
    const next = this.get(name) + amount;
    if (next > this.max(name)) {
      const exceptionType = name === 'CalloutTime' ? 'System.CalloutException' : 'System.LimitException';
      throw new OrgError(
        exceptionType,
        LIMIT_DEFS[name].message(
          name === 'QueryRows' || name === 'DmlRows' || name === 'HeapSize' ? next : this.get(name) + 1,
        ),
      );
    }
    this.used.set(name, next);
  }

  /** Sets an absolute value (heap is measured, not accumulated). */
  set(name: LimitName, value: number): void {
    if (value > this.max(name)) throw new OrgError('System.LimitException', LIMIT_DEFS[name].message(value));
    this.used.set(name, value);
  }

  snapshot(): LimitSnapshot[] {
    return (Object.keys(LIMIT_DEFS) as LimitName[]).map((name) => ({
      name,
      used: name === 'CpuTime' ? Math.round(this.get(name)) : this.get(name),
      max: this.max(name),
    }));
  }
}
