/**
 * The lowered Apex tree the interpreter walks. Produced from the ANTLR parse tree by parse/lower.ts.
 * Plain JSON (no class instances) so it can be cached on disk by content hash.
 */

export interface TypeRef {
  /** dotted name as written, e.g. 'List', 'Database.SaveResult', 'Outer.Inner' */
  name: string;
  args: TypeRef[];
}

export type Literal =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: number }
  | { t: 'long'; v: string }
  | { t: 'decimal'; v: string }
  | { t: 'double'; v: number }
  | { t: 'string'; v: string };

export type Expr =
  | { k: 'lit'; line: number; lit: Literal }
  | { k: 'name'; line: number; name: string }
  | { k: 'this'; line: number }
  | { k: 'super'; line: number }
  | { k: 'dot'; line: number; obj: Expr; name: string; safe: boolean }
  | { k: 'call'; line: number; obj: Expr | null; name: string; args: Expr[]; safe: boolean }
  | { k: 'ctorcall'; line: number; which: 'this' | 'super'; args: Expr[] }
  | { k: 'index'; line: number; obj: Expr; idx: Expr }
  | {
      k: 'new';
      line: number;
      type: TypeRef;
      args: Expr[];
      fieldInits?: { name: string; value: Expr }[];
      listInit?: Expr[];
      mapInit?: [Expr, Expr][];
      arraySize?: Expr;
    }
  | { k: 'cast'; line: number; type: TypeRef; e: Expr }
  | { k: 'instanceof'; line: number; e: Expr; type: TypeRef }
  | { k: 'unary'; line: number; op: '-' | '+' | '!' | '~'; e: Expr }
  | { k: 'incdec'; line: number; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'bin'; line: number; op: string; l: Expr; r: Expr }
  | { k: 'cond'; line: number; c: Expr; a: Expr; b: Expr }
  | { k: 'assign'; line: number; op: string; target: Expr; value: Expr }
  | { k: 'soql'; line: number; soql: string; binds: Expr[]; from: string; fields: string[]; count: boolean }
  | { k: 'typelit'; line: number; type: TypeRef }
  /** a construct the runtime does not implement (SOSL, …): rejected by the fence, never evaluated to null */
  | { k: 'unsupported'; line: number; what: string };

export interface WhenClause {
  kind: 'else' | 'values' | 'type';
  values: Expr[];
  type?: TypeRef;
  name?: string;
  body: Stmt;
}

export interface CatchClause {
  type: string;
  name: string;
  body: Stmt;
  line: number;
}

export type Stmt =
  | { k: 'block'; line: number; body: Stmt[] }
  | { k: 'var'; line: number; type: TypeRef; decls: { name: string; init: Expr | null }[] }
  | { k: 'expr'; line: number; e: Expr }
  | { k: 'if'; line: number; c: Expr; then: Stmt; else: Stmt | null }
  | { k: 'while'; line: number; c: Expr; body: Stmt | null }
  | { k: 'dowhile'; line: number; c: Expr; body: Stmt }
  | { k: 'for'; line: number; init: Stmt | Expr[] | null; c: Expr | null; update: Expr[]; body: Stmt | null }
  | { k: 'foreach'; line: number; type: TypeRef; name: string; iter: Expr; body: Stmt | null }
  | { k: 'return'; line: number; e: Expr | null }
  | { k: 'throw'; line: number; e: Expr }
  | { k: 'break'; line: number }
  | { k: 'continue'; line: number }
  | { k: 'try'; line: number; body: Stmt; catches: CatchClause[]; fin: Stmt | null }
  | { k: 'switch'; line: number; e: Expr; whens: WhenClause[] }
  | {
      k: 'dml';
      line: number;
      op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete' | 'merge';
      e: Expr;
      ext: string | null;
    }
  | { k: 'runas'; line: number; args: Expr[]; body: Stmt }
  | { k: 'unsupported'; line: number; what: string };

export interface Annotation {
  name: string; // lower-case, e.g. 'istest', 'testvisible', 'auraenabled'
  params: Record<string, string>; // lower-case keys, raw text values
}

export interface Param {
  type: TypeRef;
  name: string;
}

export interface MethodDecl {
  name: string;
  line: number;
  mods: string[]; // lower-case modifiers
  annotations: Annotation[];
  ret: TypeRef | null; // null = void (or constructor)
  params: Param[];
  body: Stmt | null;
  isCtor: boolean;
}

export interface FieldDecl {
  name: string;
  line: number;
  mods: string[];
  annotations: Annotation[];
  type: TypeRef;
  init: Expr | null;
}

export interface PropertyDecl {
  name: string;
  line: number;
  mods: string[];
  annotations: Annotation[];
  type: TypeRef;
  getter: { body: Stmt | null; mods: string[] } | null;
  setter: { body: Stmt | null; mods: string[] } | null;
}

export interface TypeDecl {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  line: number;
  endLine: number;
  mods: string[];
  annotations: Annotation[];
  ext: TypeRef | null;
  impls: TypeRef[];
  fields: FieldDecl[];
  props: PropertyDecl[];
  methods: MethodDecl[];
  ctors: MethodDecl[];
  inner: TypeDecl[];
  staticInits: Stmt[];
  instanceInits: Stmt[];
  enumValues: string[];
  /** declaration order of instance fields and properties (for JSON serialization) */
  memberOrder: string[];
}
