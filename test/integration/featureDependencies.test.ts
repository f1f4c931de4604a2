/**
 * The package's Apex keeps its feature layering (DESIGN.md §2): `admin` above `sync` above the features
 * (`graph`, `mapping`, `provisioning`, `runlog`) above `core`. Apex has no imports, so a reference is a class name in
 * code; this test reads force-app/main/<feature>/classes/*.cls with comments and string literals stripped and maps
 * every EntraSync* class name it finds to the folder that holds the class. It also checks that each value of the
 * run and change vocabularies (read from the picklists' field metadata) is written as a literal in one class only.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN_DIR = path.join(PROJECT_DIR, 'force-app/main');

/** Lower number = lower layer; a class may reference its own layer's features only as the rules below allow. */
const LAYER: Record<string, number> = { core: 0, graph: 1, mapping: 1, provisioning: 1, runlog: 1, sync: 2, admin: 3 };
const UPPER_FEATURES = new Set(['sync', 'admin']);
const LOWER_FEATURES = ['core', 'graph', 'mapping', 'provisioning', 'runlog'];

/** The vocabularies that must each be written down once; the object field whose picklist defines them. */
const VOCABULARIES = [
  'EntraSyncRun__c.Status__c',
  'EntraSyncChange__c.Status__c',
  'EntraSyncChange__c.Action__c',
  'EntraSyncRun__c.Trigger__c',
  'EntraSyncRun__c.Mode__c',
];

interface ApexClass {
  name: string;
  feature: string;
  file: string;
  /** Code with comments and string literals blanked out. */
  code: string;
  /** The values of the string literals the class writes. */
  literals: Set<string>;
  isTest: boolean;
}

interface Reference {
  from: ApexClass;
  to: ApexClass;
}

/** Blanks comments and string literals (keeping the quotes) and collects the literals' values. */
function lexApex(source: string): { code: string; literals: Set<string> } {
  const literals = new Set<string>();
  let code = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
      code += ' ';
    } else if (source[i] === "'") {
      let value = '';
      let j = i + 1;
      while (j < source.length && source[j] !== "'") {
        if (source[j] === '\\') {
          value += source[j + 1] ?? '';
          j += 2;
        } else {
          value += source[j];
          j += 1;
        }
      }
      literals.add(value);
      code += "''";
      i = j + 1;
    } else {
      code += source[i];
      i += 1;
    }
  }
  return { code, literals };
}

function loadClasses(): ApexClass[] {
  const classes: ApexClass[] = [];
  for (const feature of readdirSync(MAIN_DIR).sort()) {
    const dir = path.join(MAIN_DIR, feature, 'classes');
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith('.cls')) continue;
      const file = path.join(dir, entry);
      const { code, literals } = lexApex(readFileSync(file, 'utf8'));
      const head = code.slice(0, Math.max(0, code.search(/\bclass\b/i)));
      classes.push({
        name: entry.slice(0, -'.cls'.length),
        feature,
        file: path.relative(PROJECT_DIR, file),
        code,
        literals,
        isTest: /@IsTest\b/i.test(head),
      });
    }
  }
  return classes;
}

function findReferences(classes: ApexClass[]): Reference[] {
  const byName = new Map(classes.map((c) => [c.name.toLowerCase(), c]));
  const references: Reference[] = [];
  for (const from of classes) {
    const seen = new Set<string>();
    for (const [token] of from.code.matchAll(/\bEntraSync\w*/gi)) {
      const to = byName.get(token.toLowerCase());
      if (!to || to === from || seen.has(to.name)) continue;
      seen.add(to.name);
      references.push({ from, to });
    }
  }
  return references;
}

function describeReferences(references: Reference[]): string {
  return references.map((r) => `  ${r.from.feature}/${r.from.name} → ${r.to.feature}/${r.to.name}`).join('\n');
}

/** Picklist values per `Object.Field`, from every field-meta.xml under force-app/main/<feature>/objects. */
function loadPicklists(): Map<string, string[]> {
  const picklists = new Map<string, string[]>();
  for (const feature of readdirSync(MAIN_DIR)) {
    const objectsDir = path.join(MAIN_DIR, feature, 'objects');
    if (!statSync(objectsDir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const object of readdirSync(objectsDir)) {
      const fieldsDir = path.join(objectsDir, object, 'fields');
      if (!statSync(fieldsDir, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const entry of readdirSync(fieldsDir)) {
        if (!entry.endsWith('.field-meta.xml')) continue;
        const xml = readFileSync(path.join(fieldsDir, entry), 'utf8');
        const definition = /<valueSetDefinition>([\s\S]*?)<\/valueSetDefinition>/.exec(xml)?.[1];
        if (!definition) continue;
        const values = [...definition.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1] ?? '');
        picklists.set(`${object}.${entry.slice(0, -'.field-meta.xml'.length)}`, values);
      }
    }
  }
  return picklists;
}

const classes = loadClasses();
const references = findReferences(classes);

describe('feature dependencies of the package Apex', () => {
  it('finds the feature folders and their classes', () => {
    const features = new Set(classes.map((c) => c.feature));
    for (const feature of Object.keys(LAYER))
      assert.ok(features.has(feature), `no classes in force-app/main/${feature}`);
    for (const feature of features)
      assert.ok(feature in LAYER, `force-app/main/${feature} is not a known feature; add it to LAYER in this test`);
    assert.ok(references.length > 50, `only ${references.length} class references found: the scan is broken`);
  });

  it('(a) no class in core, graph, mapping, provisioning or runlog references a sync or admin class', () => {
    const upward = references.filter((r) => !UPPER_FEATURES.has(r.from.feature) && UPPER_FEATURES.has(r.to.feature));
    assert.deepEqual(
      upward.map((r) => `${r.from.name} → ${r.to.name}`),
      [],
      `lower features must not know the orchestrator or the admin screens; move the shared type down to core or ` +
        `into its feature, or invert with an interface:\n${describeReferences(upward)}`,
    );
  });

  it('(b) core references no other feature', () => {
    const outward = references.filter((r) => r.from.feature === 'core' && r.to.feature !== 'core');
    assert.deepEqual(
      outward.map((r) => `${r.from.name} → ${r.to.name}`),
      [],
      `core is what every feature shares and must not depend on any of them:\n${describeReferences(outward)}`,
    );
  });

  it('every reference points to the same or a lower layer, and sync does not reference admin', () => {
    const upward = references.filter((r) => (LAYER[r.to.feature] ?? 0) > (LAYER[r.from.feature] ?? 0));
    assert.deepEqual(
      upward.map((r) => `${r.from.name} → ${r.to.name}`),
      [],
      `references against the layering admin > sync > features > core:\n${describeReferences(upward)}`,
    );
  });

  it('the features reference each other without a cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const r of references) {
      if (r.from.feature === r.to.feature) continue;
      if (!edges.has(r.from.feature)) edges.set(r.from.feature, new Set());
      edges.get(r.from.feature)?.add(r.to.feature);
    }
    const cycles: string[] = [];
    const visit = (feature: string, trail: string[]): void => {
      if (trail.includes(feature)) {
        cycles.push([...trail.slice(trail.indexOf(feature)), feature].join(' → '));
        return;
      }
      for (const next of edges.get(feature) ?? []) visit(next, [...trail, feature]);
    };
    for (const feature of LOWER_FEATURES) visit(feature, []);
    const cyclic = references.filter((r) => cycles.some((c) => c.includes(`${r.from.feature} → ${r.to.feature}`)));
    assert.deepEqual(
      [...new Set(cycles)],
      [],
      `feature folders import each other in a loop:\n${describeReferences(cyclic)}`,
    );
  });

  it('(c) each run and change vocabulary value is written as a literal in exactly one non-test class', () => {
    const picklists = loadPicklists();
    const production = classes.filter((c) => !c.isTest);
    // A class owns a picklist when it writes every one of its values; another picklist that happens to share a value
    // (a change status and a run status are both `Failed`) may have that value in its own class.
    const ownersOf = (values: string[]): ApexClass[] =>
      production.filter((c) => values.every((v) => c.literals.has(v)));
    const problems: string[] = [];
    for (const vocabulary of VOCABULARIES) {
      const values = picklists.get(vocabulary);
      assert.ok(values && values.length > 0, `no picklist values found for ${vocabulary}`);
      const owners = ownersOf(values);
      if (owners.length !== 1) {
        problems.push(
          `${vocabulary}: ${owners.length} classes write all its values (${owners.map((c) => c.name).join(', ') || 'none'}); ` +
            'define them once as named constants in one class',
        );
        continue;
      }
      const owner = owners[0] as ApexClass;
      for (const value of values) {
        const homonymOwners = new Set(
          [...picklists]
            .filter(([name, other]) => name !== vocabulary && other.includes(value))
            .flatMap(([, other]) => ownersOf(other))
            .map((c) => c.name),
        );
        homonymOwners.delete(owner.name);
        const writers = production.filter((c) => c.literals.has(value) && !homonymOwners.has(c.name));
        const others = writers.filter((c) => c !== owner);
        if (others.length > 0)
          problems.push(
            `${vocabulary} '${value}' is written in ${others.map((c) => c.file).join(', ')}; use ${owner.name}'s constant`,
          );
      }
    }
    assert.deepEqual(problems, [], `vocabulary literals outside their one class:\n  ${problems.join('\n  ')}`);
  });
});
