import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import { findFiles } from './findFiles.ts';

export interface LwcProblem {
  file: string;
  message: string;
}

/** Every LWC bundle folder under `root`: a folder named like its parent `lwc/` child, holding `<name>.js-meta.xml`. */
export function findLwcBundles(root: string): string[] {
  return findFiles(root, (relative) => /(^|\/)lwc\/([^/]+)\/\2\.js-meta\.xml$/.test(relative)).map((metaFile) =>
    path.dirname(metaFile),
  );
}

/**
 * Runs the platform's LWC compiler over each bundle's compiled `.js`, `.html` and `.css` — the step a deploy would
 * run — so errors such as LWC1104 (decorators lowered by tsc) or template mistakes show before any org is involved.
 * A bundle whose `<name>.js` is missing means `tsc` did not emit it, which a deploy would reject too.
 */
export function checkLwcBundles(bundles: readonly string[]): LwcProblem[] {
  const problems: LwcProblem[] = [];
  for (const bundle of bundles) {
    const name = path.basename(bundle);
    const entry = path.join(bundle, `${name}.js`);
    if (!existsSync(entry)) {
      problems.push({
        file: entry,
        message: `LOCAL_LWC_NOT_COMPILED: ${name}.js is missing; add ${name}.ts (or .js).`,
      });
      continue;
    }
    const sources = readdirSync(bundle)
      .filter((file) => /\.(js|html|css)$/.test(file))
      .map((file) => path.join(bundle, file));
    for (const file of sources) {
      try {
        transformSync(readFileSync(file, 'utf8'), path.basename(file), { namespace: 'c', name });
      } catch (error) {
        problems.push({ file, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return problems;
}
