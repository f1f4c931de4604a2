/** The shape of a standard-library type implemented in TypeScript. Method keys are lower-case (Apex is case-insensitive). */
import type { ExecutionContext } from '../interp/context.ts';
import type { Value } from '../values.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `self` is the receiver of whichever kind the table is for
export type MethodFn = (ix: ExecutionContext, self: any, args: Value[]) => Value;
export type StaticFn = (ix: ExecutionContext, args: Value[]) => Value;

export interface NativeType {
  /** canonical name, e.g. 'String', 'Database.SaveResult', 'HttpRequest' */
  name: string;
  /** other lower-case names it is known by, e.g. 'system.string' */
  aliases?: string[];
  statics?: Record<string, StaticFn>;
  staticProps?: Record<string, (ix: ExecutionContext) => Value>;
  methods?: Record<string, MethodFn>;
  props?: Record<string, { get: MethodFn; set?: (ix: ExecutionContext, self: unknown, v: Value) => void }>;
  construct?: StaticFn;
  /** fallback for `Type.NAME` not in staticProps (open-ended enums such as StatusCode) */
  staticGet?: (ix: ExecutionContext, name: string) => Value | undefined;
  /** an interface or abstract type: usable as a declared type, not constructible */
  abstract?: boolean;
}

/** Instance methods for built-in value kinds (String, List, Date, …), keyed by kind then lower-case method name. */
export type ValueMethodTable = Record<string, Record<string, MethodFn>>;
