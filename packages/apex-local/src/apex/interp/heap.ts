/**
 * Heap metering. estimateHeap: the bytes of every value reachable from the call stack and the static variables.
 * The platform does not publish its accounting; this counts Strings by length, numbers and dates by their width
 * (per reference) and a small overhead per object (once per object), which is close enough to watch budgets
 * (Limits.getHeapSize) and the 6 MB / 12 MB limits.
 *
 * It runs often (sampled while Apex runs, and on every Limits.getHeapSize()), so the walk avoids allocation: objects
 * are marked with the walk's number instead of being collected in a Set, and Strings and scalars held by records,
 * lists and maps are counted in place instead of being pushed on the work stack.
 *
 * HeapMeter decides when to sample while Apex runs, keeps the transaction's peak and reports each sample to the org,
 * which enforces the limit.
 */
import type { OrgApi } from '../../org/api.ts';
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

/** statements between two heap samples, at least */
const MIN_HEAP_SAMPLE_STATEMENTS = 1000;
/** statements per object walked between two heap samples while the heap is below half its limit */
const HEAP_SAMPLE_SPACING = 8;
/** bytes of large native allocations (JSON, query rows) after which the heap is sampled at the next statement */
const LARGE_ALLOCATION_BYTES = 256 * 1024;

/** What the meter needs: the org (which enforces the limit) and a way to turn its LimitException into Apex. */
export interface HeapMeterHost {
  readonly org: Pick<OrgApi, 'reportHeap' | 'limits'>;
  fromOrgError(e: unknown): never;
}

export class HeapMeter {
  /** the largest heap estimate seen in the current transaction */
  peak = 0;
  /** the executed-statement count at which the next sample is due */
  nextSample = MIN_HEAP_SAMPLE_STATEMENTS;
  private allocatedSinceSample = 0;

  constructor(private readonly host: HeapMeterHost) {}

  /** a new transaction: no peak yet, first sample after the minimum spacing */
  reset(statementsExecuted: number): void {
    this.peak = 0;
    this.nextSample = statementsExecuted + MIN_HEAP_SAMPLE_STATEMENTS;
  }

  /** Measure the heap held by these roots, tell the org (which enforces the limit), schedule the next sample. */
  sample(roots: Value[], statementsExecuted: number): number {
    const { bytes, visited } = estimateHeap(roots);
    this.allocatedSinceSample = 0;
    if (bytes > this.peak) this.peak = bytes;
    try {
      this.host.org.reportHeap(bytes);
    } catch (e) {
      this.host.fromOrgError(e);
    }
    this.nextSample = statementsExecuted + this.statementsUntilNextSample(bytes, visited);
    return bytes;
  }

  /**
   * A native operation just created about `bytes` of Apex values (a parsed JSON body, serialized text, query rows):
   * once such allocations add up to LARGE_ALLOCATION_BYTES since the last sample, sample at the next statement, so
   * a sudden growth is seen without sampling often.
   */
  noteAllocation(bytes: number, statementsExecuted: number): void {
    this.allocatedSinceSample += bytes;
    if (this.allocatedSinceSample >= LARGE_ALLOCATION_BYTES) this.nextSample = statementsExecuted;
  }

  /**
   * Sampling spacing: at least as many statements as objects walked (amortised constant cost per statement), and
   * HEAP_SAMPLE_SPACING times that while the heap is below half its limit, so large working sets far from the limit
   * are not re-walked constantly; close to the limit every sample counts.
   */
  private statementsUntilNextSample(bytes: number, visited: number): number {
    const limit = this.host.org.limits().find((l) => l.name === 'HeapSize')?.max ?? 0;
    const relaxed = limit > 0 && bytes < limit / 2;
    return Math.max(MIN_HEAP_SAMPLE_STATEMENTS, visited * (relaxed ? HEAP_SAMPLE_SPACING : 1));
  }
}
