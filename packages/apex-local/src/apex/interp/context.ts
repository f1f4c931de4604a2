/**
 * The narrow interfaces between the interpreter and the modules it hosts. The class runtime (classes.ts), SObject
 * values (sobjects.ts) and the standard library (../stdlib) see the running interpreter only through these, never
 * through the Interpreter class itself; the Interpreter implements all of them.
 */
import type { Expr, Stmt, TypeRef } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import type { OrgApi, PlainRecord } from '../../org/api.ts';
import type { Stdlib } from '../stdlib/registry.ts';
import type { EnumV, ObjectV, TypeDesc, Value } from '../values.ts';
import type { Frame, Signal } from './frames.ts';
import type { SObjects } from './sobjects.ts';

/** What the interpreter asks of its host (the local runtime, a test runner): the debug log, test and async state. */
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

/** Raising Apex exceptions, LOCAL_UNSUPPORTED and LOCAL_APEX_COMPILE errors at the running line. */
export interface ErrorReporting {
  /** the line of the innermost frame */
  readonly currentLine: number;
  /** Throw an Apex exception of a built-in type; a function property, so it can be handed on (operators.ts). */
  readonly fail: (apexType: string, message: string) => never;
  unsupported(what: string, line?: number): never;
  compileError(detail: string, line?: number): never;
  newException(apexType: string, message: string | null, cause?: ObjectV | null): ObjectV;
  /** record the line and Apex stack trace of an exception at the point it is thrown */
  stampException(ex: ObjectV): void;
  /** rethrow an OrgError as the Apex exception it stands for (anything else unchanged) */
  fromOrgError(e: unknown): never;
}

/** Types at run time (types.ts): resolution, assignment conversion, type tests, names. */
export interface TypeOperations {
  resolveType(t: TypeRef, from: ClassInfo | null): TypeDesc;
  tryResolveType(t: TypeRef, from: ClassInfo | null): TypeDesc | null;
  coerce(v: Value, t: TypeDesc): Value;
  isInstance(v: Value, t: TypeDesc): boolean;
  typeAssignable(from: TypeDesc, to: TypeDesc): boolean;
  typeOfValue(v: Value): TypeDesc;
  typeName(t: TypeDesc): string;
  /** the kind whose instance methods a value has: 'String', 'List', 'Date', a native type's name, … */
  valueKind(v: Value): string;
}

/** What the run-time type system (types.ts) needs: errors, and Id validation. */
export interface TypeSystemContext extends Pick<ErrorReporting, 'fail' | 'unsupported'> {
  readonly sobjects: Pick<SObjects, 'isId' | 'toId'>;
}

/** What the class runtime (classes.ts) needs: the call stack, and statements and expressions run in a frame. */
export interface ClassContext
  extends
    Pick<ErrorReporting, 'fail' | 'compileError' | 'stampException'>,
    Pick<TypeOperations, 'resolveType' | 'coerce' | 'isInstance' | 'typeAssignable'> {
  readonly stack: Frame[];
  pushFrame(cls: ClassInfo, self: ObjectV | null, method: string, line: number): Frame;
  exec(s: Stmt, frame: Frame): Signal;
  eval(e: Expr, frame: Frame): Value;
}

/** What SObject values (sobjects.ts) need: the org, errors, type names, heap accounting. */
export interface SObjectContext
  extends
    Pick<ErrorReporting, 'fail' | 'unsupported' | 'compileError' | 'newException' | 'fromOrgError'>,
    Pick<TypeOperations, 'typeName' | 'typeOfValue' | 'valueKind'> {
  readonly org: OrgApi;
  /** a native operation just created about this many bytes of Apex values (heap.ts samples sooner) */
  noteAllocation(bytes: number): void;
  /** charge built-in work to the transaction's CPU time, in µs (cpu.ts) */
  chargeCpu(us: number): void;
}

/** The SObject operations the standard library uses (Database, JSON, Schema, SObject methods). */
export type SObjectAccess = Pick<
  SObjects,
  'get' | 'put' | 'create' | 'clone' | 'toId' | 'dml' | 'throwDml' | 'dynamicQuery'
>;

/** What the standard library (../stdlib) sees of the running interpreter. */
export interface ExecutionContext
  extends ErrorReporting, Pick<TypeOperations, 'tryResolveType' | 'coerce' | 'isInstance' | 'typeName' | 'valueKind'> {
  readonly org: OrgApi;
  readonly hooks: RuntimeHooks;
  readonly stdlib: Pick<Stdlib, 'type'>;
  readonly sobjects: SObjectAccess;
  /** Test.setMock(HttpCalloutMock.class, mock) */
  httpMock: ObjectV | null;
  /** Apex `==` (Id forms, custom equals) */
  equals(a: Value, b: Value): boolean;
  /** call an instance method of a user object by name (mocks, Comparable, Queueable…) */
  callMethod(obj: ObjectV, name: string, args: Value[]): Value;
  /** the running user's time zone */
  userTimeZone(): string;
  noteAllocation(bytes: number): void;
  /** charge built-in work to the transaction's CPU time, in µs (the model is interp/cpu.ts) */
  chargeCpu(us: number): void;
  /** measure the heap now (Limits.getHeapSize) */
  measureHeap(): number;
  instantiate(cls: ClassInfo, args: Value[], line: number, hints?: (TypeDesc | null)[]): ObjectV;
  /** create an object for JSON.deserialize: field initialisers, no constructor */
  instantiateForJson(cls: ClassInfo): ObjectV;
  /** the field or property a JSON key maps to, with its declared type */
  jsonMember(cls: ClassInfo, key: string): { name: string; type: TypeDesc } | null;
  enumValues(cls: ClassInfo): EnumV[];
  getField(obj: Value, name: string, line: number): Value;
  /** the value of a variable as seen by the running code (dynamic SOQL binds) */
  bindVariable(name: string): Value;
}
