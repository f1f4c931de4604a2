/**
 * Per-stage peak share of each governor limit over a run's async transactions: the transaction label names the
 * job class (`Queueable EntraSyncFetchStage`), whose stage is the class name without `EntraSync…Stage`.
 */
import type { TransactionReport } from 'apex-local';

/** limits reported, as `Limits` names them, with a short column title */
export const REPORTED_LIMITS: [string, string][] = [
  ['Queries', 'SOQL'],
  ['QueryRows', 'rows read'],
  ['DmlStatements', 'DML stmts'],
  ['DmlRows', 'DML rows'],
  ['Callouts', 'callouts'],
  ['CalloutTime', 'callout time'],
  ['HeapSize', 'heap'],
  ['CpuTime', 'CPU'],
];

export type StagePeaks = Record<string, Record<string, number>>;

export function stageName(label: string): string {
  const className = label.split(' ').at(-1) ?? label;
  return className.replace(/^EntraSync/, '').replace(/Stage$/, '') || className;
}

/** stage → limit → peak used/max (0..1) */
export function stagePeaks(transactions: TransactionReport[]): StagePeaks {
  const peaks: StagePeaks = {};
  for (const transaction of transactions) {
    const stage = stageName(transaction.label);
    const row = (peaks[stage] ??= {});
    for (const [limit] of REPORTED_LIMITS) {
      const snapshot = transaction.limits.find((l) => l.name === limit);
      if (!snapshot || snapshot.max <= 0) continue;
      row[limit] = Math.max(row[limit] ?? 0, snapshot.used / snapshot.max);
    }
  }
  return peaks;
}

/** the highest share of any limit in any stage, with where it happened */
export function worstShare(peaks: StagePeaks): { stage: string; limit: string; share: number } {
  let worst = { stage: '-', limit: '-', share: 0 };
  for (const [stage, limits] of Object.entries(peaks))
    for (const [limit, share] of Object.entries(limits)) if (share > worst.share) worst = { stage, limit, share };
  return worst;
}
