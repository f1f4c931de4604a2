import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_DIR } from '../org/lib/context.ts';
import type { ProcessRunner } from '../lib/process.ts';
import { parseSfOutput, sfEnvironment, sfExecutable } from '../org/lib/sf.ts';
import { record, type CheckResult } from './result.ts';

/**
 * What a deploy would carry: the package converted to Metadata API format with the real `sf project convert source`
 * (offline; it does not compile Apex). `.forceignore` must keep TypeScript, tests and tool configs out — convert copies
 * `.ts` files unless told not to — and every LWC bundle needs the `<name>.js` that `npm run build` compiles.
 *
 * scripts/convertCheck.ts (`npm run check:convert`) runs this same check over every source directory on its own.
 */

const MUST_NOT_DEPLOY: { pattern: RegExp; what: string }[] = [
  { pattern: /\.ts$/, what: 'TypeScript source' },
  { pattern: /(^|\/)__tests__\//, what: 'a test folder' },
  { pattern: /\.test\.[^/]+$/, what: 'a test file' },
  { pattern: /(^|\/)(tsconfig[^/]*|jsconfig)\.json$/, what: 'a TypeScript config' },
  { pattern: /(^|\/)jest\.config\.[^/]+$/, what: 'a Jest config' },
  { pattern: /(^|\/)\.eslintrc[^/]*$|(^|\/)eslint\.config\.[^/]+$/, what: 'an ESLint config' },
];

/** Problems in a converted payload, given its files relative to the output folder. */
export function payloadProblems(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const hit = MUST_NOT_DEPLOY.find((rule) => rule.pattern.test(file));
    if (hit) problems.push(`${file}: ${hit.what} would be deployed; list it in .forceignore`);
  }
  const fileSet = new Set(files);
  for (const file of files) {
    const bundle = /^lwc\/([^/]+)\/\1\.js-meta\.xml$/.exec(file);
    if (bundle?.[1] && !fileSet.has(`lwc/${bundle[1]}/${bundle[1]}.js`)) {
      problems.push(
        `lwc/${bundle[1]}: no ${bundle[1]}.js in the payload; run npm run build (compiled LWC is not committed)`,
      );
    }
  }
  if (!fileSet.has('package.xml')) problems.push('package.xml: the conversion wrote no manifest');
  return problems;
}

function listRelative(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return out.sort();
}

/** Converts `sourceDir` (with this repository's pinned sf) into a temp folder (removed in `finally`) and records the conversion and payload checks. */
export async function checkPayload(
  runner: ProcessRunner,
  projectDir: string,
  sourceDir: string,
  results: CheckResult[],
  sfCommand: string = sfExecutable(PROJECT_DIR),
): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'entrasync-validate-'));
  const label = path.join(projectDir, sourceDir);
  try {
    const output = path.join(scratch, 'mdapi');
    const outcome = await runner(
      sfCommand,
      ['project', 'convert', 'source', '--source-dir', sourceDir, '--output-dir', output, '--json'],
      { cwd: projectDir, env: sfEnvironment(process.env) },
    );
    let failure: string | undefined;
    try {
      const envelope = parseSfOutput<unknown>('project convert source', outcome.stdout, outcome.stderr);
      if (envelope.status !== 0 || outcome.exitCode !== 0) {
        failure = `sf project convert source failed (${envelope.name ?? 'error'}): ${envelope.message ?? 'no message'}`;
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    record(results, 'converts to Metadata API format', label, failure ? [failure] : []);
    if (!failure) record(results, 'deployable payload is clean', label, payloadProblems(listRelative(output)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
