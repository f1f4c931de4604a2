import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ApexClassFile {
  name: string;
  file: string;
  isTest: boolean;
}

/** `@IsTest` / `@isTest(SeeAllData=false)` on the class itself (ignores the annotation inside comments). */
export function isTestClassSource(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return /@istest\b(\s*\([^)]*\))?\s*((public|private|global|with|without|inherited|sharing|virtual|abstract)\s+)*class\s/i.test(
    code,
  );
}

/** Every `.cls` below `root` (skipping node_modules), with whether it is a test class. */
export function findApexClasses(root: string): ApexClassFile[] {
  const found: ApexClassFile[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.cls')) {
        found.push({
          name: entry.name.slice(0, -4),
          file: full,
          isTest: isTestClassSource(readFileSync(full, 'utf8')),
        });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
