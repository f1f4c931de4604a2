import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/lib/), so scripts work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's own copy of an npm binary, e.g. `tsc`, `sf`, `sfdx-lwc-jest`. */
export function localBin(name: string): string {
  return path.join(PROJECT_ROOT, 'node_modules', '.bin', name);
}
