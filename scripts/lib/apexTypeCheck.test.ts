import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseApexLsReport } from './apexTypeCheck.ts';

// Shape of `CheckForIssues -f json` from apex-ls 6.0.2 (the jar inside @salesforce/code-analyzer-pmd-engine 0.46.0).
const REPORT = JSON.stringify({
  files: [
    {
      path: '/p/force-app/main/sync/classes/EntraSyncJob.cls',
      messages: [
        {
          start: { line: 33, offset: 20 },
          end: { line: 33, offset: 39 },
          category: 'Missing',
          message: "No variable or type found for 'EntraSyncRunService' on 'EntraSyncJob'",
        },
        { start: { line: 7, offset: 4 }, end: { line: 7, offset: 9 }, category: 'Warning', message: 'Unused local' },
        {
          start: { line: 98, offset: 16 },
          end: { line: 98, offset: 20 },
          category: 'Error',
          message: "'from' is reserved",
        },
      ],
    },
  ],
});

describe('parseApexLsReport', () => {
  it('turns each apex-ls message into a finding with a 1-based column and the category as rule', () => {
    const [missing] = parseApexLsReport(REPORT);
    assert.deepEqual(missing, {
      file: '/p/force-app/main/sync/classes/EntraSyncJob.cls',
      line: 33,
      column: 21,
      rule: 'apex-ls/Missing',
      message: "No variable or type found for 'EntraSyncRunService' on 'EntraSyncJob'",
      failing: true,
    });
  });

  it('fails on Missing and Error categories but only advises on Warning', () => {
    const failing = parseApexLsReport(REPORT).map((finding) => [finding.rule, finding.failing]);
    assert.deepEqual(failing, [
      ['apex-ls/Missing', true],
      ['apex-ls/Warning', false],
      ['apex-ls/Error', true],
    ]);
  });

  it('reads a clean report as no findings', () => {
    assert.deepEqual(parseApexLsReport('{ "files": [] }'), []);
  });
});
