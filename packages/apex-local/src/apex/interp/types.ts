/**
 * The type system at run time: written types as resolved by the binder (binder/typeResolver.ts), assignment
 * conversion (numeric widening, String -> Id, single-row SOQL), instanceof / cast checks and the `Invalid
 * conversion` TypeException.
 */
import type { TypeRef } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import { implementsBuiltin, isSubclassOf } from '../binder/classInfo.ts';
import type { TypeResolver } from '../binder/typeResolver.ts';
import {
  BlobV,
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
  dbl,
  dec,
  int,
  isNumber,
  long,
  toDecimal,
  toJsNumber,
  typeNameOf,
  type TypeDesc,
  type Value,
} from '../values.ts';
import type { TypeSystemContext } from './context.ts';

export class TypeSystem {
  constructor(
    private readonly ix: TypeSystemContext,
    private readonly resolver: TypeResolver,
  ) {}

  /** The type a TypeRef names (binder/typeResolver.ts); a type the runtime does not know is LOCAL_UNSUPPORTED. */
  resolveType(t: TypeRef, from: ClassInfo | null): TypeDesc {
    return this.resolver.resolveCached(t, from) ?? this.ix.unsupported(`type ${t.name}`);
  }

  tryResolveType(t: TypeRef, from: ClassInfo | null): TypeDesc | null {
    return this.resolver.tryResolve(t, from);
  }

  /** Assignment conversion to a declared type: numeric widening, String -> Id validation, single-row SOQL. */
  coerce(v: Value, t: TypeDesc): Value {
    if (v === null) return null;
    switch (t.kind) {
      case 'prim':
        switch (t.name) {
          case 'Long':
            if (v instanceof IntV) return long(BigInt(v.v));
            break;
          case 'Decimal':
            if (v instanceof IntV || v instanceof LongV || v instanceof DoubleV) return dec(toDecimal(v));
            break;
          case 'Double':
            if (v instanceof IntV || v instanceof LongV || v instanceof DecimalV) return dbl(toJsNumber(v));
            break;
          case 'Id':
            if (typeof v === 'string') return this.ix.sobjects.toId(v);
            break;
          case 'Integer':
            if (v instanceof ListV && v.soql)
              this.ix.fail('System.QueryException', 'List has more than 1 row for assignment to SObject');
            break;
        }
        return v;
      case 'native':
        // `AggregateResult ar = [SELECT SUM(x) s FROM …]`: the single-row assignment of an aggregate query
        // (Apex Developer Guide, "Working with SOQL Aggregate Functions"); other native types keep the value
        if (!(v instanceof ListV && v.soql && /^(system\.)?aggregateresult$/i.test(t.name))) return v;
        return this.singleRow(v);
      case 'sobject':
        return v instanceof ListV && v.soql ? this.singleRow(v) : v;
      default:
        return v;
    }
  }

  /** A SOQL result assigned to a single record: its one row, else the platform's QueryException. */
  private singleRow(v: ListV): Value {
    if (v.items.length === 0) this.ix.fail('System.QueryException', 'List has no rows for assignment to SObject');
    if (v.items.length > 1) this.ix.fail('System.QueryException', 'List has more than 1 row for assignment to SObject');
    return v.items[0]!;
  }

  /** Runtime type test used by instanceof, casts and catch clauses. */
  isInstance(v: Value, t: TypeDesc): boolean {
    if (v === null) return false;
    switch (t.kind) {
      case 'object':
        return true;
      case 'prim':
        switch (t.name) {
          case 'String':
            return typeof v === 'string';
          case 'Id':
            return typeof v === 'string' && this.ix.sobjects.isId(v);
          case 'Boolean':
            return typeof v === 'boolean';
          case 'Integer':
            return v instanceof IntV;
          case 'Long':
            return v instanceof LongV;
          case 'Decimal':
            return v instanceof DecimalV;
          case 'Double':
            return v instanceof DoubleV;
          case 'Date':
            return v instanceof DateV;
          case 'Datetime':
            return v instanceof DatetimeV;
          case 'Time':
            return v instanceof TimeV;
          case 'Blob':
            return v instanceof BlobV;
        }
        return false;
      case 'list':
        return v instanceof ListV && this.elemCompatible(v.elem, t.args[0]);
      case 'set':
        return v instanceof SetV && this.elemCompatible(v.elem, t.args[0]);
      case 'map':
        return v instanceof MapV && this.elemCompatible(v.key, t.args[0]) && this.elemCompatible(v.val, t.args[1]);
      case 'sobject':
        return v instanceof SObjectV && (t.name === 'SObject' || v.type.toLowerCase() === t.name.toLowerCase());
      case 'class':
      case 'exception':
        return v instanceof ObjectV && isSubclassOf(v.cls, t.cls!);
      case 'native':
        if (v instanceof NativeV) return v.typeName.toLowerCase() === t.name.toLowerCase();
        if (v instanceof ObjectV) return implementsBuiltin(v.cls, t.name.toLowerCase().replace(/^system\./, ''));
        if (v instanceof EnumV) return v.enumType.toLowerCase() === t.name.toLowerCase();
        return false;
    }
    return false;
  }

  /** Collections are invariant except for Object / SObject element types, as on the platform at runtime. */
  private elemCompatible(actual: TypeDesc, wanted: TypeDesc | undefined): boolean {
    if (!wanted || wanted.kind === 'object') return true;
    if (actual.name.toLowerCase() === wanted.name.toLowerCase()) return true;
    if (wanted.kind === 'sobject' && wanted.name === 'SObject' && actual.kind === 'sobject') return true;
    if (actual.kind === 'sobject' && actual.name === 'SObject' && wanted.kind === 'sobject') return true;
    if (actual.cls && wanted.cls) return isSubclassOf(actual.cls, wanted.cls);
    if (actual.name === 'Id' && wanted.name === 'String') return true;
    return false;
  }

  typeOfValue(v: Value): TypeDesc {
    if (v instanceof ListV) return { name: 'List', args: [v.elem], kind: 'list' };
    if (v instanceof SetV) return { name: 'Set', args: [v.elem], kind: 'set' };
    if (v instanceof MapV) return { name: 'Map', args: [v.key, v.val], kind: 'map' };
    if (v instanceof ObjectV)
      return { name: v.cls.name, args: [], kind: v.cls.isException ? 'exception' : 'class', cls: v.cls };
    if (v instanceof SObjectV) return { name: v.type, args: [], kind: 'sobject' };
    if (v === null) return T.object;
    return {
      name: typeNameOf(v),
      args: [],
      kind: typeof v === 'string' || typeof v === 'boolean' || isNumber(v) ? 'prim' : 'native',
    };
  }

  typeName(t: TypeDesc): string {
    if (t.kind === 'list' || t.kind === 'set') return `${t.name}<${this.typeName(t.args[0])}>`;
    if (t.kind === 'map') return `Map<${this.typeName(t.args[0])},${this.typeName(t.args[1])}>`;
    return t.name;
  }

  /** Static assignability between declared types (overload choice for null arguments). */
  typeAssignable(from: TypeDesc, to: TypeDesc): boolean {
    if (to.kind === 'object') return true;
    if (from.name.toLowerCase() === to.name.toLowerCase()) return true;
    if (from.cls && to.cls) return isSubclassOf(from.cls, to.cls);
    if (from.cls && to.kind === 'native')
      return implementsBuiltin(from.cls, to.name.toLowerCase().replace(/^system\./, ''));
    if (to.kind === 'sobject' && to.name === 'SObject') return from.kind === 'sobject';
    if (from.kind === 'prim' && to.kind === 'prim')
      return (
        (from.name === 'Id' && to.name === 'String') ||
        (from.name === 'Integer' && ['Long', 'Decimal', 'Double'].includes(to.name))
      );
    return false;
  }

  cast(v: Value, t: TypeDesc): Value {
    if (v === null) return null;
    if (t.kind === 'object') return v;
    if (t.kind === 'prim' && isNumber(v)) {
      if (t.name === 'Integer') {
        if (v instanceof IntV) return v;
        if (v instanceof LongV) return int(Number(BigInt.asIntN(32, v.v)));
      }
      if (t.name === 'Long')
        return v instanceof IntV ? long(BigInt(v.v)) : v instanceof LongV ? v : this.castError(v, t);
      if (t.name === 'Decimal') return dec(toDecimal(v));
      if (t.name === 'Double') return dbl(toJsNumber(v));
    }
    if (t.kind === 'prim' && t.name === 'Id' && typeof v === 'string') return this.ix.sobjects.toId(v);
    if (t.kind === 'prim' && t.name === 'String' && typeof v === 'string') return v;
    if (this.isInstance(v, t)) return v;
    if ((t.kind === 'sobject' || t.kind === 'native') && v instanceof ListV && v.soql) {
      const one = this.coerce(v, t);
      if (one !== v) return one;
    }
    return this.castError(v, t);
  }

  private castError(v: Value, t: TypeDesc): never {
    const from =
      v instanceof ListV && v.elem.kind === 'object'
        ? 'List<ANY>'
        : v instanceof MapV && v.val.kind === 'object'
          ? `Map<${v.key.name},ANY>`
          : this.typeName(this.typeOfValue(v));
    return this.ix.fail('System.TypeException', `Invalid conversion from runtime type ${from} to ${this.typeName(t)}`);
  }
}
