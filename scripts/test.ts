/**
 * `npm test`: builds, then runs every offline test tier that exists, one after the other (the machine has two
 * cores), prints a per-tier table and ends with `N passed, N failed` alone on the last line. Exits non-zero when
 * any tier fails. `npm test -- --browser` adds the browser tier (used by .ci/run); `npm test -- --static` adds the
 * static gates (typecheck, lint, format check, Apex scan), each scored as one check.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './lib/process.ts';
import { PROJECT_ROOT } from './lib/projectRoot.ts';
import { withQuietSf } from './lib/sfEnvironment.ts';
import { parseTestCounts } from './lib/testCounts.ts';
import { formatReport, judgeTier, type TierOutcome } from './lib/tierReport.ts';

interface Tier {
  name: string;
  /** the package.json script that runs it */
  script: string;
  /** a file or folder that must exist for the tier to run; the tier is skipped with a message otherwise */
  requires?: string;
}

const TIERS: readonly Tier[] = [
  { name: 'build', script: 'build' },
  { name: 'unit', script: 'test:unit' },
  { name: 'lwc', script: 'test:lwc' },
  { name: 'apex', script: 'test:apex', requires: 'packages/apex-local/src/cli/test-apex.ts' },
  { name: 'e2e', script: 'test:e2e', requires: 'test/e2e' },
  { name: 'validate', script: 'validate', requires: 'scripts/validate.ts' },
];
const BROWSER_TIER: Tier = { name: 'browser', script: 'test:browser', requires: 'test/browser' };
const STATIC_TIERS: readonly Tier[] = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
  { name: 'scan', script: 'scan' },
];

async function runTier(tier: Tier): Promise<TierOutcome> {
  if (tier.requires && !existsSync(path.join(PROJECT_ROOT, tier.requires))) {
    const note = `${tier.requires} does not exist yet`;
    console.log(`\n=== ${tier.name}: skipped, ${note}`);
    return { name: tier.name, status: 'skipped', counts: { passed: 0, failed: 0 }, seconds: 0, note };
  }
  console.log(`\n=== ${tier.name}: npm run ${tier.script}`);
  const started = Date.now();
  const result = await runCommand('npm', ['run', '--silent', tier.script], { cwd: PROJECT_ROOT, env: withQuietSf() });
  const seconds = (Date.now() - started) / 1000;
  return judgeTier(tier.name, result.exitCode, parseTestCounts(result.output), seconds);
}

async function main(): Promise<void> {
  const tiers = [
    ...(process.argv.includes('--static') ? STATIC_TIERS : []),
    ...TIERS,
    ...(process.argv.includes('--browser') ? [BROWSER_TIER] : []),
  ];
  const outcomes: TierOutcome[] = [];
  for (const tier of tiers) outcomes.push(await runTier(tier));
  console.log(`\n${formatReport(outcomes)}`);
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

await main();
