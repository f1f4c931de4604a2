import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, judgeTier, totalOf } from './tierReport.ts';

describe('judgeTier', () => {
  it('takes the counts a tier printed when it exits cleanly', () => {
    assert.deepEqual(judgeTier('unit', 0, { passed: 9, failed: 0 }, 1.5), {
      name: 'unit',
      status: 'passed',
      counts: { passed: 9, failed: 0 },
      seconds: 1.5,
    });
  });

  it('counts one failure when a tier crashes after reporting only passes', () => {
    const outcome = judgeTier('lwc', 1, { passed: 9, failed: 0 }, 2);
    assert.equal(outcome.status, 'failed');
    assert.deepEqual(outcome.counts, { passed: 9, failed: 1 });
  });

  it('scores a tier without test counts (e.g. build) as one check', () => {
    assert.deepEqual(judgeTier('build', 0, undefined, 3).counts, { passed: 1, failed: 0 });
    assert.deepEqual(judgeTier('build', 2, undefined, 3).counts, { passed: 0, failed: 1 });
  });
});

describe('formatReport', () => {
  const outcomes = [
    judgeTier('build', 0, undefined, 3.14),
    judgeTier('unit', 1, { passed: 40, failed: 2 }, 12),
    { name: 'apex', status: 'skipped' as const, counts: { passed: 0, failed: 0 }, seconds: 0, note: 'not built yet' },
  ];

  it('sums every tier', () => {
    assert.deepEqual(totalOf(outcomes), { passed: 41, failed: 2 });
  });

  it('prints one row per tier and ends with the closing line alone', () => {
    const lines = formatReport(outcomes).split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[1], /^build\s+passed\s+1\s+0\s+3\.1 s\s+1 check$/);
    assert.match(lines[2], /^unit\s+failed\s+40\s+2\s+12\.0 s$/);
    assert.match(lines[3], /^apex\s+skipped\s+-\s+-\s+-\s+not built yet$/);
    assert.equal(lines[4], '41 passed, 2 failed');
  });
});
