/**
 * Interpreter throughput and Apex suite time, for `npm run bench` (test/bench/bench.ts imports these) or on
 * their own: `npx tsx packages/apex-local/src/bench/interpreterBench.ts [projectDir]`.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { LocalRuntime } from '../runtime/runtime.ts';
import { runTests } from '../runtime/testRunner.ts';

const EMPTY_PROJECT = fileURLToPath(new URL('../apex/__fixtures__/empty', import.meta.url));

/** A mixed workload: arithmetic, string building, collections, method calls and object allocation. */
const WORKLOAD = `
public class Acc { public Integer total = 0; public void add(Integer n) { total += n; } }
Acc acc = new Acc();
Map<String, Integer> counts = new Map<String, Integer>();
List<String> words = new List<String>();
for (Integer i = 0; i < 20000; i++) {
    acc.add(Math.mod(i, 7));
    String key = 'k' + Math.mod(i, 50);
    Integer c = counts.get(key);
    counts.put(key, c == null ? 1 : c + 1);
    if (Math.mod(i, 1000) == 0) { words.add(key.toUpperCase()); }
}
System.debug(acc.total + ' ' + counts.size() + ' ' + words.size());
`;

export interface ThroughputResult {
  statements: number;
  ms: number;
  statementsPerSecond: number;
}

export function benchInterpreter(): ThroughputResult {
  const rt = LocalRuntime.load(EMPTY_PROJECT);
  rt.runAnonymous(WORKLOAD); // warm up parser and JIT
  const before = rt.interp.statementsExecuted;
  const t0 = performance.now();
  const r = rt.runAnonymous(WORKLOAD);
  const ms = performance.now() - t0;
  if (r.error) throw new Error(`LOCAL_BENCH_FAILED ${r.error.type}: ${r.error.message}`);
  const statements = rt.interp.statementsExecuted - before;
  return { statements, ms: Math.round(ms), statementsPerSecond: Math.round((statements / ms) * 1000) };
}

export interface SuiteResult {
  tests: number;
  passed: number;
  loadMs: number;
  runMs: number;
  statementsPerSecond: number;
}

/** Load the package and run its whole Apex test suite once. */
export function benchApexSuite(projectDir: string): SuiteResult {
  const t0 = performance.now();
  const rt = LocalRuntime.load(projectDir);
  const loadMs = performance.now() - t0;
  const before = rt.interp.statementsExecuted;
  const t1 = performance.now();
  const run = runTests(rt);
  const runMs = performance.now() - t1;
  return {
    tests: run.results.length,
    passed: run.results.filter((r) => r.passed).length,
    loadMs: Math.round(loadMs),
    runMs: Math.round(runMs),
    statementsPerSecond: Math.round(((rt.interp.statementsExecuted - before) / runMs) * 1000),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = benchInterpreter();
  console.log(`interpreter: ${t.statements} statements in ${t.ms} ms = ${t.statementsPerSecond} statements/s`);
  const s = benchApexSuite(process.argv[2] ?? process.cwd());
  console.log(
    `apex suite: ${s.passed}/${s.tests} passed, load ${s.loadMs} ms, run ${s.runMs} ms, ${s.statementsPerSecond} statements/s`,
  );
}
