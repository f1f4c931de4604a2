/**
 * An estimate of the Apex heap: the bytes of every value reachable from the call stack and the static variables.
 * The platform does not publish its accounting; this counts Strings by length, numbers and dates by their width
 * (per reference) and a small overhead per object (once per object), which is close enough to watch budgets
 * (Limits.getHeapSize) and the 6 MB / 12 MB limits.
 *
 * It runs often (sampled while Apex runs, and on every Limits.getHeapSize()), so the walk avoids allocation: objects
 * are marked with the walk's number instead of being collected in a Set, and Strings and scalars held by records,
 * lists and maps are counted in place instead of being pushed on the work stack.
 */
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
  TimeV,
  type Value,
} from '../values.ts';

const OBJECT_OVERHEAD = 8;

/** the number of the current walk; objects whose heapMark equals it were already counted */
let walk = 0;

type Container = ListV | SetV | MapV | SObjectV | ObjectV | NativeV;

/** Bytes of a value that holds no other values (0 for containers, which are pushed instead). */
function scalarBytes(v: Value): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') return v.length;
  if (typeof v === 'boolean') return 1;
  if (v instanceof IntV || v instanceof EnumV) return 4;
  if (v instanceof DecimalV) return 8 + Math.ceil(v.v.precision(true) / 2);
  if (v instanceof BlobV) return v.bytes.length;
  if (v instanceof LongV || v instanceof DoubleV || v instanceof DateV || v instanceof DatetimeV || v instanceof TimeV)
    return 8;
  return 0;
}

function isContainer(v: unknown): v is Container {
  return (
    v instanceof SObjectV ||
    v instanceof ListV ||
    v instanceof MapV ||
    v instanceof ObjectV ||
    v instanceof SetV ||
    v instanceof NativeV
  );
}

/** `bytes`: the estimate; `visited`: objects walked (records, collections, class instances), to space the samples. */
export function estimateHeap(roots: Iterable<Value>): { bytes: number; visited: number } {
  const mark = ++walk;
  let bytes = 0;
  let visited = 0;
  const stack: Container[] = [];
  /** count a held value: scalars now, unvisited containers later */
  const hold = (x: Value): void => {
    if (typeof x === 'string') bytes += x.length;
    else if (isContainer(x)) {
      if (x.heapMark !== mark) stack.push(x);
    } else bytes += scalarBytes(x);
  };
  for (const r of roots) hold(r);
  while (stack.length) {
    const v = stack.pop()!;
    if (v.heapMark === mark) continue;
    v.heapMark = mark;
    visited++;
    bytes += OBJECT_OVERHEAD;
    if (v instanceof SObjectV) {
      for (const f of v.fields.values()) hold(f.value);
    } else if (v instanceof ListV) {
      for (const x of v.items) hold(x);
    } else if (v instanceof MapV) {
      for (const [k, x] of v.map.values()) {
        hold(k);
        hold(x);
      }
    } else if (v instanceof ObjectV) {
      for (const [k, x] of v.fields) if (!k.startsWith('$')) hold(x);
    } else if (v instanceof SetV) {
      for (const x of v.map.values()) hold(x);
    } else {
      const d = v.data as Record<string, unknown> | null;
      if (d && typeof d === 'object')
        for (const x of Object.values(d)) if (typeof x === 'string' || x instanceof Object) hold(x as Value);
    }
  }
  return { bytes, visited };
}
