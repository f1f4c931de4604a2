/** How many tests (or checks) a tier passed and failed, read from the runner's own summary. */
export interface TestCounts {
  passed: number;
  failed: number;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition
const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g;

/**
 * The project-wide closing line every runner prints last: `N passed, N failed`, alone on its line; a trailing
 * parenthesised note such as `(812 ms)` is tolerated.
 */
const CLOSING_LINE = /^\s*(\d+) passed, (\d+) failed(?:\s+\([^)\n]*\))?\s*$/gm;
/** Jest: `Tests:       1 failed, 2 skipped, 13 passed, 16 total`. */
const JEST_TESTS_LINE = /^Tests:\s+(.*\d+ total)\s*$/gm;
/** node:test spec/tap reporters: `ℹ pass 12` / `# pass 12`, and the same for fail and cancelled. */
const NODE_TEST_COUNT = /^[ℹ#] (pass|fail|cancelled) (\d+)\s*$/gm;

export function formatClosingLine(counts: TestCounts): string {
  return `${counts.passed} passed, ${counts.failed} failed`;
}

/**
 * Reads pass/fail counts from a tier's output. The closing line wins when present (the last one, since nested
 * runners may print their own first); otherwise Jest's or node:test's summary. Undefined when none is found.
 */
export function parseTestCounts(rawOutput: string): TestCounts | undefined {
  const output = rawOutput.replace(ANSI_ESCAPES, '').replace(/\r\n/g, '\n');
  return fromClosingLine(output) ?? fromJest(output) ?? fromNodeTest(output);
}

function lastMatch(output: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const match of output.matchAll(pattern)) last = match as RegExpExecArray;
  return last;
}

function fromClosingLine(output: string): TestCounts | undefined {
  const match = lastMatch(output, CLOSING_LINE);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}

function fromJest(output: string): TestCounts | undefined {
  const match = lastMatch(output, JEST_TESTS_LINE);
  if (!match) return undefined;
  const count = (word: string): number => Number(new RegExp(`(\\d+) ${word}`).exec(match[1])?.[1] ?? 0);
  return { passed: count('passed'), failed: count('failed') };
}

function fromNodeTest(output: string): TestCounts | undefined {
  const totals = new Map<string, number>();
  for (const match of output.matchAll(NODE_TEST_COUNT)) totals.set(match[1], Number(match[2]));
  if (!totals.has('pass') && !totals.has('fail')) return undefined;
  return { passed: totals.get('pass') ?? 0, failed: (totals.get('fail') ?? 0) + (totals.get('cancelled') ?? 0) };
}
