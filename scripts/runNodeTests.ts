/**
 * Runs the node:test tiers: `unit` (default: *.test.ts under packages/, scripts/ and test/integration/), `e2e` (test/e2e/) or
 * `browser` (test/browser/), as `node --import tsx --test --test-reporter=spec <files>`.
 * Prints the file count, the runner's output, and finally `N passed, N failed`; exits non-zero on any failure.
 *
 *   tsx scripts/runNodeTests.ts [--tier unit|e2e|browser]
 */
import path from 'node:path';
import { findFiles } from './lib/findFiles.ts';
import { PROJECT_ROOT } from './lib/projectRoot.ts';
import { runCommand } from './lib/process.ts';
import { formatClosingLine, parseTestCounts } from './lib/testCounts.ts';

const TIER_DIRECTORIES: Readonly<Record<string, readonly string[]>> = {
  unit: ['packages', 'scripts', 'test/integration'],
  e2e: ['test/e2e', 'test/property'],
  browser: ['test/browser'],
};

function tierFromArgs(args: readonly string[]): string {
  const flag = args.indexOf('--tier');
  const tier = flag >= 0 ? args[flag + 1] : 'unit';
  if (!tier || !(tier in TIER_DIRECTORIES)) {
    console.error(
      `LOCAL_TEST_TIER_UNKNOWN: unknown tier "${tier ?? ''}"; use one of ${Object.keys(TIER_DIRECTORIES).join(', ')}.`,
    );
    process.exit(2);
  }
  return tier;
}

const isTestFile = (relativePath: string): boolean => relativePath.endsWith('.test.ts');

async function main(): Promise<void> {
  const tier = tierFromArgs(process.argv.slice(2));
  const files = TIER_DIRECTORIES[tier].flatMap((directory) =>
    findFiles(path.join(PROJECT_ROOT, directory), isTestFile),
  );
  if (files.length === 0) {
    console.log(`No ${tier} test files found under ${TIER_DIRECTORIES[tier].join(', ')}.`);
    console.log(formatClosingLine({ passed: 0, failed: 0 }));
    return;
  }
  console.log(`Running ${files.length} ${tier} test file(s)…`);
  const relativeFiles = files.map((file) => path.relative(PROJECT_ROOT, file));
  const result = await runCommand(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...relativeFiles],
    { cwd: PROJECT_ROOT },
  );
  const counts = parseTestCounts(result.output);
  if (!counts) {
    console.error(`LOCAL_TEST_NO_SUMMARY: the ${tier} test run printed no totals (exit code ${result.exitCode}).`);
    console.log(formatClosingLine({ passed: 0, failed: 1 }));
    process.exitCode = 1;
    return;
  }
  // A crash outside any test (e.g. a file that fails to import) exits non-zero without a failed test: count it.
  const failed = result.exitCode !== 0 && counts.failed === 0 ? 1 : counts.failed;
  console.log(formatClosingLine({ passed: counts.passed, failed }));
  if (failed > 0) process.exitCode = 1;
}

await main();
