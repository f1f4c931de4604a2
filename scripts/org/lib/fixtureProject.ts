import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Test support: a throw-away sfdx project in the OS temp dir; `remove()` deletes it (call it in `finally`/`after`). */
export function fixtureProject(
  files: Record<string, string> = {},
  packageAliases: Record<string, string> = {},
): {
  dir: string;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-fixture-'));
  const project = {
    packageDirectories: [
      {
        path: 'force-app',
        default: true,
        package: 'EntraUserSync',
        versionNumber: '0.1.0.NEXT',
        definitionFile: 'config/project-scratch-def.json',
        unpackagedMetadata: { path: 'unpackaged' },
      },
    ],
    sourceApiVersion: '65.0',
    packageAliases,
  };
  const all: Record<string, string> = { 'sfdx-project.json': JSON.stringify(project, null, 2), ...files };
  for (const [relative, content] of Object.entries(all)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
