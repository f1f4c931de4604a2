/**
 * The fence: a static pass over the bound classes that rejects, before anything runs, what the local runtime
 * does not implement — unknown types, unknown standard-library methods on statically known receivers, statements
 * the runtime does not support. Whatever slips past is caught at run time with the same LOCAL_UNSUPPORTED code.
 * It needs only the Binding (the registry, the standard library and the schema), never the interpreter.
 */
import type { Expr, Stmt, TypeRef } from '../ast.ts';
import type { ObjectDescribe } from '../../org/api.ts';
import type { TypeDesc } from '../values.ts';
import type { ClassInfo } from './classInfo.ts';
import { isPlatformName, PLATFORM_NAMESPACES } from './platformNames.ts';
import { NAMESPACES } from './registry.ts';
import { TypeResolver, type Binding } from './typeResolver.ts';

export interface FenceProblem {
  /** LOCAL_UNSUPPORTED: the runtime lacks it; LOCAL_APEX_COMPILE: the platform compiler would reject it too */
  code: 'LOCAL_UNSUPPORTED' | 'LOCAL_APEX_COMPILE';
  file: string;
  line: number;
  what: string;
}

const UNSUPPORTED_ANNOTATIONS = new Set([
  'future',
  'readonly',
  'remoteaction',
  'httpget',
  'httppost',
  'httpput',
  'httpdelete',
  'httppatch',
  'restresource',
]);

const KIND_OF_PRIM: Record<string, string> = {
  String: 'String',
  Id: 'Id',
  Integer: 'Integer',
  Long: 'Long',
  Decimal: 'Decimal',
  Double: 'Double',
  Boolean: 'Boolean',
  Date: 'Date',
  Datetime: 'Datetime',
  Time: 'Time',
  Blob: 'Blob',
};

/**
 * Where each problem sits: the innermost statement (or method body) that contains it. The interpreter stops with
 * the problem when it reaches that statement, so a fenced construct is never run, not even partly.
 */
export type FencedStatements = Map<Stmt, FenceProblem>;

/** The code for a name nothing resolves: the platform has it (LOCAL_UNSUPPORTED) or nobody does (LOCAL_APEX_COMPILE). */
export function unresolvedCode(name: string): FenceProblem['code'] {
  return isPlatformName(name) ? 'LOCAL_UNSUPPORTED' : 'LOCAL_APEX_COMPILE';
}

class FenceWalker {
  readonly problems: FenceProblem[] = [];
  private scopes: Map<string, TypeDesc | null>[] = [];
  /** the statement being walked, to which a problem found now is attached */
  private current: Stmt | null = null;

  constructor(
    private readonly binding: Binding,
    private readonly types: TypeResolver,
    private readonly cls: ClassInfo,
    private readonly fenced?: FencedStatements,
  ) {}

  private report(line: number, what: string, code: FenceProblem['code'] = 'LOCAL_UNSUPPORTED'): void {
    const p: FenceProblem = { code, file: this.cls.file ?? this.cls.name, line, what };
    this.problems.push(p);
    if (this.current && this.fenced && !this.fenced.has(this.current)) this.fenced.set(this.current, p);
  }

  /** A name nothing resolves, by the rule of unresolvedCode. */
  private reportUnresolved(line: number, name: string, what: string): void {
    const code = unresolvedCode(name);
    this.report(line, code === 'LOCAL_UNSUPPORTED' ? `${what} (platform API not implemented locally)` : what, code);
  }

  /** A bare name must be a local, a member (own, inherited or an outer class's) or, before a dot, a type or namespace. */
  private checkName(name: string, line: number, beforeDot: boolean): void {
    if (this.lookup(name) !== undefined || this.isMember(name)) return;
    const ln = name.toLowerCase();
    if (
      beforeDot &&
      (this.binding.registry.resolve(name, this.cls) ||
        this.binding.stdlib.type(ln) ||
        this.binding.schema.describe(name) ||
        NAMESPACES.has(ln))
    )
      return;
    this.reportUnresolved(line, name, `Variable does not exist: ${name}`);
  }

  /** An unqualified call must name a method of this class, its superclasses or its outer classes, with that arity. */
  private checkOwnMethod(name: string, arity: number, line: number): void {
    const ln = name.toLowerCase();
    for (let o: ClassInfo | null = this.cls; o; o = o.outer)
      for (let k: ClassInfo | null = o; k; k = k.superclass)
        if (k.methods.get(ln)?.some((m) => m.params.length === arity)) return;
    this.report(
      line,
      `Method does not exist or incorrect signature: ${name}(${arity} argument${arity === 1 ? '' : 's'})`,
      'LOCAL_APEX_COMPILE',
    );
  }

  /** `rec.Field` on a local of a concrete SObject type: the field (or relationship) must exist in the schema. */
  private checkField(obj: Expr, name: string, line: number): void {
    if (obj.k !== 'name') return;
    const t = this.lookup(obj.name);
    if (!t || t.kind !== 'sobject' || t.name === 'SObject') return;
    const d = this.binding.schema.describe(t.name);
    if (!d) return;
    this.checkSObjectField(d, name, line);
  }

  /** A field of a known SObject type: documented but unrepresentable is the fence, unknown a compile error. */
  private checkSObjectField(d: ObjectDescribe, name: string, line: number): void {
    const ln = name.toLowerCase();
    if (d.fields[ln]) return;
    if (Object.values(d.fields).some((f) => f.relationshipName?.toLowerCase() === ln)) return;
    if (d.childRelationships.some((c) => c.relationshipName.toLowerCase() === ln)) return;
    const unsupported = (d as { unsupportedFields?: Record<string, string> }).unsupportedFields?.[ln];
    if (unsupported) return this.report(line, unsupported);
    this.report(line, `Variable does not exist: ${name} (no field ${name} on ${d.name})`, 'LOCAL_APEX_COMPILE');
  }

  type(t: TypeRef, line: number): TypeDesc | null {
    const d = this.types.tryResolve(t, this.cls);
    if (!d) this.reportType(line, this.unresolvedPart(t));
    return d;
  }

  /** An unknown type: `type X` when the platform has it, the compiler's `Invalid type: X` otherwise. */
  private reportType(line: number, name: string): void {
    if (unresolvedCode(name) === 'LOCAL_UNSUPPORTED') this.report(line, `type ${name}`);
    else this.report(line, `Invalid type: ${name}`, 'LOCAL_APEX_COMPILE');
  }

  /** The innermost written type that does not resolve (`Quiddity` in `List<Quiddity>`). */
  private unresolvedPart(t: TypeRef): string {
    for (const a of t.args) if (!this.types.tryResolve(a, this.cls)) return this.unresolvedPart(a);
    return t.name;
  }

  private declare(name: string, t: TypeDesc | null): void {
    this.scopes[this.scopes.length - 1].set(name.toLowerCase(), t);
  }

  private lookup(name: string): TypeDesc | null | undefined {
    const ln = name.toLowerCase();
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i].has(ln)) return this.scopes[i].get(ln);
    return undefined;
  }

  private isMember(name: string): boolean {
    const ln = name.toLowerCase();
    for (let o: ClassInfo | null = this.cls; o; o = o.outer)
      for (let k: ClassInfo | null = o; k; k = k.superclass)
        if (k.instanceFields.has(ln) || k.staticFields.has(ln) || k.instanceProps.has(ln) || k.staticProps.has(ln))
          return true;
    return false;
  }

  classDecl(): void {
    const d = this.cls.decl!;
    for (const a of d.annotations)
      if (UNSUPPORTED_ANNOTATIONS.has(a.name)) this.report(d.line, `annotation @${a.name}`);
    this.scopes = [new Map()];
    for (const f of d.fields) {
      this.type(f.type, f.line);
      if (f.init) this.expr(f.init);
    }
    for (const p of d.props) {
      this.type(p.type, p.line);
      for (const acc of [p.getter, p.setter]) {
        if (acc?.body) {
          this.scopes.push(new Map([['value', null]]));
          this.stmt(acc.body);
          this.scopes.pop();
        }
      }
    }
    for (const m of [...d.methods, ...d.ctors]) {
      this.current = m.body;
      for (const a of m.annotations)
        if (UNSUPPORTED_ANNOTATIONS.has(a.name)) this.report(m.line, `annotation @${a.name}`);
      this.current = null;
      if (m.ret) this.type(m.ret, m.line);
      this.scopes.push(new Map());
      for (const p of m.params) this.declare(p.name, this.type(p.type, m.line));
      if (m.body) this.stmt(m.body);
      this.scopes.pop();
    }
    for (const b of [...d.staticInits, ...d.instanceInits]) this.stmt(b);
  }

  block(body: Stmt[]): void {
    if (!this.scopes.length) this.scopes.push(new Map());
    this.scopes.push(new Map());
    for (const s of body) this.stmt(s);
    this.scopes.pop();
  }

  stmt(s: Stmt | null): void {
    if (!s) return;
    const saved = this.current;
    this.current = s;
    try {
      this.stmtInner(s);
    } finally {
      this.current = saved;
    }
  }

  private stmtInner(s: Stmt): void {
    switch (s.k) {
      case 'block':
        return this.block(s.body);
      case 'var': {
        const t = this.type(s.type, s.line);
        for (const d of s.decls) {
          if (d.init) this.expr(d.init);
          this.declare(d.name, t);
        }
        return;
      }
      case 'expr':
        return this.expr(s.e);
      case 'if':
        this.expr(s.c);
        this.stmt(s.then);
        return this.stmt(s.else);
      case 'while':
      case 'dowhile':
        this.expr(s.c);
        return this.stmt(s.body);
      case 'for':
        this.scopes.push(new Map());
        if (Array.isArray(s.init)) s.init.forEach((e) => this.expr(e));
        else this.stmt(s.init);
        if (s.c) this.expr(s.c);
        s.update.forEach((e) => this.expr(e));
        this.stmt(s.body);
        this.scopes.pop();
        return;
      case 'foreach':
        this.expr(s.iter);
        this.scopes.push(new Map());
        this.declare(s.name, this.type(s.type, s.line));
        this.stmt(s.body);
        this.scopes.pop();
        return;
      case 'return':
        if (s.e) this.expr(s.e);
        return;
      case 'throw':
        return this.expr(s.e);
      case 'try':
        this.stmt(s.body);
        for (const c of s.catches) {
          if (!this.binding.registry.resolve(c.type, this.cls)) this.reportType(c.line, c.type);
          this.scopes.push(new Map([[c.name.toLowerCase(), null]]));
          this.stmt(c.body);
          this.scopes.pop();
        }
        return this.stmt(s.fin);
      case 'switch':
        this.expr(s.e);
        for (const w of s.whens) {
          this.scopes.push(new Map());
          if (w.kind === 'type') this.declare(w.name!, this.type(w.type!, s.line));
          this.stmt(w.body);
          this.scopes.pop();
        }
        return;
      case 'dml':
        if (s.op === 'merge') this.report(s.line, 'merge statement');
        return this.expr(s.e);
      case 'runas':
        s.args.forEach((a) => this.expr(a));
        return this.stmt(s.body);
      case 'unsupported':
        return this.report(s.line, s.what);
      default:
        return;
    }
  }

  /** Static type of an expression when it is obvious (locals, literals, new); null when unknown. */
  private staticType(e: Expr): TypeDesc | null {
    if (e.k === 'name') return this.lookup(e.name) ?? null;
    if (e.k === 'lit') {
      if (e.lit.t === 'string') return { name: 'String', args: [], kind: 'prim' };
      return null;
    }
    if (e.k === 'new') return this.types.tryResolve(e.type, this.cls);
    return null;
  }

  expr(e: Expr): void {
    switch (e.k) {
      case 'call': {
        e.args.forEach((a) => this.expr(a));
        if (!e.obj) return this.checkOwnMethod(e.name, e.args.length, e.line);
        this.checkCall(e.obj, e.name, e.line);
        if (e.obj.k !== 'name') this.expr(e.obj);
        else this.checkName(e.obj.name, e.line, true);
        return;
      }
      case 'name':
        return this.checkName(e.name, e.line, false);
      case 'ctorcall':
        e.args.forEach((a) => this.expr(a));
        return;
      case 'dot':
        if (e.obj.k !== 'name') this.expr(e.obj);
        else {
          this.checkName(e.obj.name, e.line, true);
          this.checkField(e.obj, e.name, e.line);
        }
        return;
      case 'index':
        this.expr(e.obj);
        return this.expr(e.idx);
      case 'new':
        this.type(e.type, e.line);
        e.args.forEach((a) => this.expr(a));
        e.fieldInits?.forEach((f) => this.expr(f.value));
        if (e.fieldInits) {
          const t = this.types.tryResolve(e.type, this.cls);
          const d = t?.kind === 'sobject' && t.name !== 'SObject' ? this.binding.schema.describe(t.name) : undefined;
          if (d) for (const f of e.fieldInits) this.checkSObjectField(d, f.name, e.line);
        }
        e.listInit?.forEach((x) => this.expr(x));
        e.mapInit?.forEach(([k, v]) => {
          this.expr(k);
          this.expr(v);
        });
        if (e.arraySize) this.expr(e.arraySize);
        if (!e.listInit && !e.mapInit && !e.fieldInits) {
          const t = this.types.tryResolve(e.type, this.cls);
          if (t?.kind === 'native' && !this.binding.stdlib.type(t.name.toLowerCase())?.construct)
            this.report(e.line, `new ${t.name}()`);
        }
        return;
      case 'cast':
      case 'instanceof':
        this.type(e.type, e.line);
        return this.expr(e.e);
      case 'typelit':
        this.type(e.type, e.line);
        return;
      case 'unary':
        return this.expr(e.e);
      case 'incdec':
        return this.expr(e.target);
      case 'bin':
        this.expr(e.l);
        return this.expr(e.r);
      case 'cond':
        this.expr(e.c);
        this.expr(e.a);
        return this.expr(e.b);
      case 'assign':
        this.expr(e.target);
        return this.expr(e.value);
      case 'soql':
        e.binds.forEach((b) => this.expr(b));
        // deleted rows are not kept queryable (DIVERGENCES.md)
        if (/\bALL\s+ROWS\s*$/i.test(e.soql.trim())) this.report(e.line, 'SOQL ALL ROWS');
        return;
      case 'unsupported':
        return this.report(e.line, e.what);
      default:
        return;
    }
  }

  /** `X.m()` on a standard-library type, or `v.m()` on a local of a known built-in type: the method must exist. */
  private checkCall(obj: Expr, name: string, line: number): void {
    const ln = name.toLowerCase();
    const lib = this.binding.stdlib;
    if (obj.k === 'name' && this.lookup(obj.name) === undefined && !this.isMember(obj.name)) {
      if (this.binding.registry.resolve(obj.name, this.cls)) return;
      const nt = lib.type(obj.name.toLowerCase());
      if (nt) {
        if (!nt.statics?.[ln]) this.report(line, `${nt.name}.${name}()`);
        return;
      }
      // `Site.getBaseUrl()`: a platform class that is also an SObject type; SObject types only have token members
      if (isPlatformName(obj.name) && !['getsobjecttype', 'sobjecttype'].includes(ln))
        this.report(line, `${obj.name}.${name}() (platform API not implemented locally)`);
      return;
    }
    if (
      obj.k === 'dot' &&
      obj.obj.k === 'name' &&
      this.lookup(obj.obj.name) === undefined &&
      !this.isMember(obj.obj.name)
    ) {
      const ns = obj.obj.name.toLowerCase();
      if (
        PLATFORM_NAMESPACES.has(ns) &&
        !this.binding.registry.resolve(obj.obj.name, this.cls) &&
        !this.binding.registry.resolve(`${obj.obj.name}.${obj.name}`, this.cls)
      ) {
        const nt =
          lib.type(`${ns}.${obj.name.toLowerCase()}`) ??
          (ns === 'system' ? lib.type(obj.name.toLowerCase()) : undefined);
        if (nt && !nt.statics?.[ln]) this.report(line, `${nt.name}.${name}()`);
        if (!nt && !(ns === 'schema' && this.binding.schema.describe(obj.name)))
          this.report(line, `${obj.obj.name}.${obj.name}.${name}() (platform API not implemented locally)`);
        return;
      }
    }
    const t = this.staticType(obj);
    if (!t) return;
    let kind: string | null = null;
    if (t.kind === 'prim') kind = KIND_OF_PRIM[t.name];
    else if (t.kind === 'list') kind = 'List';
    else if (t.kind === 'set') kind = 'Set';
    else if (t.kind === 'map') kind = 'Map';
    else if (t.kind === 'sobject') kind = 'SObject';
    if (kind) {
      const has =
        lib.valueMethods[kind]?.[ln] ??
        lib.valueMethods.Object?.[ln] ??
        (kind === 'Id' ? lib.valueMethods.String?.[ln] : undefined);
      if (!has) this.report(line, `method ${kind}.${name}()`);
      return;
    }
    if (t.kind === 'native') {
      const nt = lib.type(t.name.toLowerCase());
      if (nt && !nt.abstract && !nt.methods?.[ln] && !lib.valueMethods[nt.name]?.[ln] && !lib.valueMethods.Object?.[ln])
        this.report(line, `method ${nt.name}.${name}()`);
    }
  }
}

/** Fence an anonymous block's top-level statements (its own declarations are checked as classes). */
export function checkFenceStatements(
  binding: Binding,
  cls: ClassInfo,
  body: Stmt[],
  fenced?: FencedStatements,
): FenceProblem[] {
  const w = new FenceWalker(binding, new TypeResolver(binding), cls, fenced);
  w.block(body);
  return w.problems;
}

/** Fence the declarations of these classes: everything they contain, before anything runs. */
export function checkFence(binding: Binding, classes: ClassInfo[], fenced?: FencedStatements): FenceProblem[] {
  const types = new TypeResolver(binding);
  const out: FenceProblem[] = [];
  for (const c of classes) {
    if (!c.decl) continue;
    const w = new FenceWalker(binding, types, c, fenced);
    w.classDecl();
    out.push(...w.problems);
  }
  return out;
}
