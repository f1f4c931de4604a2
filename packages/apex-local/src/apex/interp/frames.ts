/**
 * The interpreter's run-time structures: variables, lexical scopes, call frames and the completion signals of
 * statements (break, continue, return), plus references to types and namespaces met on the left of a dot.
 */
import type { ClassInfo } from '../binder/classInfo.ts';
import type { NativeType } from '../stdlib/types.ts';
import type { ObjectV, TypeDesc, Value } from '../values.ts';

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

export const BREAK = { sig: 'break' } as const;
export const CONTINUE = { sig: 'continue' } as const;
/** How a statement completed: normally (undefined), or by break, continue or return. */
export type Signal = typeof BREAK | typeof CONTINUE | { sig: 'return'; v: Value } | undefined;

/** A reference to a type or namespace appearing on the left of a dot (`Database.insert`, `Outer.Inner.X`). */
export type StaticRef =
  | { ref: 'class'; cls: ClassInfo }
  | { ref: 'native'; type: NativeType }
  | { ref: 'sobject'; name: string }
  | { ref: 'ns'; name: string };

/** Static refs are plain object literals; every Apex value is a primitive or a class instance. */
export function isStaticRef(v: unknown): v is StaticRef {
  return typeof v === 'object' && v !== null && v.constructor === Object;
}
