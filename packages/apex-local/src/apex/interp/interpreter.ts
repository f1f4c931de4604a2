/**
 * The interpreter: a tree walk over the lowered AST (../ast.ts), one module per concern —
 *
 *   statements.ts   statements, scopes, control flow, and what each statement costs (CPU, heap samples, coverage)
 *   expressions.ts  expressions, names, fields, operators, assignment
 *   calls.ts        method calls and dispatch (user classes, exceptions, the standard library), `new`
 *   classes.ts      the class runtime: statics, construction, overloads, invocation, properties
 *   types.ts        run-time types: conversion, instanceof, casts (names resolved by ../binder/typeResolver.ts)
 *   sobjects.ts     SObject values, SOQL and DML across the OrgApi boundary
 *   heap.ts         heap estimate and sampling
 *
 * This class owns the transaction's state (call stack, mocks, caches), wires the modules together and implements
 * the narrow interfaces the class runtime, the SObject layer and the standard library see (context.ts).
 * It talks to the platform only through `OrgApi` (records, SOQL, DML, callouts, limits) and to the host
 * (test runner, async runner, debug log) only through `RuntimeHooks`.
 */
import type { MethodDecl, Stmt, Expr, TypeRef } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import type { Registry } from '../binder/registry.ts';
import { TypeResolver, type Binding } from '../binder/typeResolver.ts';
import type { Stdlib } from '../stdlib/registry.ts';
import { NativeV, ObjectV, int, type EnumV, type TypeDesc, type Value } from '../values.ts';
import { OrgError, type OrgApi } from '../../org/api.ts';
import { Calls } from './calls.ts';
import { ClassRuntime } from './classes.ts';
import type { ClassContext, ExecutionContext, RuntimeHooks, SObjectContext, TypeSystemContext } from './context.ts';
import { ApexCompileError, ApexThrow, LocalUnsupported } from './errors.ts';
import { Expressions } from './expressions.ts';
import { Scope, type Frame, type Signal } from './frames.ts';
import { HeapMeter } from './heap.ts';
import { SObjects } from './sobjects.ts';
import { Statements } from './statements.ts';
import { TypeSystem } from './types.ts';

/** the platform's maximum call stack depth */
const MAX_STACK_DEPTH = 1000;

export class Interpreter implements ExecutionContext, ClassContext, SObjectContext, TypeSystemContext {
  /** what the binder and the fence see: the classes, the standard library and the current org's schema */
  readonly binding: Binding;
  readonly types: TypeSystem;
  readonly sobjects: SObjects;
  readonly classes: ClassRuntime;
  readonly statements: Statements;
  readonly expressions: Expressions;
  readonly calls: Calls;
  readonly heap: HeapMeter;
  readonly stack: Frame[] = [];
  /** Test.setMock(HttpCalloutMock.class, mock) */
  httpMock: ObjectV | null = null;
  private tzCache = new Map<string, string>();

  constructor(
    readonly registry: Registry,
    readonly stdlib: Stdlib,
    public org: OrgApi,
    public hooks: RuntimeHooks,
  ) {
    this.binding = { registry, stdlib, schema: { describe: (name) => this.org.describe(name) } };
    this.sobjects = new SObjects(this);
    this.types = new TypeSystem(this, new TypeResolver(this.binding));
    this.classes = new ClassRuntime(this);
    this.heap = new HeapMeter(this);
    this.statements = new Statements(this);
    this.expressions = new Expressions(this);
    this.calls = new Calls(this);
  }

  // ------------------------------------------------------------------ transaction state
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
    this.heap.reset(this.statementsExecuted);
  }

  /** statements executed since the interpreter was created (the benchmark's measure) */
  get statementsExecuted(): number {
    return this.statements.executed;
  }

  /** file -> executed statement lines (line coverage), while a test run collects it */
  get coverage(): Map<string, Set<number>> | null {
    return this.statements.coverage;
  }
  set coverage(c: Map<string, Set<number>> | null) {
    this.statements.coverage = c;
  }

  // ------------------------------------------------------------------ heap (see heap.ts)
  /** the largest heap estimate seen in the current transaction */
  get heapPeak(): number {
    return this.heap.peak;
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
    return this.heap.sample(roots, this.statementsExecuted);
  }

  /** charge built-in work to the transaction's CPU time, in µs (cpu.ts) */
  chargeCpu(us: number): void {
    this.statements.chargeWork(us);
  }

  noteAllocation(bytes: number): void {
    this.heap.noteAllocation(bytes, this.statementsExecuted);
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
    const ex = new ObjectV(cls, this.classes);
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
    // the org's own fence (a trigger, an unrepresentable field, ALL ROWS, …): never catchable by Apex
    if (e instanceof OrgError && e.message.startsWith('LOCAL_UNSUPPORTED ')) this.unsupported(e.message.slice(18));
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

  pushFrame(cls: ClassInfo, self: ObjectV | null, method: string, line: number): Frame {
    if (this.stack.length >= MAX_STACK_DEPTH)
      this.fail('System.LimitException', `Maximum stack depth reached: ${MAX_STACK_DEPTH + 1}`);
    const f: Frame = { cls, self, scope: new Scope(null), method, line, file: cls.file ?? cls.name };
    this.stack.push(f);
    return f;
  }

  // ------------------------------------------------------------------ statements, expressions, calls
  exec(s: Stmt, frame: Frame): Signal {
    return this.statements.exec(s, frame);
  }
  eval(e: Expr, frame: Frame): Value {
    return this.expressions.eval(e, frame);
  }
  equals(a: Value, b: Value): boolean {
    return this.expressions.equals(a, b);
  }
  getField(obj: Value, name: string, line: number): Value {
    return this.expressions.getField(obj, name, line);
  }
  bindVariable(name: string): Value {
    return this.expressions.bindVariable(name);
  }
  callMethod(obj: ObjectV, name: string, args: Value[]): Value {
    return this.calls.callMethod(obj, name, args);
  }
  valueKind(v: Value): string {
    return this.calls.valueKind(v);
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
        const sig = this.statements.exec(s, frame);
        if (sig) break;
      }
    } finally {
      this.stack.pop();
    }
  }
}
