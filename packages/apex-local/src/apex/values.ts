/**
 * Typed Apex values. Strings and Booleans are JS primitives (unambiguous); every number kind, date/time kind,
 * collection, SObject and object instance is a class so Integer, Long, Decimal and Double never blur.
 */
import Decimal from 'decimal.js';
import type { ClassInfo } from './binder/classInfo.ts';

export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof D>;

export class IntV {
  constructor(readonly v: number) {}
}
export class LongV {
  constructor(readonly v: bigint) {}
}
/** Apex Decimal keeps its scale: 1.10 prints as 1.10 (decimal.js normalises, so the scale is carried beside it). */
export class DecimalV {
  readonly scale: number;
  constructor(
    readonly v: Dec,
    scale?: number,
  ) {
    this.scale = Math.max(scale ?? 0, v.decimalPlaces());
  }
}
export class DoubleV {
  constructor(readonly v: number) {}
}
export class DateV {
  /** days since epoch (UTC) */
  constructor(readonly days: number) {}
  toDate(): Date {
    return new Date(this.days * 86400000);
  }
}
export class DatetimeV {
  constructor(readonly ms: number) {}
}
export class TimeV {
  constructor(readonly ms: number) {}
}
export class BlobV {
  constructor(readonly bytes: Buffer) {}
}

export type TypeKind = 'prim' | 'list' | 'set' | 'map' | 'sobject' | 'class' | 'native' | 'object' | 'exception';

export interface TypeDesc {
  /** canonical type name: 'Integer', 'String', 'List', 'Map', 'Account', 'MyClass.Inner', 'Object', 'SObject' */
  name: string;
  args: TypeDesc[];
  kind?: TypeKind;
  cls?: ClassInfo;
}

export const T = {
  object: { name: 'Object', args: [], kind: 'object' } as TypeDesc,
  string: { name: 'String', args: [], kind: 'prim' } as TypeDesc,
  integer: { name: 'Integer', args: [], kind: 'prim' } as TypeDesc,
  decimal: { name: 'Decimal', args: [], kind: 'prim' } as TypeDesc,
  boolean: { name: 'Boolean', args: [], kind: 'prim' } as TypeDesc,
  sobject: { name: 'SObject', args: [], kind: 'sobject' } as TypeDesc,
  id: { name: 'Id', args: [], kind: 'prim' } as TypeDesc,
};

export class ListV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  /** produced by inline SOQL: assignable to a single SObject (Apex Developer Guide, "SOQL Statements") */
  soql = false;
  constructor(
    public elem: TypeDesc,
    public items: Value[] = [],
  ) {}
}

/** Set and Map keys: case-sensitive strings, numbers by value, Ids as 18-char, objects by identity (Apex Developer Guide, "Sets"/"Maps": keys are case-sensitive). */
export function keyOf(v: Value): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof IntV) return 'i' + v.v;
  if (v instanceof LongV) return 'i' + v.v.toString();
  if (v instanceof DecimalV) return 'd' + v.v.toFixed(v.scale);
  if (v instanceof DoubleV) return 'f' + v.v;
  if (v instanceof DateV) return 'D' + v.days;
  if (v instanceof DatetimeV) return 'T' + v.ms;
  if (v instanceof TimeV) return 't' + v.ms;
  if (v instanceof EnumV) return v;
  if (v instanceof SObjectV)
    return 'S' + v.type + JSON.stringify([...v.fields.entries()].map(([k, f]) => [k, keyOf(f.value)]));
  return v;
}

export class SetV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  readonly map = new Map<unknown, Value>();
  constructor(public elem: TypeDesc) {}
  add(v: Value): boolean {
    const k = keyOf(v);
    if (this.map.has(k)) return false;
    this.map.set(k, v);
    return true;
  }
  has(v: Value): boolean {
    return this.map.has(keyOf(v));
  }
  delete(v: Value): boolean {
    return this.map.delete(keyOf(v));
  }
  values(): Value[] {
    return [...this.map.values()];
  }
}

export class MapV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  readonly map = new Map<unknown, [Value, Value]>();
  /**
   * String keys compared ignoring case: only the describe maps the platform builds (`fields.getMap()`,
   * `Schema.getGlobalDescribe()`); maps Apex code creates stay case-sensitive.
   */
  ignoreKeyCase = false;
  constructor(
    public key: TypeDesc,
    public val: TypeDesc,
  ) {}
  private keyFor(k: Value): unknown {
    return this.ignoreKeyCase && typeof k === 'string' ? k.toLowerCase() : keyOf(k);
  }
  get(k: Value): Value {
    return this.map.get(this.keyFor(k))?.[1] ?? null;
  }
  put(k: Value, v: Value): Value {
    const kk = this.keyFor(k);
    const old = this.map.get(kk);
    this.map.set(kk, [old ? old[0] : k, v]);
    return old ? old[1] : null;
  }
  has(k: Value): boolean {
    return this.map.has(this.keyFor(k));
  }
  delete(k: Value): Value {
    const kk = this.keyFor(k);
    const old = this.map.get(kk);
    this.map.delete(kk);
    return old ? old[1] : null;
  }
}

export interface SObjectField {
  name: string; // canonical API name
  value: Value;
}

export class SObjectV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  /** lower-case field name -> value; relationship fields hold SObjectV, child relationships hold ListV */
  readonly fields = new Map<string, SObjectField>();
  /** lower-case names of fields selected by the SOQL that produced this record; null when not from a query */
  queried: Set<string> | null = null;
  constructor(readonly type: string) {}
}

export class ObjectV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  readonly fields = new Map<string, Value>();
  constructor(readonly cls: ClassInfo) {}
}

export class EnumV {
  constructor(
    readonly enumType: string,
    readonly name: string,
    readonly ordinal: number,
  ) {}
}

/** A `Type` value (`String.class`, `Type.forName('X')`). */
export class TypeV {
  constructor(readonly type: TypeDesc) {}
}

/** An instance of a standard-library class implemented in TypeScript (HttpRequest, Database.SaveResult, …). */
export class NativeV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  constructor(
    readonly typeName: string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each native type keeps its own state shape
    readonly data: any,
  ) {}
}

export type Value =
  | null
  | boolean
  | string
  | IntV
  | LongV
  | DecimalV
  | DoubleV
  | DateV
  | DatetimeV
  | TimeV
  | BlobV
  | ListV
  | SetV
  | MapV
  | SObjectV
  | ObjectV
  | EnumV
  | TypeV
  | NativeV;

const smallInts: IntV[] = [];
for (let i = -128; i <= 1024; i++) smallInts.push(new IntV(i));

/** Integer arithmetic wraps at 32 bits (Apex Developer Guide, "Primitive Data Types": Integer is a 32-bit number). */
export function int(n: number): IntV {
  const v = n | 0;
  return v >= -128 && v <= 1024 ? smallInts[v + 128] : new IntV(v);
}
export function long(n: bigint): LongV {
  return new LongV(BigInt.asIntN(64, n));
}
export function dec(n: Dec | string | number, scale?: number): DecimalV {
  if (typeof n === 'string' && scale === undefined) {
    const m = /\.(\d+)/.exec(n.replace(/[eE].*$/, ''));
    scale = m ? m[1].length : 0;
  }
  return new DecimalV(n instanceof D ? n : new D(n), scale);
}
export function dbl(n: number): DoubleV {
  return new DoubleV(n);
}

export function isNumber(v: Value): v is IntV | LongV | DecimalV | DoubleV {
  return v instanceof IntV || v instanceof LongV || v instanceof DecimalV || v instanceof DoubleV;
}

export function toJsNumber(v: IntV | LongV | DecimalV | DoubleV): number {
  if (v instanceof LongV) return Number(v.v);
  if (v instanceof DecimalV) return v.v.toNumber();
  return v.v;
}

export function toDecimal(v: IntV | LongV | DecimalV | DoubleV): Dec {
  if (v instanceof DecimalV) return v.v;
  if (v instanceof LongV) return new D(v.v.toString());
  return new D(v.v);
}

export function typeNameOf(v: Value): string {
  if (v === null) return 'null';
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
  if (v instanceof ListV) return `List<${v.elem.name}>`;
  if (v instanceof SetV) return `Set<${v.elem.name}>`;
  if (v instanceof MapV) return `Map<${v.key.name},${v.val.name}>`;
  if (v instanceof SObjectV) return v.type;
  if (v instanceof ObjectV) return v.cls.name;
  if (v instanceof EnumV) return v.enumType;
  if (v instanceof TypeV) return 'Type';
  return v.typeName;
}
