import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EntraSyncError } from './errors.ts';

export interface PackageDirectory {
  path: string;
  package?: string;
  default?: boolean;
  definitionFile?: string;
  unpackagedMetadata?: { path: string };
}

export interface SfdxProjectJson {
  packageDirectories: PackageDirectory[];
  packageAliases?: Record<string, string>;
  [key: string]: unknown;
}

export const PROJECT_FILE = 'sfdx-project.json';

export function readProjectJson(projectDir: string): SfdxProjectJson {
  const file = path.join(projectDir, PROJECT_FILE);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SfdxProjectJson;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EntraSyncError('ENTRASYNC_PROJECT_JSON', `${file} cannot be read: ${reason}`);
  }
}

/** The packaged directory (the one with a `package` name), e.g. `{ path: 'force-app', package: 'EntraUserSync' }`. */
export function packagedDirectory(project: SfdxProjectJson): PackageDirectory & { package: string } {
  const found = project.packageDirectories.find((dir) => typeof dir.package === 'string' && dir.package.length > 0);
  if (!found?.package) {
    throw new EntraSyncError('ENTRASYNC_PROJECT_JSON', 'sfdx-project.json names no package in packageDirectories.');
  }
  return { ...found, package: found.package };
}

/** `EntraUserSync@0.1.0-3` — the alias shape `sf package version create` itself records. */
export function versionAlias(packageName: string, versionNumber: string): string {
  const [major = '0', minor = '0', patch = '0', build = '0'] = versionNumber.split('.');
  return `${packageName}@${major}.${minor}.${patch}-${build}`;
}

/** Returns a copy with the alias recorded; the rest of the project file is untouched. */
export function withPackageAlias(project: SfdxProjectJson, alias: string, id: string): SfdxProjectJson {
  return { ...project, packageAliases: { ...(project.packageAliases ?? {}), [alias]: id } };
}

/** The highest recorded version alias (`Name@M.m.p-b` → 04t…) of a package, compared numerically. */
export function latestVersionAlias(
  aliases: Record<string, string> | undefined,
  packageName: string,
): { alias: string; id: string } | undefined {
  const prefix = `${packageName}@`;
  const parsed = Object.entries(aliases ?? {})
    .filter(([alias, id]) => alias.startsWith(prefix) && id.startsWith('04t'))
    .map(([alias, id]) => ({ alias, id, parts: alias.slice(prefix.length).split(/[.-]/).map(Number) }))
    .filter((entry) => entry.parts.length === 4 && entry.parts.every(Number.isFinite));
  parsed.sort((a, b) => {
    for (let i = 0; i < 4; i++) {
      const diff = (b.parts[i] ?? 0) - (a.parts[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  const best = parsed[0];
  return best ? { alias: best.alias, id: best.id } : undefined;
}

/**
 * Records one package alias in sfdx-project.json (the only edit these scripts make there). Written to a sibling temp
 * file and renamed, so an interrupted write never leaves a half-written project file.
 */
export function recordPackageAlias(projectDir: string, alias: string, id: string): boolean {
  const project = readProjectJson(projectDir);
  if (project.packageAliases?.[alias] === id) return false;
  const file = path.join(projectDir, PROJECT_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(withPackageAlias(project, alias, id), null, 2)}\n`);
  renameSync(temp, file);
  return true;
}
