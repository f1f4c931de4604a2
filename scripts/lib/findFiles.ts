import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '.tmp']);

/**
 * Every file under `directory` whose path (relative to `directory`, with forward slashes) satisfies `accept`, sorted.
 * A missing directory yields no files. Dependency and tool-cache folders are never entered.
 */
export function findFiles(directory: string, accept: (relativePath: string) => boolean): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  const visit = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(full);
      } else if (entry.isFile() && accept(path.relative(directory, full).split(path.sep).join('/'))) {
        found.push(full);
      }
    }
  };
  visit(directory);
  return found.sort();
}
