import { formatClosingLine, type TestCounts } from './testCounts.ts';

export type TierStatus = 'passed' | 'failed' | 'skipped';

export interface TierOutcome {
  name: string;
  status: TierStatus;
  counts: TestCounts;
  seconds: number;
  /** why it was skipped, or what the counts measure when they are not tests */
  note?: string;
}

/**
 * A tier's outcome from its exit code and the counts it printed. A tier that exits non-zero without reporting a
 * failed test (a crash, a compile error) still counts one failure, so the closing line can never hide it.
 */
export function judgeTier(
  name: string,
  exitCode: number,
  counts: TestCounts | undefined,
  seconds: number,
): TierOutcome {
  if (!counts) {
    const failed = exitCode === 0 ? 0 : 1;
    return {
      name,
      status: failed ? 'failed' : 'passed',
      counts: { passed: 1 - failed, failed },
      seconds,
      note: '1 check',
    };
  }
  const failed = exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed;
  return { name, status: failed > 0 ? 'failed' : 'passed', counts: { passed: counts.passed, failed }, seconds };
}

export function totalOf(outcomes: readonly TierOutcome[]): TestCounts {
  return outcomes.reduce(
    (sum, outcome) => ({ passed: sum.passed + outcome.counts.passed, failed: sum.failed + outcome.counts.failed }),
    { passed: 0, failed: 0 },
  );
}

/** The per-tier table followed by the closing `N passed, N failed` line, which is always last. */
export function formatReport(outcomes: readonly TierOutcome[]): string {
  const rows = outcomes.map((outcome) => {
    const numbers =
      outcome.status === 'skipped'
        ? ['-', '-', '-']
        : [String(outcome.counts.passed), String(outcome.counts.failed), `${outcome.seconds.toFixed(1)} s`];
    return [outcome.name, outcome.status, ...numbers, outcome.note ?? ''];
  });
  const header = ['tier', 'result', 'passed', 'failed', 'time', ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row: string[]): string =>
    row
      .map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), formatClosingLine(totalOf(outcomes))].join('\n');
}
