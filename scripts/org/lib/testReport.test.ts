import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOrgTestReport, type OrgTestResult } from './testReport.ts';

const RESULT: OrgTestResult = {
  tests: [
    {
      MethodName: 'shouldB',
      Outcome: 'Fail',
      ApexClass: { Name: 'EntraSyncMapper_Tests' },
      RunTime: 40,
      Message: 'System.AssertException: Assertion Failed',
      StackTrace: 'Class.EntraSyncMapper_Tests.shouldB: line 9, column 1',
    },
    { MethodName: 'shouldA', Outcome: 'Pass', ApexClass: { Name: 'EntraSyncMapper_Tests' }, RunTime: 12 },
    { MethodName: 'shouldC', Outcome: 'Skip', ApexClass: { Name: 'EntraSyncMapper_Tests' }, RunTime: 0 },
  ],
  coverage: {
    coverage: [
      { name: 'EntraSyncMapper', totalLines: 40, totalCovered: 30 },
      { name: 'EntraSyncScheduler', totalLines: 10, totalCovered: 10 },
      { name: 'SomeoneElsesClass', totalLines: 1000, totalCovered: 0 },
    ],
  },
};

describe('org test report (same shape as npm run test:apex)', () => {
  const report = formatOrgTestReport(RESULT, new Set(['EntraSyncMapper', 'EntraSyncScheduler']));

  it('prints one PASS/FAIL line per method in name order, with the failure message and stack indented', () => {
    assert.deepEqual(report.lines.slice(0, 4), [
      'PASS EntraSyncMapper_Tests.shouldA (12 ms)',
      'FAIL EntraSyncMapper_Tests.shouldB (40 ms)',
      '    System.AssertException: Assertion Failed',
      '    Class.EntraSyncMapper_Tests.shouldB: line 9, column 1',
    ]);
  });

  it('reports coverage of the package classes only, per class and in total', () => {
    assert.deepEqual(report.lines.slice(4, 10), [
      '',
      'Coverage',
      '   75%  EntraSyncMapper (30/40)',
      '  100%  EntraSyncScheduler (10/10)',
      '   80%  total (40/50)',
      '',
    ]);
  });

  it('closes with the counts', () => {
    assert.equal(report.lines.at(-1), '1 passed, 1 failed');
    assert.equal(report.passed, 1);
    assert.equal(report.failed, 1);
  });
});
