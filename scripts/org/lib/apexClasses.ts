import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ApexClassFile {
  name: string;
  file: string;
  isTest: boolean;
  /** has at least one test method (test support classes such as fakes and harnesses have none) */
  hasTestMethods: boolean;
}

/** `@IsTest` / `@isTest(SeeAllData=false)` on the class itself (ignores the annotation inside comments). */
export function isTestClassSource(source: string): boolean {
  const code = withoutComments(source);
  const annotation = String.raw`@\w+(?:\s*\([^)]*\))?\s*`;
  const modifiers = String.raw`(?:(?:public|private|global|with|without|inherited|sharing|virtual|abstract)\s+)*`;
  return new RegExp(String.raw`@istest\b(?:\s*\([^)]*\))?\s*(?:${annotation})*${modifiers}class\s`, 'i').test(code);
}

/** `@IsTest static void shouldX()` (or the legacy `testMethod` modifier) somewhere in the class. */
export function hasTestMethodsSource(source: string): boolean {
  const code = withoutComments(source);
  const modifiers = String.raw`(?:(?:public|private|global|protected|static|override)\s+)*`;
  return (
    new RegExp(String.raw`@istest\b(?:\s*\([^)]*\))?\s*${modifiers}void\s+\w+\s*\(`, 'i').test(code) ||
    /\btestmethod\b/i.test(code)
  );
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
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
        const source = readFileSync(full, 'utf8');
        found.push({
          name: entry.name.slice(0, -4),
          file: full,
          isTest: isTestClassSource(source),
          hasTestMethods: hasTestMethodsSource(source),
        });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
