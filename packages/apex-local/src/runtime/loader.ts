/**
 * Loads the package's Apex: every `.cls` under force-app and the unpackaged directory (sfdx-project.json),
 * parsed (cached), bound into one Registry and linked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Registry } from '../apex/binder/registry.ts';
import { enableDiskCache, parseClass } from '../apex/parse/parser.ts';
import type { TriggerSource } from '../org/localOrg.ts';

export interface LoadedApex {
  registry: Registry;
  /** class file (relative to the project) -> source text, for coverage and messages */
  files: Map<string, string>;
  problems: { file: string; line: number; what: string }[];
  /** permission set name (lower-case) -> custom permissions it enables (lower-case), for FeatureManagement.checkPermission */
  customPermissions: Map<string, Set<string>>;
  /** the project's `.trigger` files: the local org does not run triggers, so each is fenced (runtime.ts) */
  triggers: TriggerSource[];
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    const p = path.join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (e.endsWith('.cls') || e.endsWith('.trigger') || e.endsWith('.permissionset-meta.xml')) out.push(p);
  }
}

export function packageDirectories(projectDir: string): string[] {
  const cfgPath = path.join(projectDir, 'sfdx-project.json');
  if (!existsSync(cfgPath)) return ['force-app'];
  const cfg = JSON.parse(readFileSync(cfgPath, 'utf8')) as {
    packageDirectories?: { path: string; unpackagedMetadata?: { path: string } }[];
  };
  const dirs: string[] = [];
  for (const d of cfg.packageDirectories ?? []) {
    dirs.push(d.path);
    if (d.unpackagedMetadata?.path) dirs.push(d.unpackagedMetadata.path);
  }
  return [...new Set(dirs)];
}

export function loadApex(projectDir: string): LoadedApex {
  enableDiskCache(path.join(projectDir, '.tmp', 'apex-ast'));
  const registry = new Registry();
  const files = new Map<string, string>();
  const problems: LoadedApex['problems'] = [];
  const paths: string[] = [];
  for (const d of packageDirectories(projectDir)) walk(path.join(projectDir, d), paths);
  paths.sort();
  const customPermissions = new Map<string, Set<string>>();
  for (const p of paths.filter((x) => x.endsWith('.permissionset-meta.xml'))) {
    const xml = readFileSync(p, 'utf8');
    const enabled = new Set<string>();
    for (const m of xml.matchAll(/<customPermissions>([\s\S]*?)<\/customPermissions>/g)) {
      if (/<enabled>true<\/enabled>/.test(m[1]))
        enabled.add((/<name>([^<]+)<\/name>/.exec(m[1])?.[1] ?? '').toLowerCase());
    }
    customPermissions.set(path.basename(p).replace('.permissionset-meta.xml', '').toLowerCase(), enabled);
  }
  for (const p of paths.filter((x) => x.endsWith('.cls'))) {
    const rel = path.relative(projectDir, p);
    const src = readFileSync(p, 'utf8');
    files.set(rel, src);
    try {
      registry.add(parseClass(rel, src), rel);
    } catch (e) {
      const err = e as { file?: string; line?: number; message: string };
      problems.push({ file: rel, line: err.line ?? 1, what: err.message });
    }
  }
  problems.push(...registry.link());
  const triggers: TriggerSource[] = [];
  for (const p of paths.filter((x) => x.endsWith('.trigger'))) {
    const rel = path.relative(projectDir, p);
    const t = triggerHeader(rel, readFileSync(p, 'utf8'));
    if (t) triggers.push(t);
    else problems.push({ file: rel, line: 1, what: 'LOCAL_APEX_SYNTAX trigger header not understood' });
  }
  return { registry, files, problems, customPermissions, triggers };
}

/** `trigger Name on Object (before insert, after update)` (Apex Developer Guide, "Trigger Syntax"). */
export function triggerHeader(file: string, src: string): TriggerSource | null {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  const m = /\btrigger\s+(\w+)\s+on\s+([\w.]+)\s*\(([^)]*)\)/i.exec(code);
  if (!m) return null;
  return {
    name: m[1]!,
    objectName: m[2]!,
    events: m[3]!
      .split(',')
      .map((e) => e.trim().toLowerCase().replace(/\s+/g, ' '))
      .filter(Boolean),
    file,
    line: code.slice(0, m.index).split('\n').length,
  };
}
