/**
 * One run as the JSON documents of `npm run sync -- --json` and `npm run scenario -- --json` report it, and the
 * run statuses those commands count as finished.
 */
import type { SyncOutcome } from './localRun.ts';

/** Run statuses that end a command's wait: done, done with per-user errors, or held for approval. */
export const FINISHED_STATUSES = new Set(['Completed', 'CompletedWithErrors', 'AwaitingApproval']);

export interface RunEntry {
  run: string;
  trigger: string;
  mode: string | null;
  status: string;
  counters: Record<string, number>;
  callouts: number;
  pages: number;
  transactions: number;
  graphCallouts: number;
  asyncTransactions: number;
  wallMillis: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** the run's notices (EntraSyncRun__c.Notices__c), one per line: what it could not do fully, e.g. ENTRASYNC_LEAVE_DATES_UNREADABLE */
  notices: string[];
}

export function runEntry(outcome: SyncOutcome): RunEntry {
  const run = outcome.run;
  return {
    run: run.name,
    trigger: run.trigger,
    mode: run.mode,
    status: run.status,
    counters: run.counters,
    callouts: run.callouts,
    pages: run.pages,
    transactions: run.transactions,
    graphCallouts: outcome.graphCallouts,
    asyncTransactions: outcome.transactions.length,
    wallMillis: outcome.wallMillis,
    errorCode: run.errorCode,
    errorMessage: run.errorMessage,
    notices: run.notices,
  };
}

/** A held run and its approval as one outcome: the approved run's state, the work of both. */
export function combineOutcomes(held: SyncOutcome, approved: SyncOutcome): SyncOutcome {
  return {
    ...approved,
    transactions: [...held.transactions, ...approved.transactions],
    graphCallouts: held.graphCallouts + approved.graphCallouts,
    wallMillis: held.wallMillis + approved.wallMillis,
  };
}
