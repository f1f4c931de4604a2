/**
 * The tree-walking interpreter over the lowered AST (../ast.ts).
 * It talks to the platform only through `OrgApi` (records, SOQL, DML, callouts, limits) and to the host
 * (test runner, async runner, debug log) only through `RuntimeHooks`.
 */
import type { CatchClause, Expr, MethodDecl, Stmt, TypeRef } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import { isSubclassOf } from '../binder/classInfo.ts';
import { NAMESPACES, type Registry } from '../binder/registry.ts';
import type { Stdlib } from '../stdlib/registry.ts';
import type { NativeType } from '../stdlib/types.ts';
import {
  DateV,
  DatetimeV,
  DecimalV,
  DoubleV,
  EnumV,
  IntV,
  ListV,
  LongV,
  MapV,
  NativeV,
  ObjectV,
  SetV,
  SObjectV,
  T,
  TimeV,
  TypeV,
  BlobV,
  dbl,
  dec,
  int,
  isNumber,
  long,
  typeNameOf,
  type TypeDesc,
  type Value,
} from '../values.ts';
import { OrgError, type OrgApi, type PlainRecord } from '../../org/api.ts';
import { ApexCompileError, ApexThrow, LocalUnsupported } from './errors.ts';
import { exceptionTypeName, formatValue } from './format.ts';
import { arith, bitwise, compare, looseEquals } from './operators.ts';
import { estimateHeap } from './heap.ts';
import { SObjects, to18 } from './sobjects.ts';
import { TypeSystem } from './types.ts';
import { ClassRuntime } from './classes.ts';

export interface RuntimeHooks {
  isTest(): boolean;
  debug(level: string, message: string, line: number): void;
  startTest(): void;
  stopTest(): void;
  attachFinalizer(finalizer: ObjectV): void;
  /** the AsyncApexJob id of the job this transaction runs for, or null */
  currentJobId(): string | null;
  /** true while running a Queueable started by Test.stopTest (chaining then fails as on the platform) */
  inTestAsync(): boolean;
  /** Read records without charging the transaction's SOQL limits (UserInfo, time zone lookups are free on the platform). */
  hostQuery?(soql: string): PlainRecord[];
  /** Why a callout is not allowed in the current async context (a Queueable without Database.AllowsCallouts, scheduled Apex), or null. */
  calloutRefusal?(): string | null;
  /** FeatureManagement.checkPermission: does the running user hold this custom permission? */
  hasCustomPermission?(name: string): boolean;
}

export interface Var {
  v: Value;
  t: TypeDesc;
}

export class Scope {
  readonly vars = new Map<string, Var>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): Var | undefined {
    const own = this.vars.get(name);
    if (own) return own;
    for (let s = this.parent; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }
}

export interface Frame {
  cls: ClassInfo;
  self: ObjectV | null;
  scope: Scope;
  method: string;
  line: number;
  file: string;
}

/** A reference to a type or namespace appearing on the left of a dot (`Database.insert`, `Outer.Inner.X`). */
type StaticRef =
  | { ref: 'class'; cls: ClassInfo }
  | { ref: 'native'; type: NativeType }
  | { ref: 'sobject'; name: string }
  | { ref: 'ns'; name: string };

const BREAK = { sig: 'break' } as const;
const CONTINUE = { sig: 'continue' } as const;
type Signal = typeof BREAK | typeof CONTINUE | { sig: 'return'; v: Value } | undefined;

/** Parameter types of the built-in interfaces' methods (Apex Reference Guide). */
const BUILTIN_METHOD_PARAMS: Record<string, string> = {
  'queueable.execute': 'QueueableContext',
  'finalizer.execute': 'FinalizerContext',
  'schedulable.execute': 'SchedulableContext',
};

const blockVars = new WeakMap<object, boolean>();
/** Does this block declare local variables directly (and so need its own scope)? Cached per node. */
function declaresVars(b: Extract<Stmt, { k: 'block' }>): boolean {
  let v = blockVars.get(b);
  if (v === undefined) blockVars.set(b, (v = b.body.some((x) => x.k === 'var')));
  return v;
}

/** Static refs are plain object literals; every Apex value is a primitive or a class instance. */
function isStaticRef(v: unknown): v is StaticRef {
  return typeof v === 'object' && v !== null && v.constructor === Object;
}

/** statements between two heap samples, at least */
const MIN_HEAP_SAMPLE_STATEMENTS = 1000;
/** statements per object walked between two heap samples while the heap is below half its limit */
const HEAP_SAMPLE_SPACING = 8;
/** bytes of large native allocations (JSON, query rows) after which the heap is sampled at the next statement */
const LARGE_ALLOCATION_BYTES = 256 * 1024;

export class Interpreter {
  readonly sobjects: SObjects;
  readonly types: TypeSystem;
  readonly classes: ClassRuntime;
  readonly stack: Frame[] = [];
  /** file -> executed statement lines (line coverage) */
  coverage: Map<string, Set<number>> | null = null;
  private statementsSinceCharge = 0;
  statementsExecuted = 0;
  /** the largest heap estimate seen in the current transaction */
  heapPeak = 0;
  private nextHeapCheck = MIN_HEAP_SAMPLE_STATEMENTS;
  private allocatedSinceHeapSample = 0;
  /** Test.setMock(HttpCalloutMock.class, mock) */
  httpMock: ObjectV | null = null;

  constructor(
    readonly registry: Registry,
    readonly stdlib: Stdlib,
    public org: OrgApi,
    public hooks: RuntimeHooks,
  ) {
    this.sobjects = new SObjects(this);
    this.types = new TypeSystem(this);
    this.classes = new ClassRuntime(this);
  }

  private tzCache = new Map<string, string>();

  /** The running user's time zone (User.TimeZoneSidKey), cached per user for the transaction. */
  userTimeZone(): string {
    const uid = this.org.runningUserId();
    let tz = this.tzCache.get(uid);
    if (!tz) {
      let key: unknown = null;
      if (this.hooks.hostQuery && /^[a-zA-Z0-9]{15,18}$/.test(uid))
        key = this.hooks.hostQuery(`SELECT TimeZoneSidKey FROM User WHERE Id = '${uid}'`)[0]?.TimeZoneSidKey;
      tz = typeof key === 'string' && key ? key : 'GMT';
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
      } catch {
        tz = 'GMT';
      }
      this.tzCache.set(uid, tz);
    }
    return tz;
  }

  /** Static state lives for one transaction (Apex Developer Guide, "Static and Instance Methods, Variables, and Initialization Code"). */
  resetTransactionState(): void {
    this.classes.resetStatics();
    this.httpMock = null;
    this.tzCache = new Map();
    this.heapPeak = 0;
    this.nextHeapCheck = this.statementsExecuted + MIN_HEAP_SAMPLE_STATEMENTS;
  }

  /** Measure the heap (values reachable from the stack and statics), tell the org (which enforces the limit), return it. */
  measureHeap(): number {
    const roots: Value[] = [];
    for (const f of this.stack) {
      if (f.self) roots.push(f.self);
      for (let sc: Scope | null = f.scope; sc; sc = sc.parent) for (const v of sc.vars.values()) roots.push(v.v);
    }
    for (const v of this.classes.staticValues()) roots.push(v);
    if (this.httpMock) roots.push(this.httpMock);
    const { bytes, visited } = estimateHeap(roots);
    this.allocatedSinceHeapSample = 0;
    if (bytes > this.heapPeak) this.heapPeak = bytes;
    try {
      this.org.reportHeap(bytes);
    } catch (e) {
      this.fromOrgError(e);
    }
    this.nextHeapCheck = this.statementsExecuted + this.statementsUntilNextHeapSample(bytes, visited);
    return bytes;
  }

  /**
   * A native operation just created about `bytes` of Apex values (a parsed JSON body, serialized text, query rows):
   * once such allocations add up to LARGE_ALLOCATION_BYTES since the last sample, sample at the next statement, so
   * a sudden growth is seen without sampling often.
   */
  noteAllocation(bytes: number): void {
    this.allocatedSinceHeapSample += bytes;
    if (this.allocatedSinceHeapSample >= LARGE_ALLOCATION_BYTES) this.nextHeapCheck = this.statementsExecuted;
  }

  /**
   * Sampling spacing: at least as many statements as objects walked (amortised constant cost per statement), and
   * HEAP_SAMPLE_SPACING times that while the heap is below half its limit, so large working sets far from the limit
   * are not re-walked constantly; close to the limit every sample counts.
   */
  private statementsUntilNextHeapSample(bytes: number, visited: number): number {
    const limit = this.org.limits().find((l) => l.name === 'HeapSize')?.max ?? 0;
    const relaxed = limit > 0 && bytes < limit / 2;
    return Math.max(MIN_HEAP_SAMPLE_STATEMENTS, visited * (relaxed ? HEAP_SAMPLE_SPACING : 1));
  }

  // ------------------------------------------------------------------ errors
  get currentLine(): number {
    return this.stack.length ? this.stack[this.stack.length - 1].line : 0;
  }
  get currentFile(): string {
    return this.stack.length ? this.stack[this.stack.length - 1].file : '<runtime>';
  }

  /** Throw an Apex exception of a built-in type. */
  fail = (apexType: string, message: string): never => {
    throw new ApexThrow(this.newException(apexType, message));
  };

  unsupported(what: string, line?: number): never {
    throw new LocalUnsupported(this.currentFile, line ?? this.currentLine, what);
  }

  compileError(detail: string, line?: number): never {
    throw new ApexCompileError(this.currentFile, line ?? this.currentLine, detail);
  }

  newException(apexType: string, message: string | null, cause: ObjectV | null = null): ObjectV {
    const cls = this.registry.resolve(apexType, null);
    if (!cls || !cls.isException) this.unsupported(`exception type ${apexType}`);
    const ex = new ObjectV(cls);
    ex.fields.set('$message', message);
    ex.fields.set('$cause', cause);
    this.stampException(ex);
    return ex;
  }

  stampException(ex: ObjectV): void {
    ex.fields.set('$line', int(this.currentLine));
    ex.fields.set('$stack', this.stackTrace());
  }

  stackTrace(): string {
    const lines: string[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      if (f.cls.name === '__Anonymous') lines.push(`AnonymousBlock: line ${f.line}, column 1`);
      else lines.push(`Class.${f.cls.name}.${f.method}: line ${f.line}, column 1`);
    }
    return lines.join('\n');
  }

  /** Convert an OrgError from the org into the Apex exception it stands for. */
  fromOrgError(e: unknown): never {
    if (e instanceof OrgError) {
      const ex = this.newException(e.apexType, e.message);
      if (e.statusCode)
        ex.fields.set(
          '$dml',
          new NativeV('$dmlrows', [{ index: 0, statusCode: e.statusCode, message: e.message, fields: [], id: null }]),
        );
      throw new ApexThrow(ex);
    }
    throw e;
  }

  // ------------------------------------------------------------------ types (see types.ts)
  resolveType(t: TypeRef, from: ClassInfo | null): TypeDesc {
    return this.types.resolveType(t, from);
  }
  tryResolveType(t: TypeRef, from: ClassInfo | null): TypeDesc | null {
    return this.types.tryResolveType(t, from);
  }
  coerce(v: Value, t: TypeDesc): Value {
    return this.types.coerce(v, t);
  }
  isInstance(v: Value, t: TypeDesc): boolean {
    return this.types.isInstance(v, t);
  }
  typeOfValue(v: Value): TypeDesc {
    return this.types.typeOfValue(v);
  }
  typeName(t: TypeDesc): string {
    return this.types.typeName(t);
  }
  typeAssignable(from: TypeDesc, to: TypeDesc): boolean {
    return this.types.typeAssignable(from, to);
  }
  cast(v: Value, t: TypeDesc): Value {
    return this.types.cast(v, t);
  }

  // ------------------------------------------------------------------ classes (see classes.ts)
  enumValues(cls: ClassInfo): EnumV[] {
    return this.classes.enumValues(cls);
  }
  instantiate(cls: ClassInfo, args: Value[], line: number, hints?: (TypeDesc | null)[]): ObjectV {
    return this.classes.instantiate(cls, args, line, hints);
  }
  instantiateForJson(cls: ClassInfo): ObjectV {
    return this.classes.instantiateForJson(cls);
  }
  jsonMember(cls: ClassInfo, key: string): { name: string; type: TypeDesc } | null {
    return this.classes.jsonMember(cls, key);
  }
  findMethod(
    cls: ClassInfo,
    lname: string,
    args: Value[],
    wantStatic: boolean | null,
    hints?: (TypeDesc | null)[],
  ): { m: MethodDecl; owner: ClassInfo } | null {
    return this.classes.findMethod(cls, lname, args, wantStatic, hints);
  }
  invoke(owner: ClassInfo, m: MethodDecl, self: ObjectV | null, args: Value[]): Value {
    return this.classes.invoke(owner, m, self, args);
  }

  pushFrame(cls: ClassInfo, self: ObjectV | null, method: string, line: number): Frame {
    if (this.stack.length >= 1000) this.fail('System.LimitException', 'Maximum stack depth reached: 1001');
    const f: Frame = { cls, self, scope: new Scope(null), method, line, file: cls.file ?? cls.name };
    this.stack.push(f);
    return f;
  }

  private staticallyString(e: Expr, frame: Frame): boolean {
    const t = this.argHints([e], frame)[0];
    return !!t && t.kind === 'prim' && (t.name === 'String' || t.name === 'Id');
  }

  /** Static types of argument expressions where they are evident (casts, typed locals, `new`, literals). */
  argHints(args: Expr[], frame: Frame): (TypeDesc | null)[] {
    return args.map((a) => {
      if (a.k === 'cast') return this.resolveType(a.type, frame.cls);
      if (a.k === 'name') return frame.scope.lookup(a.name.toLowerCase())?.t ?? null;
      if (a.k === 'new') return this.tryResolveType(a.type, frame.cls);
      return null;
    });
  }

  /**
   * The parameter types of the method as declared on the receiver's static type (an interface or base class),
   * so `Queueable job; job.execute(null)` binds to Queueable.execute(QueueableContext) like the compiler does.
   */
  private receiverHints(obj: Expr, ln: string, arity: number, frame: Frame): (TypeDesc | null)[] | undefined {
    if (obj.k !== 'name' && obj.k !== 'cast') return undefined;
    const t = obj.k === 'cast' ? this.resolveType(obj.type, frame.cls) : frame.scope.lookup(obj.name.toLowerCase())?.t;
    if (!t) return undefined;
    if (t.kind === 'native') {
      const ctx = BUILTIN_METHOD_PARAMS[`${t.name.toLowerCase()}.${ln}`];
      return ctx && arity === 1 ? [{ name: ctx, args: [], kind: 'native' }] : undefined;
    }
    if (!t.cls) return undefined;
    const ms = t.cls.methods.get(ln)?.filter((m) => m.params.length === arity);
    if (ms?.length !== 1) return undefined;
    return ms[0].params.map((p) => this.tryResolveType(p.type, t.cls!));
  }

  /** Call an instance method on a user object by name (used by the stdlib for mocks, Comparable, Queueable…). */
  callMethod(obj: ObjectV, name: string, args: Value[]): Value {
    const found = this.classes.findMethod(obj.cls, name.toLowerCase(), args, false);
    if (!found) this.unsupported(`method ${obj.cls.name}.${name}`);
    return this.classes.invoke(found.owner, found.m, obj, args);
  }

  callStatic(cls: ClassInfo, name: string, args: Value[]): Value {
    const found = this.classes.findMethod(cls, name.toLowerCase(), args, true);
    if (!found) this.compileError(`Method does not exist: ${cls.name}.${name}`);
    return this.classes.invoke(found.owner, found.m, null, args);
  }

  // ------------------------------------------------------------------ statements
  private hit(frame: Frame, line: number): void {
    frame.line = line;
    this.statementsExecuted++;
    if (++this.statementsSinceCharge >= 200) {
      this.statementsSinceCharge = 0;
      try {
        this.org.chargeCpu(200);
      } catch (e) {
        this.fromOrgError(e);
      }
    }
    // sample the heap while running so the heap limit and the peak usage are seen
    if (this.statementsExecuted >= this.nextHeapCheck) this.measureHeap();
    if (this.coverage) {
      let s = this.coverage.get(frame.file);
      if (!s) this.coverage.set(frame.file, (s = new Set()));
      s.add(line);
    }
  }

  exec(s: Stmt, frame: Frame): Signal {
    if (s.k !== 'block') this.hit(frame, s.line);
    switch (s.k) {
      case 'block': {
        if (!declaresVars(s)) {
          for (const st of s.body) {
            const sig = this.exec(st, frame);
            if (sig) return sig;
          }
          return undefined;
        }
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          for (const st of s.body) {
            const sig = this.exec(st, frame);
            if (sig) return sig;
          }
        } finally {
          frame.scope = saved;
        }
        return undefined;
      }
      case 'expr':
        this.eval(s.e, frame);
        return undefined;
      case 'var': {
        const t = this.resolveType(s.type, frame.cls);
        for (const d of s.decls) {
          const ln = d.name.toLowerCase();
          if (frame.scope.vars.has(ln)) this.compileError(`Duplicate variable: ${d.name}`, s.line);
          frame.scope.vars.set(ln, { v: d.init ? this.coerce(this.eval(d.init, frame), t) : null, t });
        }
        return undefined;
      }
      case 'if':
        if (this.cond(s.c, frame)) return this.execScoped(s.then, frame);
        return s.else ? this.execScoped(s.else, frame) : undefined;
      case 'while':
        while (this.cond(s.c, frame)) {
          const sig = s.body ? this.execScoped(s.body, frame) : undefined;
          if (sig === BREAK) break;
          if (sig && sig !== CONTINUE) return sig;
        }
        return undefined;
      case 'dowhile':
        do {
          const sig = this.execScoped(s.body, frame);
          if (sig === BREAK) break;
          if (sig && sig !== CONTINUE) return sig;
        } while (this.cond(s.c, frame));
        return undefined;
      case 'for':
        return this.execFor(s, frame);
      case 'foreach':
        return this.execForEach(s, frame);
      case 'return':
        return { sig: 'return', v: s.e ? this.eval(s.e, frame) : null };
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'throw': {
        const ex = this.eval(s.e, frame);
        if (ex === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(ex instanceof ObjectV) || !ex.cls.isException)
          this.compileError('Throw expression must be of type Exception', s.line);
        if (!ex.fields.get('$thrown')) {
          ex.fields.set('$thrown', true);
          this.stampException(ex);
        }
        throw new ApexThrow(ex);
      }
      case 'try':
        return this.execTry(s, frame);
      case 'switch':
        return this.execSwitch(s, frame);
      case 'dml':
        this.sobjects.dmlStatement(s.op, this.eval(s.e, frame), s.ext, s.line);
        return undefined;
      case 'runas': {
        const args = s.args.map((a) => this.eval(a, frame));
        const u = args[0];
        const userId =
          u instanceof SObjectV ? (this.sobjects.get(u, 'Id') as string) : typeof u === 'string' ? u : null;
        if (!userId) this.fail('System.NullPointerException', 'Argument cannot be null.');
        let sig: Signal;
        this.org.runAs(userId as string, () => {
          sig = this.execScoped(s.body, frame);
        });
        return sig;
      }
      case 'unsupported':
        return this.unsupported(s.what, s.line);
    }
  }

  private execScoped(s: Stmt, frame: Frame): Signal {
    if (s.k === 'block' || s.k !== 'var') return this.exec(s, frame);
    const saved = frame.scope;
    frame.scope = new Scope(saved);
    try {
      return this.exec(s, frame);
    } finally {
      frame.scope = saved;
    }
  }

  private execFor(s: Extract<Stmt, { k: 'for' }>, frame: Frame): Signal {
    const saved = frame.scope;
    frame.scope = new Scope(saved);
    try {
      if (s.init) {
        if (Array.isArray(s.init)) for (const e of s.init) this.eval(e, frame);
        else this.exec(s.init, frame);
      }
      while (s.c === null || this.cond(s.c, frame)) {
        const sig = s.body ? this.execScoped(s.body, frame) : undefined;
        if (sig === BREAK) break;
        if (sig && sig !== CONTINUE) return sig;
        for (const u of s.update) this.eval(u, frame);
      }
      return undefined;
    } finally {
      frame.scope = saved;
    }
  }

  private execForEach(s: Extract<Stmt, { k: 'foreach' }>, frame: Frame): Signal {
    const t = this.resolveType(s.type, frame.cls);
    const coll = this.eval(s.iter, frame);
    if (coll === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    let items: Value[];
    if (coll instanceof ListV) {
      if (coll.soql && t.kind === 'list') {
        // SOQL for loop over lists: batches of 200 (Apex Developer Guide, "SOQL For Loops")
        items = [];
        for (let i = 0; i < coll.items.length; i += 200) items.push(new ListV(coll.elem, coll.items.slice(i, i + 200)));
      } else items = coll.items.slice();
    } else if (coll instanceof SetV) items = coll.values();
    else if (coll instanceof NativeV && typeof coll.data?.iterate === 'function') items = coll.data.iterate();
    else if (coll instanceof ObjectV)
      return this.unsupported(`for loop over a custom Iterable (${coll.cls.name})`, s.line);
    else return this.compileError('Loop must iterate over collection', s.line);
    const saved = frame.scope;
    const ln = s.name.toLowerCase();
    try {
      for (const it of items) {
        frame.scope = new Scope(saved);
        frame.scope.vars.set(ln, { v: this.coerce(it, t), t });
        const sig = s.body ? this.exec(s.body, frame) : undefined;
        if (sig === BREAK) break;
        if (sig && sig !== CONTINUE) return sig;
      }
    } finally {
      frame.scope = saved;
    }
    return undefined;
  }

  private execTry(s: Extract<Stmt, { k: 'try' }>, frame: Frame): Signal {
    const depth = this.stack.length;
    let result: Signal;
    try {
      result = this.execScoped(s.body, frame);
    } catch (e) {
      this.stack.length = depth;
      const handler = e instanceof ApexThrow ? this.findCatch(s.catches, e.ex, frame) : null;
      if (!handler) {
        if (s.fin) {
          const fsig = this.execScoped(s.fin, frame);
          if (fsig) return fsig;
        }
        throw e;
      }
      const saved = frame.scope;
      frame.scope = new Scope(saved);
      try {
        frame.scope.vars.set(handler.name.toLowerCase(), {
          v: (e as ApexThrow).ex,
          t: { name: handler.type, args: [], kind: 'exception' },
        });
        result = this.exec(handler.body, frame);
      } catch (inner) {
        frame.scope = saved;
        if (s.fin) {
          const fsig = this.execScoped(s.fin, frame);
          if (fsig) return fsig;
        }
        throw inner;
      } finally {
        frame.scope = saved;
      }
    }
    if (s.fin) {
      const fsig = this.execScoped(s.fin, frame);
      if (fsig) return fsig;
    }
    return result;
  }

  /**
   * `System.LimitException` cannot be caught (Apex Developer Guide, "Exception Statements"), nor can an assertion
   * failure (Apex Reference Guide, Assert Class: "You can't catch an assertion failure using a try/catch block").
   */
  private findCatch(catches: CatchClause[], ex: ObjectV, frame: Frame): CatchClause | null {
    if (ex.cls.name === 'System.LimitException' || ex.cls.name === 'System.AssertException') return null;
    for (const c of catches) {
      const cls = this.registry.resolve(c.type, frame.cls);
      if (!cls) this.unsupported(`exception type ${c.type}`, c.line);
      if (isSubclassOf(ex.cls, cls)) return c;
    }
    return null;
  }

  private execSwitch(s: Extract<Stmt, { k: 'switch' }>, frame: Frame): Signal {
    const v = this.eval(s.e, frame);
    for (const w of s.whens) {
      let match = false;
      let bind: { name: string; t: TypeDesc } | null = null;
      if (w.kind === 'else') match = true;
      else if (w.kind === 'type') {
        const t = this.resolveType(w.type!, frame.cls);
        if (this.isInstance(v, t)) {
          match = true;
          bind = { name: w.name!, t };
        }
      } else {
        for (const lit of w.values) {
          let c: Value;
          if (v instanceof EnumV && lit.k === 'name') {
            c = lit.name.toLowerCase() === v.name.toLowerCase() ? v : null;
            if (c === null) continue;
          } else c = this.eval(lit, frame);
          // switch on String is case-sensitive, unlike == (Apex Developer Guide, "Switch Statements")
          if (v === null ? c === null : typeof v === 'string' ? v === c : looseEquals(v, c)) {
            match = true;
            break;
          }
        }
      }
      if (match) {
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          if (bind) frame.scope.vars.set(bind.name.toLowerCase(), { v, t: bind.t });
          return this.exec(w.body, frame);
        } finally {
          frame.scope = saved;
        }
      }
    }
    return undefined;
  }

  /** A Boolean condition; null is a NullPointerException. */
  cond(e: Expr, frame: Frame): boolean {
    const v = this.eval(e, frame);
    if (v === true) return true;
    if (v === false) return false;
    if (v === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    return this.compileError('Condition must be Boolean', e.line);
  }

  // ------------------------------------------------------------------ expressions
  eval(e: Expr, frame: Frame): Value {
    const v = this.evalTarget(e, frame);
    if (isStaticRef(v)) return this.compileError(`Variable does not exist: ${this.exprText(e)}`, e.line);
    return v;
  }

  private exprText(e: Expr): string {
    if (e.k === 'name') return e.name;
    if (e.k === 'dot') return `${this.exprText(e.obj)}.${e.name}`;
    return e.k;
  }

  private evalTarget(e: Expr, frame: Frame): Value | StaticRef {
    switch (e.k) {
      case 'lit':
        return this.literal(e.lit);
      case 'name':
        return this.evalName(e.name, frame, e.line);
      case 'this':
        if (!frame.self)
          this.compileError('Non static method/variable cannot be referenced from a static context: this', e.line);
        return frame.self;
      case 'dot':
        return this.evalDot(e, frame);
      case 'call':
        frame.line = e.line;
        return this.evalCall(e, frame);
      case 'index': {
        const o = this.eval(e.obj, frame);
        const i = this.eval(e.idx, frame);
        if (o === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (o instanceof ListV) return this.listIndex(o, i);
        return this.compileError('Expression must be a list type', e.line);
      }
      case 'new':
        frame.line = e.line;
        return this.evalNew(e, frame);
      case 'cast': {
        const t = this.resolveType(e.type, frame.cls);
        const v = this.eval(e.e, frame);
        return this.cast(v, t);
      }
      case 'instanceof': {
        const v = this.eval(e.e, frame);
        return this.isInstance(v, this.resolveType(e.type, frame.cls));
      }
      case 'unary': {
        const v = this.eval(e.e, frame);
        if (v === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (e.op === '!') return !v;
        if (e.op === '+') return v;
        if (e.op === '~') return bitwise('^', v, v instanceof LongV ? long(-1n) : int(-1), this.fail);
        if (v instanceof IntV) return int(-v.v);
        if (v instanceof LongV) return long(-v.v);
        if (v instanceof DecimalV) return dec(v.v.negated());
        if (v instanceof DoubleV) return dbl(-v.v);
        return this.compileError('Unary minus needs a number', e.line);
      }
      case 'incdec': {
        const old = this.eval(e.target, frame);
        const nv = arith(e.op === '++' ? '+' : '-', old, int(1), this.fail);
        this.assign(e.target, nv, frame);
        return e.prefix ? nv : old;
      }
      case 'bin':
        return this.evalBinary(e, frame);
      case 'cond':
        return this.cond(e.c, frame) ? this.eval(e.a, frame) : this.eval(e.b, frame);
      case 'assign': {
        let v = this.eval(e.value, frame);
        if (e.op !== '=') {
          const op = e.op.slice(0, -1);
          const cur = this.eval(e.target, frame);
          v = ['+', '-', '*', '/'].includes(op) ? arith(op, cur, v, this.fail) : bitwise(op, cur, v, this.fail);
        }
        return this.assign(e.target, v, frame);
      }
      case 'soql':
        frame.line = e.line;
        return this.sobjects.inlineQuery(e, (b) => this.eval(b, frame));
      case 'typelit':
        return new TypeV(this.resolveType(e.type, frame.cls));
      case 'super':
        return this.compileError('super must be followed by a method call', e.line);
      case 'ctorcall':
        return this.compileError('Constructor calls must be the first statement of a constructor', e.line);
      case 'unsupported':
        return this.unsupported(e.what, e.line);
    }
  }

  private literal(l: Extract<Expr, { k: 'lit' }>['lit']): Value {
    switch (l.t) {
      case 'null':
        return null;
      case 'bool':
        return l.v;
      case 'int':
        return int(l.v);
      case 'long':
        return long(BigInt(l.v));
      case 'decimal':
        return dec(l.v);
      case 'double':
        return dbl(l.v);
      case 'string':
        return l.v;
    }
  }

  listIndex(o: ListV, i: Value): Value {
    if (!(i instanceof IntV)) return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    if (i.v < 0 || i.v >= o.items.length) this.fail('System.ListException', `List index out of bounds: ${i.v}`);
    return o.items[i.v];
  }

  private evalBinary(e: Extract<Expr, { k: 'bin' }>, frame: Frame): Value {
    const op = e.op;
    if (op === '&&' || op === '||') {
      const l = this.eval(e.l, frame);
      if (l === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
      if (op === '&&' ? !l : l) return l;
      const r = this.eval(e.r, frame);
      if (r === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
      return r;
    }
    if (op === '??') {
      const l = this.eval(e.l, frame);
      return l !== null ? l : this.eval(e.r, frame);
    }
    const l = this.eval(e.l, frame);
    const r = this.eval(e.r, frame);
    switch (op) {
      case '+':
        // a null String operand still concatenates: the static type decides (`String s; s + 1` is 'null1')
        if (
          (l === null && r !== null && typeof r !== 'string' && this.staticallyString(e.l, frame)) ||
          (r === null && l !== null && typeof l !== 'string' && this.staticallyString(e.r, frame))
        )
          return formatValue(l) + formatValue(r);
        if (l === null && r === null && (this.staticallyString(e.l, frame) || this.staticallyString(e.r, frame)))
          return 'nullnull';
        return arith(op, l, r, this.fail);
      case '-':
      case '*':
      case '/':
        return arith(op, l, r, this.fail);
      case '==':
        return this.equals(l, r);
      case '!=':
      case '<>':
        return !this.equals(l, r);
      case '===':
        return this.identical(l, r);
      case '!==':
        return !this.identical(l, r);
      case '<':
      case '>':
      case '<=':
      case '>=':
        return compare(op, l, r, this.fail);
      default:
        return bitwise(op, l, r, this.fail);
    }
  }

  equals(a: Value, b: Value): boolean {
    // an Id compared with its other-length form (15 vs 18 characters) is the same Id
    if (
      typeof a === 'string' &&
      typeof b === 'string' &&
      a.length !== b.length &&
      a.length + b.length === 33 &&
      this.sobjects.isId(a) &&
      this.sobjects.isId(b)
    )
      return to18(a) === to18(b);
    return looseEquals(a, b, (x, y) => {
      const m = this.classes.findMethod(x.cls, 'equals', [y], false);
      if (m) return this.classes.invoke(m.owner, m.m, x, [y]) === true;
      return x === y;
    });
  }

  private identical(a: Value, b: Value): boolean {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string' || typeof a === 'boolean' || isNumber(a) || a instanceof DateV || a instanceof DatetimeV)
      return looseEquals(a, b);
    return a === b;
  }

  // ---- names, fields, properties
  private evalName(name: string, frame: Frame, line: number): Value | StaticRef {
    const ln = name.toLowerCase();
    const local = frame.scope.lookup(ln);
    if (local) return local.v;
    if (frame.self) {
      const mem = this.classes.members(frame.self.cls).get(ln);
      if (mem) return this.classes.getMember(frame.self, ln, mem);
    }
    const st = this.classes.findStatic(frame.cls, ln);
    if (st) return this.classes.getStatic(st.cls, ln, st.prop);
    return this.resolveStaticRef(name, frame.cls, line);
  }

  private resolveStaticRef(name: string, from: ClassInfo | null, line: number): StaticRef {
    const ln = name.toLowerCase();
    const cls = this.registry.resolve(name, from);
    if (cls) return { ref: 'class', cls };
    const nt = this.stdlib.type(ln);
    if (nt) return { ref: 'native', type: nt };
    const od = this.org.describe(name);
    if (od) return { ref: 'sobject', name: od.name };
    if (NAMESPACES.has(ln)) return { ref: 'ns', name: ln };
    return this.compileError(`Variable does not exist: ${name}`, line);
  }

  private evalDot(e: Extract<Expr, { k: 'dot' }>, frame: Frame): Value | StaticRef {
    const obj = this.evalTarget(e.obj, frame);
    if (isStaticRef(obj)) return this.staticDot(obj, e.name, e.line);
    if (obj === null) {
      if (e.safe) return null;
      return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    return this.getField(obj, e.name, e.line);
  }

  getField(obj: Value, name: string, line: number): Value {
    const ln = name.toLowerCase();
    if (obj instanceof ObjectV) {
      const mem = this.classes.members(obj.cls).get(ln);
      if (mem) return this.classes.getMember(obj, ln, mem);
      return this.compileError(`Variable does not exist: ${name}`, line);
    }
    if (obj instanceof SObjectV) return this.sobjects.get(obj, name);
    // `[SELECT Id FROM X WHERE …].Id`: a SOQL result used as a single row
    if (obj instanceof ListV && obj.soql) return this.sobjects.get(this.coerce(obj, T.sobject) as SObjectV, name);
    if (obj instanceof NativeV) {
      const nt = this.stdlib.type(obj.typeName.toLowerCase());
      const p = nt?.props?.[ln];
      if (p) return p.get(this, obj, []);
      if (nt?.methods?.['$getprop']) return nt.methods['$getprop'](this, obj, [name]);
    }
    return this.unsupported(`field ${name} on ${typeNameOf(obj)}`, line);
  }

  private staticDot(ref: StaticRef, name: string, line: number): Value | StaticRef {
    const ln = name.toLowerCase();
    switch (ref.ref) {
      case 'class': {
        const cls = ref.cls;
        if (cls.kind === 'enum') {
          const ev = this.classes.enumValues(cls).find((v) => v.name.toLowerCase() === ln);
          if (ev) return ev;
        }
        const inner = cls.inner.get(ln);
        if (inner) return { ref: 'class', cls: inner };
        const st = this.classes.findStatic(cls, ln);
        if (st) return this.classes.getStatic(st.cls, ln, st.prop);
        return this.compileError(`Variable does not exist: ${cls.name}.${name}`, line);
      }
      case 'native': {
        const t = ref.type;
        const sp = t.staticProps?.[ln];
        if (sp) return sp(this);
        const nested = this.stdlib.type(`${t.name.toLowerCase()}.${ln}`);
        if (nested) return { ref: 'native', type: nested };
        const sg = t.staticGet?.(this, name);
        if (sg !== undefined) return sg;
        return this.unsupported(`${t.name}.${name}`, line);
      }
      case 'sobject':
        return this.sobjects.staticMember(ref.name, name, line);
      case 'ns': {
        const full = `${ref.name}.${ln}`;
        const nt = this.stdlib.type(full);
        if (nt) return { ref: 'native', type: nt };
        if (ref.name === 'system' || ref.name === 'schema') return this.resolveStaticRef(name, null, line);
        return this.unsupported(`${ref.name}.${name}`, line);
      }
    }
  }

  // ---- assignment
  assign(target: Expr, v: Value, frame: Frame): Value {
    switch (target.k) {
      case 'name': {
        const ln = target.name.toLowerCase();
        const local = frame.scope.lookup(ln);
        if (local) {
          local.v = this.coerce(v, local.t);
          return local.v;
        }
        if (frame.self) {
          const mem = this.classes.members(frame.self.cls).get(ln);
          if (mem) return this.classes.setMember(frame.self, ln, mem, v);
        }
        const st = this.classes.findStatic(frame.cls, ln);
        if (st) return this.classes.setStatic(st.cls, ln, st.prop, v);
        return this.compileError(`Variable does not exist: ${target.name}`, target.line);
      }
      case 'dot': {
        const obj = this.evalTarget(target.obj, frame);
        const ln = target.name.toLowerCase();
        if (isStaticRef(obj)) {
          if (obj.ref === 'class') {
            const st = this.classes.findStatic(obj.cls, ln);
            if (st) return this.classes.setStatic(st.cls, ln, st.prop, v);
          }
          return this.compileError(`Variable does not exist: ${target.name}`, target.line);
        }
        if (obj === null) return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (obj instanceof ObjectV) {
          const mem = this.classes.members(obj.cls).get(ln);
          if (mem) return this.classes.setMember(obj, ln, mem, v);
          return this.compileError(`Variable does not exist: ${target.name}`, target.line);
        }
        if (obj instanceof SObjectV) return this.sobjects.put(obj, target.name, v);
        if (obj instanceof NativeV) {
          const p = this.stdlib.type(obj.typeName.toLowerCase())?.props?.[ln];
          if (p?.set) {
            p.set(this, obj, v);
            return v;
          }
        }
        return this.unsupported(`assignment to ${target.name} on ${typeNameOf(obj)}`, target.line);
      }
      case 'index': {
        const o = this.eval(target.obj, frame);
        const i = this.eval(target.idx, frame);
        if (o === null) this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(o instanceof ListV)) return this.compileError('Expression must be a list type', target.line);
        if (!(i instanceof IntV))
          return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (i.v < 0 || i.v >= o.items.length) this.fail('System.ListException', `List index out of bounds: ${i.v}`);
        o.items[i.v] = this.coerce(v, o.elem);
        return o.items[i.v];
      }
      default:
        return this.compileError('Illegal assignment target', target.line);
    }
  }

  // ---- calls
  private evalCall(e: Extract<Expr, { k: 'call' }>, frame: Frame): Value {
    const ln = e.name.toLowerCase();
    if (e.obj === null) {
      const args = e.args.map((a) => this.eval(a, frame));
      const hints = args.includes(null) ? this.argHints(e.args, frame) : undefined;
      if (frame.self) {
        const m = this.classes.findMethod(frame.self.cls, ln, args, null, hints);
        if (m) return this.classes.invoke(m.owner, m.m, m.m.mods.includes('static') ? null : frame.self, args);
      }
      for (let o: ClassInfo | null = frame.cls; o; o = o.outer) {
        const m = this.classes.findMethod(o, ln, args, o === frame.cls && frame.self ? null : true, hints);
        if (m) {
          if (!m.m.mods.includes('static') && !frame.self)
            this.compileError(`Non static method cannot be referenced from a static context: ${e.name}`, e.line);
          return this.classes.invoke(m.owner, m.m, m.m.mods.includes('static') ? null : frame.self, args);
        }
      }
      return this.compileError(
        `Method does not exist or incorrect signature: ${e.name}(${args.map(typeNameOf).join(', ')})`,
        e.line,
      );
    }
    if (e.obj.k === 'super') {
      const args = e.args.map((a) => this.eval(a, frame));
      const sup = frame.cls.superclass;
      if (!sup || !frame.self) return this.compileError('super used outside a subclass instance', e.line);
      const m = this.classes.findMethod(sup, ln, args, false);
      if (m) return this.classes.invoke(m.owner, m.m, frame.self, args);
      if (sup.isException || sup.builtin) return this.exceptionMethod(frame.self, ln, args, e.line);
      return this.compileError(`Method does not exist: super.${e.name}`, e.line);
    }
    const target = this.evalTarget(e.obj, frame);
    const args = e.args.map((a) => this.eval(a, frame));
    frame.line = e.line;
    const hints = args.includes(null)
      ? (this.receiverHints(e.obj, ln, args.length, frame) ?? this.argHints(e.args, frame))
      : undefined;
    if (isStaticRef(target)) return this.callStaticRef(target, e.name, args, e.line, hints);
    if (target === null) {
      if (e.safe) return null;
      return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    return this.callInstance(target, e.name, args, e.line, hints);
  }

  private callStaticRef(ref: StaticRef, name: string, args: Value[], line: number, hints?: (TypeDesc | null)[]): Value {
    const ln = name.toLowerCase();
    switch (ref.ref) {
      case 'class': {
        const cls = ref.cls;
        if (cls.kind === 'enum') {
          if (ln === 'values')
            return new ListV({ name: cls.name, args: [], kind: 'class', cls }, [...this.classes.enumValues(cls)]);
          if (ln === 'valueof') {
            const s = args[0];
            return (
              this.classes.enumValues(cls).find((v) => v.name === s) ??
              this.fail('System.NoSuchElementException', `No enum constant ${cls.name}.${String(s)}`)
            );
          }
        }
        const m = this.classes.findMethod(cls, ln, args, true, hints);
        if (m) return this.classes.invoke(m.owner, m.m, null, args);
        return this.compileError(`Method does not exist or incorrect signature: ${cls.name}.${name}`, line);
      }
      case 'native': {
        const fn = ref.type.statics?.[ln];
        if (!fn) return this.unsupported(`${ref.type.name}.${name}()`, line);
        return this.wrapOrg(() => fn(this, args));
      }
      case 'sobject':
        return this.sobjects.staticCall(ref.name, name, args, line);
      case 'ns':
        return this.unsupported(`${ref.name}.${name}()`, line);
    }
  }

  /** The value of a simple variable name as seen by the running code (dynamic SOQL binds). */
  bindVariable(name: string): Value {
    const frame = this.stack[this.stack.length - 1];
    try {
      return this.eval({ k: 'name', line: frame.line, name }, frame);
    } catch (e) {
      if (e instanceof ApexCompileError) return this.fail('System.QueryException', `Variable does not exist: ${name}`);
      throw e;
    }
  }

  /** Run stdlib code that may call the org, mapping OrgError to Apex exceptions. */
  wrapOrg<X>(fn: () => X): X {
    try {
      return fn();
    } catch (e) {
      if (e instanceof OrgError) this.fromOrgError(e);
      throw e;
    }
  }

  callInstance(target: Value, name: string, args: Value[], line: number, hints?: (TypeDesc | null)[]): Value {
    const ln = name.toLowerCase();
    if (target instanceof ObjectV) {
      const m = this.classes.findMethod(target.cls, ln, args, false, hints);
      if (m) return this.classes.invoke(m.owner, m.m, target, args);
      if (target.cls.isException) return this.exceptionMethod(target, ln, args, line);
      return this.objectMethod(target, ln, args, line);
    }
    const kind = this.valueKind(target);
    const fn =
      this.stdlib.valueMethods[kind]?.[ln] ?? (kind === 'Id' ? this.stdlib.valueMethods.String?.[ln] : undefined);
    if (fn) return this.wrapOrg(() => fn(this, target, args));
    if (target instanceof NativeV) {
      const m = this.stdlib.type(target.typeName.toLowerCase())?.methods?.[ln];
      if (m) return this.wrapOrg(() => m(this, target, args));
    }
    const common = this.stdlib.valueMethods.Object?.[ln];
    if (common) return common(this, target, args);
    return this.unsupported(`method ${kind}.${name}()`, line);
  }

  valueKind(v: Value): string {
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    if (v instanceof IntV) return 'Integer';
    if (v instanceof LongV) return 'Long';
    if (v instanceof DecimalV) return 'Decimal';
    if (v instanceof DoubleV) return 'Double';
    if (v instanceof DateV) return 'Date';
    if (v instanceof DatetimeV) return 'Datetime';
    if (v instanceof TimeV) return 'Time';
    if (v instanceof BlobV) return 'Blob';
    if (v instanceof ListV) return 'List';
    if (v instanceof SetV) return 'Set';
    if (v instanceof MapV) return 'Map';
    if (v instanceof SObjectV) return 'SObject';
    if (v instanceof EnumV) return 'Enum';
    if (v instanceof TypeV) return 'Type';
    if (v instanceof NativeV) return v.typeName;
    return 'Object';
  }

  /** Methods every exception has (Apex Reference Guide, "Exception Class"). */
  exceptionMethod(ex: ObjectV, ln: string, args: Value[], line: number): Value {
    switch (ln) {
      case 'getmessage':
        return (ex.fields.get('$message') as Value) ?? null;
      case 'setmessage':
        ex.fields.set('$message', args[0]);
        return null;
      case 'gettypename':
        return exceptionTypeName(ex);
      case 'getlinenumber':
        return (ex.fields.get('$line') as Value) ?? int(-1);
      case 'getstacktracestring':
        return (ex.fields.get('$stack') as Value) ?? '';
      case 'getcause':
        return (ex.fields.get('$cause') as Value) ?? null;
      case 'initcause':
        ex.fields.set('$cause', args[0]);
        return null;
      case 'getdmlstatuscode':
      case 'getdmlmessage':
      case 'getnumdml':
      case 'getdmlfieldnames':
      case 'getdmlid':
      case 'getdmlindex':
      case 'getdmltype':
        return this.sobjects.dmlExceptionMethod(ex, ln, args, line);
      default:
        return this.objectMethod(ex, ln, args, line);
    }
  }

  private objectMethod(obj: ObjectV, ln: string, args: Value[], line: number): Value {
    switch (ln) {
      case 'equals':
        return obj === args[0];
      case 'hashcode':
        return int(0);
      case 'tostring':
        return formatValue(obj);
    }
    return this.compileError(`Method does not exist or incorrect signature: ${obj.cls.name}.${ln}`, line);
  }

  // ---- new
  private evalNew(e: Extract<Expr, { k: 'new' }>, frame: Frame): Value {
    const ln = e.type.name.toLowerCase().replace(/^system\./, '');
    if (ln === 'list' || ln === 'set' || ln === 'map') {
      const t = this.resolveType(e.type, frame.cls);
      return this.newCollection(t, e, frame);
    }
    const t = this.resolveType(e.type, frame.cls);
    if (t.kind === 'class' || t.kind === 'exception') {
      const args = e.args.map((a) => this.eval(a, frame));
      return this.classes.instantiate(
        t.cls!,
        args,
        e.line,
        args.includes(null) ? this.argHints(e.args, frame) : undefined,
      );
    }
    if (t.kind === 'sobject') {
      const so = this.sobjects.create(t.name);
      for (const fi of e.fieldInits ?? []) this.sobjects.put(so, fi.name, this.eval(fi.value, frame));
      if (e.args.length) this.unsupported(`new ${t.name}(…) with positional arguments`, e.line);
      return so;
    }
    if (t.kind === 'native') {
      const nt = this.stdlib.type(t.name.toLowerCase())!;
      if (!nt.construct) return this.unsupported(`new ${t.name}()`, e.line);
      const args = e.args.map((a) => this.eval(a, frame));
      return this.wrapOrg(() => nt.construct!(this, args));
    }
    return this.unsupported(`new ${e.type.name}`, e.line);
  }

  private newCollection(t: TypeDesc, e: Extract<Expr, { k: 'new' }>, frame: Frame): Value {
    if (t.kind === 'list') {
      const l = new ListV(t.args[0] ?? T.object);
      if (e.arraySize) {
        const n = this.eval(e.arraySize, frame);
        if (!(n instanceof IntV))
          return this.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        for (let i = 0; i < n.v; i++) l.items.push(null);
      }
      for (const x of e.listInit ?? []) l.items.push(this.coerce(this.eval(x, frame), l.elem));
      if (e.args.length === 1) {
        const src = this.eval(e.args[0], frame);
        if (src instanceof ListV) l.items.push(...src.items.map((x) => this.coerce(x, l.elem)));
        else if (src instanceof SetV) l.items.push(...src.values().map((x) => this.coerce(x, l.elem)));
        else if (src === null) this.fail('System.NullPointerException', 'Argument cannot be null.');
      }
      return l;
    }
    if (t.kind === 'set') {
      const s = new SetV(t.args[0] ?? T.object);
      for (const x of e.listInit ?? []) s.add(this.coerce(this.eval(x, frame), s.elem));
      if (e.args.length === 1) {
        const src = this.eval(e.args[0], frame);
        if (src instanceof ListV) for (const x of src.items) s.add(this.coerce(x, s.elem));
        else if (src instanceof SetV) for (const x of src.values()) s.add(this.coerce(x, s.elem));
        else if (src === null) this.fail('System.NullPointerException', 'Argument cannot be null.');
      }
      return s;
    }
    const m = new MapV(t.args[0] ?? T.object, t.args[1] ?? T.object);
    for (const [k, v] of e.mapInit ?? [])
      m.put(this.coerce(this.eval(k, frame), m.key), this.coerce(this.eval(v, frame), m.val));
    if (e.args.length === 1) {
      const src = this.eval(e.args[0], frame);
      if (src instanceof MapV) for (const [k, v] of src.map.values()) m.put(k, v);
      else if (src instanceof ListV) {
        // Map<Id, SObject>(List<SObject>) keys the records by Id (Apex Reference Guide, Map constructors)
        for (const r of src.items) if (r instanceof SObjectV) m.put(this.sobjects.get(r, 'Id'), r);
      } else if (src === null) this.fail('System.NullPointerException', 'Argument cannot be null.');
    }
    return m;
  }

  // ------------------------------------------------------------------ entry points
  /** Run a static method by name (test methods, @AuraEnabled calls). */
  runStatic(cls: ClassInfo, m: MethodDecl, args: Value[]): Value {
    return this.classes.invoke(cls, m, null, args);
  }

  /** Run anonymous Apex statements in a synthetic class frame. */
  runBlock(cls: ClassInfo, body: Stmt[]): void {
    const frame = this.pushFrame(cls, null, 'anonymous', 1);
    try {
      for (const s of body) {
        const sig = this.exec(s, frame);
        if (sig) break;
      }
    } finally {
      this.stack.pop();
    }
  }
}
