/**
 * Turns the result of `sf apex run test --code-coverage --json` into the same report the local runner prints
 * (`npm run test:apex`, packages/apex-local/src/cli/test-apex.ts): one line per method with failures indented below it, a `Coverage` block
 * per class and in total, then `N passed, N failed`.
 * The input shape is the CLI's JSON reporter (`RunResult` in @salesforce/plugin-apex: summary, tests, coverage).
 */

export interface OrgTestResult {
  summary?: { outcome?: string; testRunId?: string };
  tests: {
    MethodName: string;
    Outcome: string; // Pass | Fail | CompileFail | Skip
    ApexClass: { Name: string };
    RunTime?: number;
    Message?: string | null;
    StackTrace?: string | null;
  }[];
  coverage?: {
    coverage: { name: string; totalLines: number; totalCovered: number }[];
  };
}

export interface OrgTestReport {
  lines: string[];
  passed: number;
  failed: number;
}

export function formatOrgTestReport(result: OrgTestResult, packageClassNames: ReadonlySet<string>): OrgTestReport {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  const tests = [...result.tests].sort((a, b) =>
    `${a.ApexClass.Name}.${a.MethodName}`.localeCompare(`${b.ApexClass.Name}.${b.MethodName}`),
  );
  for (const test of tests) {
    if (test.Outcome === 'Skip') continue;
    const ok = test.Outcome === 'Pass';
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? 'PASS' : 'FAIL'} ${test.ApexClass.Name}.${test.MethodName} (${test.RunTime ?? 0} ms)`);
    if (!ok) {
      if (test.Message) lines.push(`    ${test.Message}`);
      if (test.StackTrace) lines.push(...test.StackTrace.split('\n').map((line) => `    ${line}`));
    }
  }

  const classes = (result.coverage?.coverage ?? [])
    .filter((entry) => packageClassNames.has(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  let total = 0;
  let covered = 0;
  lines.push('', 'Coverage');
  for (const entry of classes) {
    total += entry.totalLines;
    covered += entry.totalCovered;
    lines.push(coverageLine(entry.name, entry.totalCovered, entry.totalLines));
  }
  lines.push(coverageLine('total', covered, total), '');
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed };
}

/** `   75%  EntraSyncMapper (30/40)` — the local runner's coverage line. */
function coverageLine(name: string, covered: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((covered * 100) / total);
  return `  ${String(percent).padStart(3)}%  ${name} (${covered}/${total})`;
}
