/**
 * Type resolution: a written type (`List<Account>`, `Outer.Inner`, `Database.SaveResult`, `Schema.User`) becomes a
 * TypeDesc. Names are looked up the way Apex does — primitives and collections, then user and built-in classes
 * (the registry), then standard-library types, then SObject types of the schema. Used by the fence before anything
 * runs and by the interpreter while it runs; it needs only the registry, the standard library and the schema.
 */
import type { Stmt, TypeRef } from '../ast.ts';
import type { FenceProblem } from './fence.ts';
import type { ObjectDescribe } from '../../org/api.ts';
import type { Stdlib } from '../stdlib/registry.ts';
import { T, type TypeDesc } from '../values.ts';
import type { ClassInfo } from './classInfo.ts';
import type { Registry } from './registry.ts';

/** The SObject types known to the org (its describe). */
export interface SchemaLookup {
  describe(objectName: string): ObjectDescribe | undefined;
}

/** What binding needs: the classes, the standard library and the schema. */
export interface Binding {
  readonly registry: Registry;
  readonly stdlib: Stdlib;
  readonly schema: SchemaLookup;
  /**
   * Statements the fence rejected (binder/fence.ts), set by the host once the fence has run: the interpreter stops
   * with the problem when it reaches one, so fenced code never runs.
   */
  fenced?: Map<Stmt, FenceProblem>;
}

const PRIMITIVES: Record<string, string> = {
  integer: 'Integer',
  long: 'Long',
  decimal: 'Decimal',
  double: 'Double',
  string: 'String',
  boolean: 'Boolean',
  id: 'Id',
  date: 'Date',
  datetime: 'Datetime',
  time: 'Time',
  blob: 'Blob',
};

export class TypeResolver {
  /** resolved types by written type and the class it is written in; only successes are cached */
  private cache = new WeakMap<TypeRef, Map<ClassInfo | null, TypeDesc>>();

  constructor(private readonly binding: Binding) {}

  /** The type a TypeRef names from inside `from` (null: top level), or null when it names nothing known. */
  tryResolve(t: TypeRef, from: ClassInfo | null): TypeDesc | null {
    const { registry, stdlib, schema } = this.binding;
    let ln = t.name.toLowerCase();
    if (ln.startsWith('system.') && (PRIMITIVES[ln.slice(7)] || ['list', 'set', 'map', 'object'].includes(ln.slice(7))))
      ln = ln.slice(7);
    if (ln.startsWith('schema.') && schema.describe(t.name.slice(7))) ln = ln.slice(7);
    if (PRIMITIVES[ln]) return { name: PRIMITIVES[ln], args: [], kind: 'prim' };
    if (ln === 'object') return T.object;
    if (ln === 'list' || ln === 'set' || ln === 'map') {
      const args: TypeDesc[] = [];
      for (const a of t.args) {
        const r = this.tryResolve(a, from);
        if (!r) return null;
        args.push(r);
      }
      const name = ln === 'list' ? 'List' : ln === 'set' ? 'Set' : 'Map';
      return { name, args, kind: ln };
    }
    const cls = registry.resolve(t.name, from);
    if (cls) return { name: cls.name, args: [], kind: cls.isException ? 'exception' : 'class', cls };
    if (ln === 'sobject') return T.sobject;
    const nt = stdlib.type(ln);
    if (nt) return { name: nt.name, args: [], kind: 'native' };
    const od = schema.describe(ln.startsWith('schema.') ? t.name.slice(7) : t.name);
    if (od) return { name: od.name, args: [], kind: 'sobject' };
    return null;
  }

  /** Like tryResolve, remembering what resolved (per TypeRef node and class) for the interpreter's hot paths. */
  resolveCached(t: TypeRef, from: ClassInfo | null): TypeDesc | null {
    let byFrom = this.cache.get(t);
    if (!byFrom) this.cache.set(t, (byFrom = new Map()));
    let d = byFrom.get(from);
    if (!d) {
      const r = this.tryResolve(t, from);
      if (!r) return null;
      d = r;
      byFrom.set(from, d);
    }
    return d;
  }
}
