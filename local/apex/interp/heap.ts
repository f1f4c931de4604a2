/**
 * An estimate of the Apex heap: the bytes of every value reachable from the call stack and the static variables.
 * The platform does not publish its accounting; this counts Strings by length, numbers and dates by their width
 * and a small overhead per object, which is close enough to watch budgets (Limits.getHeapSize) and the 6 MB /
 * 12 MB limits.
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

export function estimateHeap(roots: Iterable<Value>): { bytes: number; visited: number } {
  const seen = new Set<object>();
  let bytes = 0;
  const stack: Value[] = [...roots];
  while (stack.length) {
    const v = stack.pop()!;
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') {
      bytes += v.length;
      continue;
    }
    if (typeof v === 'boolean') {
      bytes += 1;
      continue;
    }
    if (seen.has(v)) continue;
    seen.add(v);
    if (v instanceof IntV) bytes += 4;
    else if (
      v instanceof LongV ||
      v instanceof DoubleV ||
      v instanceof DateV ||
      v instanceof DatetimeV ||
      v instanceof TimeV
    )
      bytes += 8;
    else if (v instanceof DecimalV) bytes += 8 + Math.ceil(v.v.precision(true) / 2);
    else if (v instanceof BlobV) bytes += v.bytes.length;
    else if (v instanceof EnumV) bytes += 4;
    else if (v instanceof ListV) {
      bytes += OBJECT_OVERHEAD;
      for (const x of v.items) stack.push(x);
    } else if (v instanceof SetV) {
      bytes += OBJECT_OVERHEAD;
      for (const x of v.map.values()) stack.push(x);
    } else if (v instanceof MapV) {
      bytes += OBJECT_OVERHEAD;
      for (const [k, x] of v.map.values()) stack.push(k, x);
    } else if (v instanceof SObjectV) {
      bytes += OBJECT_OVERHEAD;
      for (const f of v.fields.values()) stack.push(f.value);
    } else if (v instanceof ObjectV) {
      bytes += OBJECT_OVERHEAD;
      for (const [k, x] of v.fields) if (!k.startsWith('$')) stack.push(x);
    } else if (v instanceof NativeV) {
      bytes += OBJECT_OVERHEAD;
      const d = v.data as Record<string, unknown> | null;
      if (d && typeof d === 'object')
        for (const x of Object.values(d)) if (typeof x === 'string' || x instanceof Object) stack.push(x as Value);
    }
  }
  return { bytes, visited: seen.size };
}
