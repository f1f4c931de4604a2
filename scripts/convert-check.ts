/**
 * Metadata sanity offline: converts each package directory (and the unpackaged test metadata) to Metadata API format
 * with the real `sf project convert source`, into a temporary folder, and fails on any conversion error. Then checks
 * what a deploy would carry: no TypeScript, tests or tsconfig leaked past .forceignore, and every LWC bundle has its
 * compiled `<name>.js` (run `npm run build` first).
 *
 *   tsx scripts/convert-check.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFiles } from './lib/findFiles.ts';
import { runCommand } from './lib/process.ts';
import { PROJECT_ROOT, localBin } from './lib/projectRoot.ts';
import { withQuietSf } from './lib/sfEnvironment.ts';

interface SfdxProject {
  packageDirectories: { path: string; unpackagedMetadata?: { path: string } }[];
}

const MUST_NOT_DEPLOY = /(\.ts$|(^|\/)__tests__\/|(^|\/)tsconfig[^/]*\.json$|(^|\/)jsconfig\.json$)/;

function sourceDirectories(): string[] {
  const project = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'sfdx-project.json'), 'utf8')) as SfdxProject;
  const directories = project.packageDirectories.flatMap((entry) => [entry.path, entry.unpackagedMetadata?.path ?? '']);
  return [...new Set(directories)].filter((directory) => directory && existsSync(path.join(PROJECT_ROOT, directory)));
}

async function convert(sourceDirectory: string, outputDirectory: string): Promise<string[]> {
  const result = await runCommand(
    localBin('sf'),
    ['project', 'convert', 'source', '--source-dir', sourceDirectory, '--output-dir', outputDirectory, '--json'],
    { cwd: PROJECT_ROOT, env: withQuietSf(), echo: false },
  );
  const json = result.output.slice(Math.max(0, result.output.indexOf('{')));
  let answer: { status?: number; message?: string; name?: string } = {};
  try {
    answer = JSON.parse(json) as typeof answer;
  } catch {
    return [`LOCAL_CONVERT_NO_JSON: sf printed no readable answer (exit ${result.exitCode}):\n${result.output.trim()}`];
  }
  if (result.exitCode !== 0 || answer.status !== 0) {
    return [
      `LOCAL_CONVERT_FAILED: ${sourceDirectory}: ${answer.name ?? 'error'}: ${answer.message ?? result.output.trim()}`,
    ];
  }
  return [];
}

function inspectOutput(outputDirectory: string, sourceDirectory: string): string[] {
  const problems = findFiles(outputDirectory, (relative) => MUST_NOT_DEPLOY.test(relative)).map(
    (file) =>
      `LOCAL_CONVERT_LEAK: ${sourceDirectory} would deploy ${path.relative(outputDirectory, file)}; list it in .forceignore.`,
  );
  const bundles = findFiles(outputDirectory, (relative) => /^lwc\/([^/]+)\/\1\.js-meta\.xml$/.test(relative));
  for (const meta of bundles) {
    const name = path.basename(path.dirname(meta));
    if (!existsSync(path.join(path.dirname(meta), `${name}.js`))) {
      problems.push(`LOCAL_CONVERT_LWC_UNCOMPILED: lwc/${name} has no ${name}.js; run "npm run build" first.`);
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'entrasync-convert-'));
  const problems: string[] = [];
  try {
    for (const [index, directory] of sourceDirectories().entries()) {
      const output = path.join(scratch, String(index));
      const started = Date.now();
      const failures = await convert(directory, output);
      problems.push(...failures);
      if (failures.length === 0) problems.push(...inspectOutput(output, directory));
      const files = findFiles(output, () => true).length;
      console.log(`• ${directory}: ${files} metadata file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  for (const problem of problems) console.error(problem);
  console.log(
    problems.length === 0 ? 'Conversion check passed.' : `Conversion check failed: ${problems.length} problem(s).`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

await main();
