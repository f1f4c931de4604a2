import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatClosingLine, parseTestCounts } from './testCounts.ts';

describe('parseTestCounts', () => {
  it('reads the project closing line, preferring the last one', () => {
    const output = 'tier a\n3 passed, 0 failed\nmore\n  12 passed, 2 failed  \n';
    assert.deepEqual(parseTestCounts(output), { passed: 12, failed: 2 });
  });

  it('accepts a closing line with a parenthesised timing, as npm run test:apex prints it', () => {
    assert.deepEqual(parseTestCounts('PASS A.b\n41 passed, 3 failed (812 ms)\n'), { passed: 41, failed: 3 });
  });

  it('does not mistake a sentence containing the words for the closing line', () => {
    assert.equal(parseTestCounts('we expected 3 passed, 0 failed tests here'), undefined);
  });

  it('reads Jest summaries with failures, skips and colour codes', () => {
    const output = '\u001b[1mTests:\u001b[22m       \u001b[31m1 failed\u001b[39m, 2 skipped, 13 passed, 16 total\n';
    assert.deepEqual(parseTestCounts(output), { passed: 13, failed: 1 });
  });

  it('reads a Jest summary where everything passed', () => {
    assert.deepEqual(parseTestCounts('Tests:       14 passed, 14 total'), { passed: 14, failed: 0 });
  });

  it('reads node:test spec reporter totals and counts cancelled tests as failed', () => {
    const output = 'ℹ tests 7\nℹ suites 1\nℹ pass 5\nℹ fail 1\nℹ cancelled 1\nℹ skipped 0\n';
    assert.deepEqual(parseTestCounts(output), { passed: 5, failed: 2 });
  });

  it('returns undefined when the output has no summary', () => {
    assert.equal(parseTestCounts('compiled 3 files'), undefined);
  });
});

describe('formatClosingLine', () => {
  it('prints the line every runner ends with, which parseTestCounts reads back', () => {
    const line = formatClosingLine({ passed: 4, failed: 1 });
    assert.equal(line, '4 passed, 1 failed');
    assert.deepEqual(parseTestCounts(line), { passed: 4, failed: 1 });
  });
});
