/**
 * Builds the local admin page: compiles the package's TypeScript LWCs (`npm run build:lwc`), then bundles them with
 * LWC OSS, lightning-base-components and synthetic shadow into one script (docs/TOOLCHAIN.md, "Real components in a real
 * browser"). Platform modules come from salesforceModules.ts; the page's own components live in packages/dev-env/ui/lwc.
 *
 *   tsx packages/dev-env/ui/build.ts            builds into .tmp/local-ui/
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { readCustomLabels } from './labels.ts';
import { salesforceModules } from './salesforceModules.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const UI_DIR = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_OUT_DIR = path.join(PROJECT_DIR, '.tmp', 'local-ui');
const ADMIN_LWC_DIR = path.join(PROJECT_DIR, 'force-app', 'main', 'admin', 'lwc');
/** mounted by the page, first one that exists */
const ADMIN_ROOT_CANDIDATES = ['entraSyncAdminApp', 'entraSyncStatusPanel', 'entraSyncStatusBadge'];

export interface UiBuildResult {
  bundleFile: string;
  adminRoot: string;
  components: string[];
  warnings: string[];
  millis: number;
}

export interface UiBuildOptions {
  outDir?: string;
  /**
   * compile the admin LWCs with `tsc` into `<outDir>/lwc` (default true), leaving force-app untouched so parallel
   * builds cannot race; false uses the `.js` that `npm run build` wrote beside the sources
   */
  compileLwc?: boolean;
  /** user id the `@salesforce/user/Id` shim returns */
  userId?: string;
}

export async function buildAdminUi(options: UiBuildOptions = {}): Promise<UiBuildResult> {
  const started = Date.now();
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const warnings: string[] = [];
  const lwcDir = (options.compileLwc ?? true) ? compileAdminLwc(path.join(outDir, 'lwc'), warnings) : ADMIN_LWC_DIR;

  const components = adminComponents(lwcDir);
  const adminRoot = ADMIN_ROOT_CANDIDATES.find((name) => components.includes(name));
  if (!adminRoot)
    throw new Error(
      `LOCAL_UI_NO_ADMIN_COMPONENT: none of ${ADMIN_ROOT_CANDIDATES.join(', ')} is compiled in ${lwcDir} (run npm run build)`,
    );

  const bundle = await rollup({
    input: path.join(UI_DIR, 'client', 'main.js'),
    plugins: [
      salesforceModules({
        labels: readCustomLabels(path.join(PROJECT_DIR, 'force-app')),
        adminRoot: `c/${adminRoot}`,
        userId: options.userId ?? '005000000000001AAA',
        warn: (message) => warnings.push(message),
      }),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        rootDir: PROJECT_DIR,
        enableDynamicComponents: true,
        // lightning-combobox (base components 1.28) calls attachInternals, which synthetic shadow only allows with this
        enableSyntheticElementInternals: true,
        modules: [
          { dir: path.join(UI_DIR, 'lwc') },
          ...components.map((name) => ({ name: `c/${name}`, path: path.join(lwcDir, name, `${name}.js`) })),
          { npm: 'lightning-base-components' },
        ],
      }),
    ],
    onwarn: (warning) => {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // lightning-base-components' own templates trip compiler warnings that do not matter here
      if (warning.message.includes('lightning-base-components')) return;
      warnings.push(warning.message);
    },
  });
  const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
  await bundle.close();
  mkdirSync(outDir, { recursive: true });
  const bundleFile = path.join(outDir, 'app.js');
  writeFileSync(bundleFile, output[0].code);
  return { bundleFile, adminRoot, components, warnings, millis: Date.now() - started };
}

/** Admin components that have compiled JavaScript (name/name.js). */
function adminComponents(lwcDir: string): string[] {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir).filter((name) => existsSync(path.join(lwcDir, name, `${name}.js`)));
}

/** tsc into `targetDir`, then the templates and styles beside the compiled JavaScript; returns `targetDir`. */
function compileAdminLwc(targetDir: string, warnings: string[]): string {
  const tsc = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsc');
  rmSync(targetDir, { recursive: true, force: true });
  try {
    execFileSync(
      tsc,
      ['-p', path.join(ADMIN_LWC_DIR, 'tsconfig.json'), '--outDir', targetDir, '--rootDir', ADMIN_LWC_DIR],
      { cwd: PROJECT_DIR, stdio: 'pipe' },
    );
  } catch (error) {
    // tsc still emits JavaScript when it finds type errors; the page can run, the type check belongs to `npm run build`
    const output = String((error as { stdout?: Buffer }).stdout ?? '').trim();
    warnings.push(
      `LOCAL_UI_LWC_TYPE_ERRORS: tsc reported problems in the admin LWCs:\n${output.split('\n').slice(0, 10).join('\n')}`,
    );
  }
  for (const name of readdirSync(ADMIN_LWC_DIR)) {
    const source = path.join(ADMIN_LWC_DIR, name);
    if (!statSync(source).isDirectory() || !existsSync(path.join(targetDir, name))) continue;
    for (const file of readdirSync(source))
      if (/\.(html|css|svg)$/.test(file)) copyFileSync(path.join(source, file), path.join(targetDir, name, file));
  }
  return targetDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildAdminUi();
  for (const warning of result.warnings) console.warn(warning);
  console.log(
    `built ${result.bundleFile} (admin root c/${result.adminRoot}, ${result.components.length} admin components) in ${result.millis} ms`,
  );
}
