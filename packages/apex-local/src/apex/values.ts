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
  /** for loops running over this list now (a structural change meanwhile throws System.FinalException) */
  iterating = 0;
  /** bumped on every structural change (add, remove, clear): an Iterator over the list notices it */
  modCount = 0;
  constructor(
    public elem: TypeDesc,
    public items: Value[] = [],
  ) {}
}

/**
 * How a user-defined class takes part in equality: its own `equals(Object)` / `hashCode()` when it declares them,
 * run by the interpreter (`undefined`: not overridden). Apex Developer Guide, "Using Custom Types in Map Keys and
 * Sets": "Apex uses these two methods to determine equality and uniqueness of keys for your objects."
 */
export interface ObjectEquality {
  /** does the object's class (or a superclass) declare equals or hashCode? */
  overridesEquality(a: ObjectV): boolean;
  userEquals(a: ObjectV, b: Value): boolean | undefined;
  userHashCode(a: ObjectV): number | undefined;
}

/** The key of a value whose equality needs a user `equals()`: entries with the same hash are compared one by one. */
class HashedKey {
  constructor(readonly hash: string) {}
}

/** canonical keys of non-String values start with this character; a String that does too is escaped */
const MARK = '\u0001';
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(o: object): string {
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = nextIdentity++));
  return '#' + id;
}

/** A type's full name, lower-cased, with its type arguments: `list<account>` differs from `list<contact>`. */
export function typeKey(t: TypeDesc): string {
  const n = t.name.toLowerCase();
  return t.args.length ? `${n}<${t.args.map(typeKey).join(',')}>` : n;
}

/** Schema tokens are values: equal when they name the same object / field (names are case-insensitive). */
function nativeCanon(v: NativeV): string {
  if (v.typeName === 'Schema.SObjectType') return 'N' + String(v.data.name).toLowerCase();
  if (v.typeName === 'Schema.SObjectField')
    return 'F' + String(v.data.object).toLowerCase() + '.' + String(v.data.field).toLowerCase();
  if (v.typeName.startsWith('Schema.')) return 'X' + v.typeName + JSON.stringify(v.data);
  return identity(v);
}

/**
 * The canonical text of a value under Apex key equality (`equals`, Map keys, Set elements): Strings
 * case-sensitive, numbers by value (Integer and Long alike), collections element by element, SObjects by their
 * field values, Schema tokens and enums by name, user objects by their `hashCode()` (`st.hashed` then says an
 * `equals()` must confirm), everything else by identity.
 */
function canon(v: Value, st: { hashed: boolean }): string {
  if (v === null) return 'n';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  if (v instanceof IntV || v instanceof LongV) return 'i' + v.v;
  if (v instanceof DecimalV) return 'd' + v.v.toFixed(v.scale);
  if (v instanceof DoubleV) return 'f' + v.v;
  if (v instanceof DateV) return 'D' + v.days;
  if (v instanceof DatetimeV) return 'T' + v.ms;
  if (v instanceof TimeV) return 't' + v.ms;
  if (v instanceof BlobV) return 'B' + v.bytes.toString('base64');
  if (v instanceof EnumV) return 'E' + v.enumType.toLowerCase() + '.' + v.name.toLowerCase();
  if (v instanceof TypeV) return 'Y' + typeKey(v.type);
  if (v instanceof NativeV) return nativeCanon(v);
  if (v instanceof ListV) return 'L[' + v.items.map((x) => canon(x, st)).join(',') + ']';
  if (v instanceof SetV)
    return (
      'Z[' +
      v
        .values()
        .map((x) => canon(x, st))
        .sort()
        .join(',') +
      ']'
    );
  if (v instanceof MapV)
    return (
      'M[' +
      [...v.map.values()]
        .map(([k, x]) => canon(k, st) + '=' + canon(x, st))
        .sort()
        .join(',') +
      ']'
    );
  if (v instanceof SObjectV)
    return (
      'S' +
      v.type.toLowerCase() +
      '{' +
      [...v.fields.entries()]
        .map(([k, f]) => k + ':' + canon(f.value, st))
        .sort()
        .join(',') +
      '}'
    );
  const eq = v.eq;
  if (eq?.overridesEquality(v)) {
    // equals without hashCode (or the reverse) behaves as in Java: the default hash is the identity
    st.hashed = true;
    const h = eq.userHashCode(v);
    return h === undefined ? identity(v) : 'O' + h;
  }
  return identity(v);
}

/**
 * Set and Map keys (Apex Reference Guide, "Map Class" and "Set Class"; Apex Developer Guide, "Maps", "Sets",
 * "Using Custom Types in Map Keys and Sets"): Strings case-sensitive, Ids as given (typed Id keys are 18
 * characters by conversion), collections and SObjects by value, user types by `equals`/`hashCode`, the rest by
 * identity. Returns a JS Map key, or a HashedKey when a user `equals()` must decide.
 */
export function keyOf(v: Value): unknown {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.charCodeAt(0) === 1 ? MARK + 's' + v : v;
  if (v instanceof IntV) return v.v;
  if (v instanceof LongV) {
    const n = Number(v.v);
    return Number.isSafeInteger(n) ? n : MARK + 'i' + v.v;
  }
  if (v instanceof ObjectV && !v.eq) return v;
  const st = { hashed: false };
  const c = canon(v, st);
  return st.hashed ? new HashedKey(c) : c.startsWith('#') ? v : MARK + c;
}

/** `equals()` semantics (Map keys, Set elements, List.contains): like keyOf, with user `equals()` deciding. */
export function keyEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof ObjectV) return a.eq?.userEquals(a, b) ?? false;
  if (a instanceof ListV)
    return b instanceof ListV && a.items.length === b.items.length && a.items.every((x, i) => keyEquals(x, b.items[i]));
  if (a instanceof SetV) return b instanceof SetV && a.size === b.size && a.values().every((x) => b.has(x));
  if (a instanceof MapV)
    return (
      b instanceof MapV &&
      a.size === b.size &&
      [...a.map.values()].every(([k, x]) => b.has(k) && keyEquals(x, b.get(k)))
    );
  if (a instanceof SObjectV) {
    if (!(b instanceof SObjectV) || a.type.toLowerCase() !== b.type.toLowerCase() || a.fields.size !== b.fields.size)
      return false;
    for (const [k, f] of a.fields) {
      const o = b.fields.get(k);
      if (!o || !keyEquals(f.value, o.value)) return false;
    }
    return true;
  }
  const ka = keyOf(a);
  return !(ka instanceof HashedKey) && ka === keyOf(b);
}

type Buckets = Map<string, { key: Value; slot: object }[]>;

/**
 * Where key `k` sits in a Set's or Map's JS map: its canonical key, or, for keys a user `equals()` decides, the
 * slot of an equal key already there (a new slot when `create`, else undefined).
 */
function slotOf(owner: { buckets: Buckets | null }, k: Value, create: boolean): unknown {
  if (typeof k === 'string' && k.charCodeAt(0) !== 1) return k; // the common case first
  const c = keyOf(k);
  if (!(c instanceof HashedKey)) return c;
  let list = owner.buckets?.get(c.hash);
  // as Java's HashMap: the probe's equals() is asked about each stored key of the same hash
  if (list) for (const e of list) if (keyEquals(k, e.key)) return e.slot;
  if (!create) return undefined;
  if (!owner.buckets) owner.buckets = new Map();
  if (!list) owner.buckets.set(c.hash, (list = []));
  const slot = {};
  list.push({ key: k, slot });
  return slot;
}

function dropSlot(owner: { buckets: Buckets | null }, slot: unknown): void {
  if (!owner.buckets || typeof slot !== 'object' || slot === null) return;
  for (const [h, list] of owner.buckets) {
    const i = list.findIndex((e) => e.slot === slot);
    if (i >= 0) {
      list.splice(i, 1);
      if (!list.length) owner.buckets.delete(h);
      return;
    }
  }
}

export class SetV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  private readonly entries = new Map<unknown, Value>();
  buckets: Buckets | null = null;
  /**
   * Map.keySet(): "the returned keySet is backed by the map and reflects any changes made to the map, and vice
   * versa" (Apex Reference Guide, "Map Class"); removals go to the map, the set follows the map's changes.
   */
  backing: MapV | null = null;
  /** for loops running over this set now (a change meanwhile stops as LOCAL_UNSUPPORTED) */
  iterating = 0;
  private seen = -1;
  constructor(public elem: TypeDesc) {}
  /** elements by key, in insertion order (read-only outside this class: use add/delete/clear) */
  get map(): Map<unknown, Value> {
    if (this.backing && this.backing.version !== this.seen) this.sync(this.backing);
    return this.entries;
  }
  private sync(m: MapV): void {
    this.entries.clear();
    this.buckets = null;
    for (const [k] of m.map.values()) this.entries.set(slotOf(this, k, true), k);
    this.seen = m.version;
  }
  get size(): number {
    return this.map.size;
  }
  add(v: Value): boolean {
    const m = this.map;
    const k = slotOf(this, v, true);
    if (m.has(k)) return false;
    m.set(k, v);
    return true;
  }
  has(v: Value): boolean {
    return this.map.has(slotOf(this, v, false));
  }
  delete(v: Value): boolean {
    if (this.backing) {
      const had = this.backing.has(v);
      this.backing.delete(v);
      return had;
    }
    const k = slotOf(this, v, false);
    dropSlot(this, k);
    return this.entries.delete(k);
  }
  clear(): void {
    if (this.backing) this.backing.clear();
    this.entries.clear();
    this.buckets = null;
  }
  values(): Value[] {
    return [...this.map.values()];
  }
}

export class MapV {
  /** walk number of the last heap estimate that counted this value (apex/interp/heap.ts) */
  heapMark = 0;
  /** key -> [key, value] in insertion order (read-only outside this class: use put/delete/clear) */
  readonly map = new Map<unknown, [Value, Value]>();
  buckets: Buckets | null = null;
  /** bumped when a key is added or removed (keySet views follow it) */
  version = 0;
  /** for loops running over this map's keySet() view now (a change meanwhile stops as LOCAL_UNSUPPORTED) */
  iterating = 0;
  /**
   * String keys compared ignoring case: only the describe maps the platform builds (`fields.getMap()`,
   * `Schema.getGlobalDescribe()`); maps Apex code creates stay case-sensitive.
   */
  ignoreKeyCase = false;
  constructor(
    public key: TypeDesc,
    public val: TypeDesc,
  ) {}
  private keyFor(k: Value, create: boolean): unknown {
    return this.ignoreKeyCase && typeof k === 'string' ? k.toLowerCase() : slotOf(this, k, create);
  }
  get size(): number {
    return this.map.size;
  }
  get(k: Value): Value {
    return this.map.get(this.keyFor(k, false))?.[1] ?? null;
  }
  put(k: Value, v: Value): Value {
    const kk = this.keyFor(k, true);
    const old = this.map.get(kk);
    if (!old) this.version++;
    this.map.set(kk, [old ? old[0] : k, v]);
    return old ? old[1] : null;
  }
  has(k: Value): boolean {
    return this.map.has(this.keyFor(k, false));
  }
  delete(k: Value): Value {
    const kk = this.keyFor(k, false);
    const old = this.map.get(kk);
    if (!old) return null;
    this.map.delete(kk);
    dropSlot(this, kk);
    this.version++;
    return old[1];
  }
  clear(): void {
    this.map.clear();
    this.buckets = null;
    this.version++;
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
  constructor(
    readonly cls: ClassInfo,
    /** runs the class's equals/hashCode overrides for Map keys and Set elements */
    readonly eq: ObjectEquality | null = null,
  ) {}
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
