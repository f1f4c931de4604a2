/** List, Set and Map methods (Apex Reference Guide, "List Class", "Set Class", "Map Class"). */
import type { ExecutionContext } from '../interp/context.ts';
import { compare } from '../interp/operators.ts';
import { formatValue } from '../interp/format.ts';
import {
  IntV,
  ListV,
  MapV,
  NativeV,
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

/**
 * A structural change (add, remove, clear) to a list a for loop is running over. Apex Developer Guide, "Iterating
 * Collections": "Modifying a collection's elements while iterating through that collection is not supported and
 * causes an error"; for a List the platform throws `System.FinalException: Cannot modify a collection while it is
 * being iterated.`
 */
function listChange(ix: ExecutionContext, l: ListV): void {
  if (l.iterating > 0) ix.fail('System.FinalException', 'Cannot modify a collection while it is being iterated.');
  l.modCount++;
}

/**
 * A change to a Set (or to a map through its keySet() view) a for loop is running over. The guide says it is an
 * error, yet real orgs are reported to accept some of these changes on Sets: what happens is not settled, so the
 * local org stops instead of guessing.
 */
function setChange(ix: ExecutionContext, s: SetV): void {
  if (s.iterating > 0 || (s.backing && s.backing.iterating > 0))
    ix.unsupported('modifying a Set while a for loop iterates over it');
}

function mapChange(ix: ExecutionContext, m: MapV, newKey: boolean): void {
  if (m.iterating > 0 && newKey) ix.unsupported('adding or removing Map keys while a for loop iterates its keySet()');
}

/**
 * List.iterator() / Set.iterator() (Apex Reference Guide, "List Class", "Set Class"): an `Iterator` with hasNext()
 * and next() over the collection. A list changed while the iterator is in use, or next() past the end, stops as
 * LOCAL_UNSUPPORTED (what the platform throws there is not documented).
 */
export function collectionIterator(source: ListV | SetV): NativeV {
  const items = source instanceof ListV ? null : source.values();
  return new NativeV('Iterator', { source, items, pos: 0, mod: source instanceof ListV ? source.modCount : 0 });
}

interface IteratorState {
  source: ListV | SetV;
  items: Value[] | null;
  pos: number;
  mod: number;
}

function iteratorItems(ix: ExecutionContext, st: IteratorState): Value[] {
  if (st.source instanceof ListV) {
    if (st.source.modCount !== st.mod)
      ix.unsupported('changing a List while an Iterator from List.iterator() is in use');
    return st.source.items;
  }
  return st.items!;
}

export const iteratorMethods: Record<string, MethodFn> = {
  hasnext: (ix, it: NativeV) => {
    const st = it.data as IteratorState;
    return st.pos < iteratorItems(ix, st).length;
  },
  next: (ix, it: NativeV) => {
    const st = it.data as IteratorState;
    const items = iteratorItems(ix, st);
    if (st.pos >= items.length) ix.unsupported('Iterator.next() past the end of the collection');
    return items[st.pos++];
  },
};

const listMethods: Record<string, MethodFn> = {
  size: (_ix, l: ListV) => int(l.items.length),
  isempty: (_ix, l: ListV) => l.items.length === 0,
  get: (ix, l: ListV, [i]) => l.items[index(ix, l, i)],
  add: (ix, l: ListV, [a, b]) => {
    listChange(ix, l);
    if (b === undefined) l.items.push(ix.coerce(a, l.elem));
    else l.items.splice(index(ix, l, a, true), 0, ix.coerce(b, l.elem));
    return null;
  },
  addall: (ix, l: ListV, [src]) => {
    listChange(ix, l);
    if (src instanceof ListV) l.items.push(...src.items.map((x) => ix.coerce(x, l.elem)));
    else if (src instanceof SetV) l.items.push(...src.values().map((x) => ix.coerce(x, l.elem)));
    else ix.fail('System.NullPointerException', 'Argument cannot be null.');
    return null;
  },
  set: (ix, l: ListV, [i, v]) => {
    l.items[index(ix, l, i)] = ix.coerce(v, l.elem);
    return null;
  },
  remove: (ix, l: ListV, [i]) => {
    const at = index(ix, l, i);
    listChange(ix, l);
    return l.items.splice(at, 1)[0];
  },
  clear: (ix, l: ListV) => {
    listChange(ix, l);
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
  iterator: (_ix, l: ListV) => collectionIterator(l),
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
    const e = ix.coerce(v, s.elem);
    if (!s.has(e)) setChange(ix, s);
    return s.add(e);
  },
  addall: (ix, s: SetV, [src]) => {
    const items = itemsOf(ix, src);
    refuseKeySetAdd(ix, s);
    if (items.some((x) => !s.has(ix.coerce(x, s.elem)))) setChange(ix, s);
    let changed = false;
    for (const x of items) changed = s.add(ix.coerce(x, s.elem)) || changed;
    return changed;
  },
  contains: (ix, s: SetV, [v]) => s.has(probe(ix, s.elem, v)),
  containsall: (ix, s: SetV, [src]) => itemsOf(ix, src).every((x) => s.has(probe(ix, s.elem, x))),
  remove: (ix, s: SetV, [v]) => {
    const e = probe(ix, s.elem, v);
    if (s.has(e)) setChange(ix, s);
    return s.delete(e);
  },
  removeall: (ix, s: SetV, [src]) => {
    if (itemsOf(ix, src).some((x) => s.has(probe(ix, s.elem, x)))) setChange(ix, s);
    let changed = false;
    for (const x of itemsOf(ix, src)) changed = s.delete(probe(ix, s.elem, x)) || changed;
    return changed;
  },
  retainall: (ix, s: SetV, [src]) => {
    const keep = new SetV(s.elem);
    for (const x of itemsOf(ix, src)) keep.add(probe(ix, s.elem, x));
    if (s.values().some((x) => !keep.has(x))) setChange(ix, s);
    let changed = false;
    for (const x of s.values())
      if (!keep.has(x)) {
        s.delete(x);
        changed = true;
      }
    return changed;
  },
  clear: (ix, s: SetV) => {
    if (s.size > 0) setChange(ix, s);
    s.clear();
    return null;
  },
  iterator: (_ix, s: SetV) => collectionIterator(s),
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
  put: (ix, m: MapV, [k, v]) => {
    const key = ix.coerce(k, m.key);
    mapChange(ix, m, !m.has(key));
    return m.put(key, ix.coerce(v, m.val));
  },
  putall: (ix, m: MapV, [src]) => {
    mapChange(ix, m, true);
    if (src instanceof MapV) for (const [k, v] of src.map.values()) m.put(k, v);
    else if (src instanceof ListV)
      src.items.forEach((r, i) => {
        if (!(r instanceof SObjectV)) return;
        const id = ix.sobjects.get(r, 'Id');
        // as the Map(List<SObject>) constructor: a record without an Id cannot be keyed
        if (id === null) ix.fail('System.ListException', `Row with null Id at index: ${i}`);
        m.put(id, r);
      });
    else if (src === null) ix.fail('System.NullPointerException', 'Argument cannot be null.');
    return null;
  },
  containskey: (ix, m: MapV, [k]) => m.has(ix.coerce(k, m.key)),
  remove: (ix, m: MapV, [k]) => {
    const key = ix.coerce(k, m.key);
    mapChange(ix, m, m.has(key));
    return m.delete(key);
  },
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
  clear: (ix, m: MapV) => {
    mapChange(ix, m, m.size > 0);
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
