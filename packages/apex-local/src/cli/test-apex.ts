/**
 * `npm run test:apex [-- --class Name[.method]] [--project DIR] [--debug] [--features a,b|all]` (--debug prints a failing test's debug log; --features enables optional org features, see org/features.ts): runs the package's Apex tests on the local org.
 * One line per method, the first failure with its Apex stack, line coverage per class and in total,
 * then `N passed, N failed`. Exit code 1 on any failure or fence problem.
 */
import { ensureDeepStack } from './deepStack.ts';
import { ALL_FEATURES, type OrgFeatures } from '../org/features.ts';
import { LocalRuntime } from '../runtime/runtime.ts';
import { formatFailure, runTests } from '../runtime/testRunner.ts';

ensureDeepStack();

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** 'all' or a comma list of OrgFeatures keys (personAccounts, unifiedEmployee); none by default, as in a real org */
function parseFeatures(list: string | undefined): OrgFeatures {
  if (!list) return {};
  if (list === 'all') return { ...ALL_FEATURES };
  const features: OrgFeatures = {};
  for (const name of list.split(',')) {
    if (!(name in ALL_FEATURES))
      throw new Error(`LOCAL_USAGE unknown org feature ${name} (known: ${Object.keys(ALL_FEATURES).join(', ')})`);
    features[name as keyof OrgFeatures] = true;
  }
  return features;
}

const projectDir = arg('--project') ?? process.cwd();
const filter = arg('--class');
const showDebug = process.argv.includes('--debug');
const t0 = Date.now();
const rt = LocalRuntime.load(projectDir, { features: parseFeatures(arg('--features')) });
for (const p of rt.fence) console.log(`${p.code} ${p.file}:${p.line} ${p.what}`);
const run = runTests(rt, filter, (r) => {
  console.log(`${r.passed ? 'PASS' : 'FAIL'} ${r.className}.${r.methodName} (${r.ms} ms)`);
  if (r.failure) console.log(formatFailure(r.failure).replace(/^/gm, '    '));
  if (r.failure && showDebug) for (const d of r.debug) console.log(`    ${d.level}|${d.message}`);
});
if (run.results.length === 0)
  console.log(
    filter ? `LOCAL_NO_TESTS no @IsTest method matches ${filter}` : 'LOCAL_NO_TESTS no @IsTest classes found',
  );
console.log('');
console.log('Coverage');
for (const c of run.coverage) {
  const pct = c.lines ? Math.floor((100 * c.covered) / c.lines) : 100;
  console.log(`  ${String(pct).padStart(3)}%  ${c.className} (${c.covered}/${c.lines})`);
}
const total = run.totalLines ? Math.floor((100 * run.totalCovered) / run.totalLines) : 100;
console.log(`  ${String(total).padStart(3)}%  total (${run.totalCovered}/${run.totalLines})`);
const passed = run.results.filter((r) => r.passed).length;
const failed = run.results.length - passed;
console.log('');
console.log(`Ran ${run.results.length} test methods in ${Date.now() - t0} ms`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || rt.fence.length > 0 ? 1 : 0);
