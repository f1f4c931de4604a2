/**
 * `npm run build`: everything generated from source before tests or a deploy.
 *   1. every generator in scripts/generators/ (a `*.ts` module exporting `generate(): Promise<void>`) runs, in name
 *      order: adminDtoTypes checks the LWC DTO types against EntraSyncAdminDto.cls (a field renamed in Apex fails
 *      here, before tsc), fieldMappings writes the field mapping records;
 *   2. tsc compiles each LWC `name.ts` to `name.js` beside it (and type-checks them) using
 *      force-app/main/admin/lwc/tsconfig.json;
 *   3. the LWC compiler checks every bundle as the platform would.
 * Compiled and generated files are git-ignored.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFiles } from './lib/findFiles.ts';
import { checkLwcBundles, findLwcBundles } from './lib/lwcCompileCheck.ts';
import { runCommand } from './lib/process.ts';
import { PROJECT_ROOT, localBin } from './lib/projectRoot.ts';

const LWC_TSCONFIG = 'force-app/main/admin/lwc/tsconfig.json';
const GENERATORS_DIRECTORY = path.join(PROJECT_ROOT, 'scripts', 'generators');

type Step = () => Promise<boolean>;

async function compileLwc(): Promise<boolean> {
  console.log(`• tsc -p ${LWC_TSCONFIG}`);
  const result = await runCommand(localBin('tsc'), ['-p', LWC_TSCONFIG], { cwd: PROJECT_ROOT });
  if (result.exitCode !== 0) console.error('LOCAL_BUILD_TSC_FAILED: the LWC TypeScript above does not compile.');
  return result.exitCode === 0;
}

async function checkLwc(): Promise<boolean> {
  const bundles = findLwcBundles(path.join(PROJECT_ROOT, 'force-app'));
  console.log(`• LWC compiler check of ${bundles.length} bundle(s)`);
  const problems = checkLwcBundles(bundles);
  for (const problem of problems) console.error(`${path.relative(PROJECT_ROOT, problem.file)}: ${problem.message}`);
  return problems.length === 0;
}

const isGenerator = (relative: string): boolean =>
  !relative.includes('/') && relative.endsWith('.ts') && !relative.endsWith('.test.ts') && !relative.endsWith('.d.ts');

async function runGenerators(): Promise<boolean> {
  const generators = findFiles(GENERATORS_DIRECTORY, isGenerator);
  let ok = true;
  for (const file of generators) {
    const name = path.relative(PROJECT_ROOT, file);
    console.log(`• generator ${name}`);
    const module = (await import(pathToFileURL(file).href)) as { generate?: unknown };
    if (typeof module.generate !== 'function') {
      console.error(`LOCAL_BUILD_GENERATOR_INVALID: ${name} must export "generate(): Promise<void>".`);
      ok = false;
      continue;
    }
    try {
      await (module.generate as () => Promise<void>)();
    } catch (error) {
      console.error(`LOCAL_BUILD_GENERATOR_FAILED: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      ok = false;
    }
  }
  return ok;
}

async function main(): Promise<void> {
  const started = Date.now();
  // Generators first: what they write or check is source that tsc and the LWC compiler then read.
  const steps: Step[] = [runGenerators, compileLwc, checkLwc];
  for (const step of steps) {
    if (!(await step())) {
      console.error(`Build failed after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      process.exitCode = 1;
      return;
    }
  }
  console.log(`Build finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
