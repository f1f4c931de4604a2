/**
 * Parser adapter: Apex source -> lowered AST, with syntax errors as LOCAL_APEX_SYNTAX <file>:<line>.
 * Results are cached by content hash in memory and on disk under .tmp/apex-ast/ (the ANTLR parse is the slow part).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { Stmt, TypeDecl } from '../ast.ts';
import { Lowerer } from './lower.ts';

const LOWERING_VERSION = '9';

export class ApexSyntaxError extends Error {
  readonly code = 'LOCAL_APEX_SYNTAX';
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`LOCAL_APEX_SYNTAX ${file}:${line} ${detail}`);
  }
}

class CollectingListener extends ApexErrorListener {
  errors: { line: number; msg: string }[] = [];
  apexSyntaxError(line: number, _column: number, msg: string): void {
    this.errors.push({ line, msg });
  }
}

const memory = new Map<string, unknown>();
let diskDir: string | null = null;

/** Enable the on-disk cache (e.g. `<project>/.tmp/apex-ast`). */
export function enableDiskCache(dir: string): void {
  diskDir = dir;
}

function cached<T>(kind: string, source: string, make: () => T): T {
  const key = createHash('sha1')
    .update(LOWERING_VERSION + kind + source)
    .digest('hex');
  const hit = memory.get(key);
  if (hit) return hit as T;
  const file = diskDir ? path.join(diskDir, key + '.json') : null;
  if (file && existsSync(file)) {
    try {
      const v = JSON.parse(readFileSync(file, 'utf8')) as T;
      memory.set(key, v);
      return v;
    } catch {
      /* corrupt cache entry: re-parse */
    }
  }
  const v = make();
  memory.set(key, v);
  if (file && diskDir) {
    try {
      mkdirSync(diskDir, { recursive: true });
      writeFileSync(file, JSON.stringify(v));
    } catch {
      /* the disk cache is an optimisation only */
    }
  }
  return v;
}

type Parser = ReturnType<typeof ApexParserFactory.createParser>;

function parseWith<T>(file: string, source: string, entry: (p: Parser) => T): T {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = entry(parser);
  if (listener.errors.length) throw new ApexSyntaxError(file, listener.errors[0].line, listener.errors[0].msg);
  return tree;
}

/** Parse a class file (.cls). */
export function parseClass(file: string, source: string): TypeDecl {
  return cached('cls', source, () =>
    new Lowerer(source).compilationUnit(parseWith(file, source, (p) => p.compilationUnit())),
  );
}

/** Parse anonymous Apex (like `sf apex run`). */
export function parseAnonymous(file: string, source: string): { decls: TypeDecl; body: Stmt[] } {
  return cached('anon', source, () => new Lowerer(source).anonymous(parseWith(file, source, (p) => p.anonymousUnit())));
}
