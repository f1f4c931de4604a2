/**
 * The Apex test runner on a fixture project: isolation per method with @TestSetup data
 * (Apex Developer Guide, "Using Test Setup Methods"), Test.stopTest running queued jobs and refusing chains
 * ("Queueable Apex": you can't chain queueable jobs in an Apex test), failures with the Apex stack, line coverage.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalRuntime } from './runtime.ts';
import { formatFailure, runTests } from './testRunner.ts';

const PROJECT = fileURLToPath(new URL('./__fixtures__/project', import.meta.url));
const rt = LocalRuntime.load(PROJECT, { now: new Date('2026-03-02T10:00:00.000Z') });
const run = runTests(rt, 'Greeter_Tests');
const byName = new Map(run.results.map((r) => [r.methodName, r]));

test('the fixture passes the fence', () => {
  assert.deepEqual(rt.fence, []);
});

test('each method sees setup data and its own inserts only', () => {
  assert.equal(
    byName.get('shouldSeeSetupDataAndKeepItsOwnInserts')?.passed,
    true,
    formatFailure(
      byName.get('shouldSeeSetupDataAndKeepItsOwnInserts')?.failure ?? { type: '', message: '', stack: '', line: 0 },
    ),
  );
  assert.equal(byName.get('shouldNotSeeOtherTestsInserts')?.passed, true);
});

test('Test.stopTest runs the queued job; its chained enqueue fails with "Maximum stack depth has been reached."', () => {
  const r = byName.get('shouldRunQueuedJobAtStopTestWithoutChaining');
  assert.equal(r?.passed, true, r?.failure ? formatFailure(r.failure) : '');
});

test('a failing assertion is reported with its message and Apex stack', () => {
  const r = byName.get('shouldFailWithAnAssertion');
  assert.equal(r?.passed, false);
  assert.equal(
    formatFailure(r!.failure!),
    'System.AssertException: Assertion Failed: deliberately failing. Expected: Hello, Bob, Actual: Hello, nobody\n    Class.Greeter_Tests.shouldFailWithAnAssertion: line 39',
  );
});

test('line coverage counts executed statement lines per class', () => {
  const greeter = run.coverage.find((c) => c.className === 'Greeter');
  assert.deepEqual(
    { lines: greeter?.lines, covered: greeter?.covered, uncovered: greeter?.uncovered },
    { lines: 5, covered: 3, uncovered: [10, 11] },
  );
});

test('a filter Class.method runs one method', () => {
  const one = runTests(rt, 'greeter_tests.shouldGreetByName');
  assert.deepEqual(
    one.results.map((r) => [r.methodName, r.passed]),
    [['shouldGreetByName', true]],
  );
});

test('a job released by Test.stopTest runs in its own context: fresh limits, callouts after the test DML; the test keeps its uncommitted work', () => {
  const jobs = runTests(rt, 'StopTestJobs_Tests');
  assert.deepEqual(
    jobs.results.map((r) => [r.methodName, r.passed, r.failure ? formatFailure(r.failure) : '']),
    [['shouldRunEachReleasedJobInItsOwnContext', true, '']],
  );
});
