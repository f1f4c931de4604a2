/** List, Set and Map methods (Apex Reference Guide, "List Class", "Set Class", "Map Class"). */
import type { ExecutionContext } from '../interp/context.ts';
import { compare } from '../interp/operators.ts';
import { formatValue } from '../interp/format.ts';
import {
  IntV,
  ListV,
  MapV,
  ObjectV,
  SetV,
  SObjectV,
  EnumV,
  int,
  keyEquals,
  type TypeDesc,
  type Value,
} from '../values.ts';
import { intArg } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn } from './types.ts';

function index(ix: ExecutionContext, l: ListV, v: Value, allowEnd = false): number {
  const i = intArg(ix, v);
  if (i < 0 || i > l.items.length || (!allowEnd && i === l.items.length))
    ix.fail('System.ListException', `List index out of bounds: ${i}`);
  return i;
}

/** List.sort(): primitives ascending, SObjects by their field order, Comparable objects by compareTo. */
function sortList(ix: ExecutionContext, l: ListV, comparator: Value): void {
  const cmp = (a: Value, b: Value): number => {
    if (comparator instanceof ObjectV) return (ix.callMethod(comparator, 'compare', [a, b]) as IntV).v;
    if (a === null) return b === null ? 0 : -1;
    if (b === null) return 1;
    if (a instanceof ObjectV) return (ix.callMethod(a, 'compareTo', [b]) as IntV).v;
    if (a instanceof EnumV && b instanceof EnumV) return a.ordinal - b.ordinal;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof SObjectV || typeof a === 'boolean')
      return formatValue(a) < formatValue(b) ? -1 : formatValue(a) > formatValue(b) ? 1 : 0;
    return compare('<', a, b, ix.fail) ? -1 : compare('>', a, b, ix.fail) ? 1 : 0;
  };
  // stable merge sort like the platform's
  const sorted = l.items.map((v, i) => ({ v, i })).sort((x, y) => cmp(x.v, y.v) || x.i - y.i);
  l.items.splice(0, l.items.length, ...sorted.map((x) => x.v));
}

/** An argument converted to a primitive element type first, as the compiler does (a 15-character Id finds its 18-character element). */
function probe(ix: ExecutionContext, elem: TypeDesc, v: Value): Value {
  return elem.kind === 'prim' ? ix.coerce(v, elem) : v;
}

function itemsOf(ix: ExecutionContext, src: Value): Value[] {
  if (src instanceof ListV) return src.items;
  if (src instanceof SetV) return src.values();
  return ix.fail('System.NullPointerException', 'Argument cannot be null.');
}

/** Map.keySet() is a view of the map: elements can be removed, not added (removals reach the map). */
function refuseKeySetAdd(ix: ExecutionContext, s: SetV): void {
  if (s.backing) ix.unsupported('adding to the Set returned by Map.keySet()');
}

const listMethods: Record<string, MethodFn> = {
  size: (_ix, l: ListV) => int(l.items.length),
  isempty: (_ix, l: ListV) => l.items.length === 0,
  get: (ix, l: ListV, [i]) => l.items[index(ix, l, i)],
  add: (ix, l: ListV, [a, b]) => {
    if (b === undefined) l.items.push(ix.coerce(a, l.elem));
    else l.items.splice(index(ix, l, a, true), 0, ix.coerce(b, l.elem));
    return null;
  },
  addall: (ix, l: ListV, [src]) => {
    if (src instanceof ListV) l.items.push(...src.items.map((x) => ix.coerce(x, l.elem)));
    else if (src instanceof SetV) l.items.push(...src.values().map((x) => ix.coerce(x, l.elem)));
    else ix.fail('System.NullPointerException', 'Argument cannot be null.');
    return null;
  },
  set: (ix, l: ListV, [i, v]) => {
    l.items[index(ix, l, i)] = ix.coerce(v, l.elem);
    return null;
  },
  remove: (ix, l: ListV, [i]) => l.items.splice(index(ix, l, i), 1)[0],
  clear: (_ix, l: ListV) => {
    l.items.length = 0;
    return null;
  },
  // List.contains / indexOf compare with equals() (Apex Reference Guide, "List Class"): Strings case-sensitively,
  // collections and SObjects by value, user types through their equals()
  contains: (ix, l: ListV, [v]) => {
    const p = probe(ix, l.elem, v);
    return l.items.some((x) => keyEquals(p, x));
  },
  indexof: (ix, l: ListV, [v]) => {
    const p = probe(ix, l.elem, v);
    return int(l.items.findIndex((x) => keyEquals(p, x)));
  },
  clone: (_ix, l: ListV) => new ListV(l.elem, [...l.items]),
  deepclone: (ix, l: ListV, [preserveId]) =>
    new ListV(
      l.elem,
      l.items.map((x) => (x instanceof SObjectV ? ix.sobjects.clone(x, preserveId === true, true) : x)),
    ),
  sort: (ix, l: ListV, [c]) => {
    sortList(ix, l, c ?? null);
    return null;
  },
  equals: (ix, l: ListV, [o]) => ix.equals(l, o),
  hashcode: (_ix, l: ListV) => int(l.items.length),
  tostring: (_ix, l: ListV) => formatValue(l),
};

const setMethods: Record<string, MethodFn> = {
  size: (_ix, s: SetV) => int(s.size),
  isempty: (_ix, s: SetV) => s.size === 0,
  add: (ix, s: SetV, [v]) => {
    refuseKeySetAdd(ix, s);
    return s.add(ix.coerce(v, s.elem));
  },
  addall: (ix, s: SetV, [src]) => {
    const items = itemsOf(ix, src);
    refuseKeySetAdd(ix, s);
    let changed = false;
    for (const x of items) changed = s.add(ix.coerce(x, s.elem)) || changed;
    return changed;
  },
  contains: (ix, s: SetV, [v]) => s.has(probe(ix, s.elem, v)),
  containsall: (ix, s: SetV, [src]) => itemsOf(ix, src).every((x) => s.has(probe(ix, s.elem, x))),
  remove: (ix, s: SetV, [v]) => s.delete(probe(ix, s.elem, v)),
  removeall: (ix, s: SetV, [src]) => {
    let changed = false;
    for (const x of itemsOf(ix, src)) changed = s.delete(probe(ix, s.elem, x)) || changed;
    return changed;
  },
  retainall: (ix, s: SetV, [src]) => {
    const keep = new SetV(s.elem);
    for (const x of itemsOf(ix, src)) keep.add(probe(ix, s.elem, x));
    let changed = false;
    for (const x of s.values())
      if (!keep.has(x)) {
        s.delete(x);
        changed = true;
      }
    return changed;
  },
  clear: (_ix, s: SetV) => {
    s.clear();
    return null;
  },
  clone: (_ix, s: SetV) => {
    const c = new SetV(s.elem);
    for (const v of s.values()) c.add(v);
    return c;
  },
  equals: (ix, s: SetV, [o]) => ix.equals(s, o),
  hashcode: (_ix, s: SetV) => int(s.size),
  tostring: (_ix, s: SetV) => formatValue(s),
};

const mapMethods: Record<string, MethodFn> = {
  size: (_ix, m: MapV) => int(m.size),
  isempty: (_ix, m: MapV) => m.size === 0,
  // keys are converted to the key type first, so a 15-character Id finds its 18-character key
  get: (ix, m: MapV, [k]) => m.get(ix.coerce(k, m.key)),
  put: (ix, m: MapV, [k, v]) => m.put(ix.coerce(k, m.key), ix.coerce(v, m.val)),
  putall: (ix, m: MapV, [src]) => {
    if (src instanceof MapV) for (const [k, v] of src.map.values()) m.put(k, v);
    else if (src instanceof ListV)
      for (const r of src.items) if (r instanceof SObjectV) m.put(ix.sobjects.get(r, 'Id'), r);
    return null;
  },
  containskey: (ix, m: MapV, [k]) => m.has(ix.coerce(k, m.key)),
  remove: (ix, m: MapV, [k]) => m.delete(ix.coerce(k, m.key)),
  // "the returned keySet is backed by the map and reflects any changes made to the map, and vice versa" (Map Class)
  keyset: (_ix, m: MapV) => {
    const s = new SetV(m.key);
    s.backing = m;
    return s;
  },
  values: (_ix, m: MapV) =>
    new ListV(
      m.val,
      [...m.map.values()].map(([, v]) => v),
    ),
  clear: (_ix, m: MapV) => {
    m.clear();
    return null;
  },
  clone: (_ix, m: MapV) => {
    const c = new MapV(m.key, m.val);
    c.ignoreKeyCase = m.ignoreKeyCase;
    for (const [k, v] of m.map.values()) c.put(k, v);
    return c;
  },
  equals: (ix, m: MapV, [o]) => ix.equals(m, o),
  hashcode: (_ix, m: MapV) => int(m.size),
  tostring: (_ix, m: MapV) => formatValue(m),
};

export function installCollections(lib: Stdlib): void {
  lib.addValueMethods('List', listMethods);
  lib.addValueMethods('Set', setMethods);
  lib.addValueMethods('Map', mapMethods);
}
