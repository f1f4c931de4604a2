/**
 * The Apex test runner: every @IsTest class, each test method isolated like the platform does it
 * (Apex Developer Guide, "Isolation of Test Data from Organization Data" and "Using Test Setup Methods"):
 * a method sees the org's setup data, its class's @TestSetup data (restored for every method) and what it creates.
 */
import type { MethodDecl } from '../apex/ast.ts';
import type { ClassInfo } from '../apex/binder/classInfo.ts';
import { lineCoverage, type ClassCoverage } from './coverage.ts';
import { failureHeadline, type ApexFailure, type DebugLine, type LocalRuntime } from './runtime.ts';

export interface TestResult {
  className: string;
  methodName: string;
  passed: boolean;
  ms: number;
  failure?: ApexFailure;
  debug: DebugLine[];
}

export interface TestRunResult {
  results: TestResult[];
  coverage: ClassCoverage[];
  totalCovered: number;
  totalLines: number;
  ms: number;
}

function isTestMethod(m: MethodDecl): boolean {
  return m.mods.includes('testmethod') || m.annotations.some((a) => a.name === 'istest');
}

function isTestSetup(m: MethodDecl): boolean {
  return m.annotations.some((a) => a.name === 'testsetup');
}

export function testClasses(rt: LocalRuntime): ClassInfo[] {
  return rt.apex.registry.topLevel().filter((c) => c.isTest && c.kind === 'class');
}

/** `filter`: 'ClassName' or 'ClassName.method' (case-insensitive), as `npm run test:apex -- --class`. */
export function runTests(rt: LocalRuntime, filter?: string, onResult?: (r: TestResult) => void): TestRunResult {
  const started = Date.now();
  const [fClass, fMethod] = (filter ?? '').toLowerCase().split('.');
  rt.interp.coverage = new Map();
  const base = rt.org.snapshot();
  const results: TestResult[] = [];
  for (const cls of testClasses(rt)) {
    if (fClass && cls.name.toLowerCase() !== fClass) continue;
    const methods = [...cls.methods.values()].flat().filter((m) => isTestMethod(m) && m.mods.includes('static'));
    const selected = methods.filter((m) => !fMethod || m.name.toLowerCase() === fMethod);
    if (!selected.length) continue;
    rt.org.restore(base);
    const setups = [...cls.methods.values()].flat().filter(isTestSetup);
    let setupFailure: ApexFailure | undefined;
    for (const s of setups) {
      const r = rt.transaction(`${cls.name}.${s.name}`, { async: false, test: true }, () => {
        rt.interp.runStatic(cls, s, []);
      });
      if (r.error) {
        setupFailure = r.error;
        break;
      }
    }
    const classBase = rt.org.snapshot();
    for (const m of selected) {
      rt.org.restore(classBase);
      const t0 = performance.now();
      let failure = setupFailure;
      let debug: DebugLine[] = [];
      if (!failure) {
        const r = rt.transaction(`${cls.name}.${m.name}`, { async: false, test: true }, () => {
          rt.interp.runStatic(cls, m, []);
        });
        failure = r.error;
        debug = r.debug;
      }
      const res: TestResult = {
        className: cls.name,
        methodName: m.name,
        passed: !failure,
        ms: Math.round(performance.now() - t0),
        failure,
        debug,
      };
      results.push(res);
      onResult?.(res);
    }
  }
  rt.org.restore(base);
  const coverage = lineCoverage(
    rt.apex.registry.topLevel().filter((c) => !c.isTest),
    rt.interp.coverage,
  );
  rt.interp.coverage = null;
  const totalLines = coverage.reduce((a, c) => a + c.lines, 0);
  const totalCovered = coverage.reduce((a, c) => a + c.covered, 0);
  return { results, coverage, totalCovered, totalLines, ms: Date.now() - started };
}

/** Platform-style stack line for the test report: `Class.Foo.bar: line 12, column 1` -> `Class.Foo.bar: line 12`. */
export function formatFailure(f: ApexFailure): string {
  const head = failureHeadline(f);
  const stack = f.stack
    .split('\n')
    .filter(Boolean)
    .map((l) => '    ' + l.replace(/, column \d+$/, ''))
    .join('\n');
  return stack ? `${head}\n${stack}` : head;
}
