/**
 * The package's module structure (README.md, "Architecture"): no runtime import cycle between its own modules
 * (type-only imports are erased and may point anywhere), and the binder — names, static types, the fence — never
 * needs the interpreter at run time.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = dirname(fileURLToPath(import.meta.url));

interface Edge {
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('__')) out.push(...sourceFiles(p));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** `import … from`, `export … from` and side-effect imports; comments are blanked first. */
const STATIC_IMPORT =
  /^[ \t]*(import|export)\s+(type\s+)?([\w$*{}\s,]*?)\s*from\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]/gm;
/** `await import('…')`: a runtime edge too, though a lazy one */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** True when every named specifier is marked `type` (`import { type A, type B } from …`), so the import is erased. */
function allSpecifiersTyped(clause: string): boolean {
  const m = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!m) return false;
  const names = m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

function importsOf(file: string, text: string): Edge[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const edges: Edge[] = [];
  const add = (spec: string, typeOnly: boolean) => {
    if (spec.startsWith('.')) edges.push({ to: resolve(dirname(file), spec), typeOnly });
  };
  for (const m of code.matchAll(STATIC_IMPORT)) {
    if (m[5]) add(m[5], false);
    else add(m[4], !!m[2] || allSpecifiersTyped(m[3]));
  }
  for (const m of code.matchAll(DYNAMIC_IMPORT)) add(m[1], false);
  return edges;
}

function graph(): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const f of sourceFiles(SRC)) g.set(f, importsOf(f, readFileSync(f, 'utf8')));
  return g;
}

/** Strongly connected components of the runtime-import graph with more than one module (or a self-import). */
function runtimeCycles(g: Map<string, Edge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of g.get(v) ?? []) {
      if (e.typeOnly || !g.has(e.to)) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      const selfLoop = (g.get(v) ?? []).some((e) => !e.typeOnly && e.to === v);
      if (scc.length > 1 || selfLoop) out.push(scc.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of g.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('the import parser tells runtime imports from type-only ones', () => {
  const edges = importsOf(
    join(SRC, 'x.ts'),
    [
      "import type { A } from './a.ts';",
      "import { type B, type C } from './b.ts';",
      "import { D, type E } from './d.ts';",
      'import {',
      '  F,',
      '  type G,',
      "} from './f.ts';",
      "import * as H from './h.ts';",
      "import './side.ts';",
      "export { I } from './i.ts';",
      "export type { J } from './j.ts';",
      "// import { K } from './k.ts';",
      "import L from 'node:fs';",
    ].join('\n'),
  );
  const seen = edges.map((e) => `${relative(SRC, e.to)}:${e.typeOnly ? 'type' : 'runtime'}`);
  assert.deepEqual(seen, [
    'a.ts:type',
    'b.ts:type',
    'd.ts:runtime',
    'f.ts:runtime',
    'h.ts:runtime',
    'side.ts:runtime',
    'i.ts:runtime',
    'j.ts:type',
  ]);
});

test('a cycle is found through runtime imports only', () => {
  const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((f) => join(SRC, f));
  const typeBack = new Map<string, Edge[]>([
    [a, [{ to: b, typeOnly: false }]],
    [b, [{ to: a, typeOnly: true }]],
  ]);
  assert.deepEqual(runtimeCycles(typeBack), []);
  const runtimeBack = new Map<string, Edge[]>([
    [a, [{ to: b, typeOnly: false }]],
    [b, [{ to: c, typeOnly: false }]],
    [c, [{ to: a, typeOnly: false }]],
  ]);
  assert.deepEqual(runtimeCycles(runtimeBack), [['a.ts', 'b.ts', 'c.ts']]);
});

test('no runtime import cycle between the modules of apex-local', () => {
  assert.deepEqual(runtimeCycles(graph()), []);
});

test('the binder (names, static types, the fence) does not import the interpreter at run time', () => {
  const binder = join(SRC, 'apex', 'binder');
  const interp = join(SRC, 'apex', 'interp');
  const offending: string[] = [];
  for (const [file, edges] of graph()) {
    if (!file.startsWith(binder + '/')) continue;
    for (const e of edges)
      if (!e.typeOnly && e.to.startsWith(interp + '/'))
        offending.push(`${relative(SRC, file)} -> ${relative(SRC, e.to)}`);
  }
  assert.deepEqual(offending, []);
});
