/**
 * The record store: one table per object, rows keyed by the 18-char id, with hash indexes built on demand
 * for equality / IN lookups (Id, external ids, lookups, anything a query filters on by equality).
 *
 * Snapshots are copy-on-write at table granularity: `snapshot()` freezes the current tables and shares them;
 * the first write to a frozen table afterwards copies that table's row map (rows themselves are never mutated:
 * a write replaces the row object). Rollback within a transaction uses an undo journal, not snapshots.
 */
import type { PlainValue } from './api.ts';
import { idKey, isValidId } from './ids.ts';
import type { Schema } from './schema.ts';

export type Row = Readonly<Record<string, PlainValue>>;

/** What changed for one record, enough to undo it. */
export interface WriteRecord {
  object: string; // lower-case object name
  key: string; // idKey
  prevLive: Row | undefined;
  prevDeleted: Row | undefined;
}

let writeCounter = 0;

class Table {
  /** changes on every write; a given stamp always denotes the same content (the counter never repeats) */
  stamp = ++writeCounter;
  live = new Map<string, Row>();
  deleted = new Map<string, Row>();
  indexes = new Map<string, Map<string, Set<string>>>();
  frozen = false;

  clone(): Table {
    const t = new Table();
    t.live = new Map(this.live);
    t.deleted = new Map(this.deleted);
    return t; // indexes are rebuilt lazily
  }
}

export interface StoreSnapshot {
  readonly tables: ReadonlyMap<string, Table>;
}

export class Store {
  private tables = new Map<string, Table>();
  /** set by the transaction to journal writes for rollback */
  onWrite: ((w: WriteRecord) => void) | undefined;

  constructor(private readonly schema: Schema) {}

  get(object: string, id: string): Row | undefined {
    if (!isValidId(id)) return undefined;
    return this.tables.get(object.toLowerCase())?.live.get(idKey(id));
  }

  getDeleted(object: string, id: string): Row | undefined {
    if (!isValidId(id)) return undefined;
    return this.tables.get(object.toLowerCase())?.deleted.get(idKey(id));
  }

  rows(object: string): Iterable<Row> {
    return this.tables.get(object.toLowerCase())?.live.values() ?? [];
  }

  /** Identifies the table's current content: equal stamps mean equal rows (also across snapshot/restore). */
  stamp(object: string): number {
    return this.tables.get(object.toLowerCase())?.stamp ?? 0;
  }

  count(object: string): number {
    return this.tables.get(object.toLowerCase())?.live.size ?? 0;
  }

  /** Rows whose `field` equals one of `values` (same equality as SOQL '=': ids by 18-char form, text case-insensitive). */
  lookup(object: string, fieldName: string, values: readonly PlainValue[]): Row[] {
    const lower = object.toLowerCase();
    const table = this.tables.get(lower);
    if (!table) return [];
    if (fieldName.toLowerCase() === 'id') {
      const out: Row[] = [];
      for (const v of values) {
        if (typeof v !== 'string' || !isValidId(v)) continue;
        const r = table.live.get(idKey(v));
        if (r) out.push(r);
      }
      return out;
    }
    const index = this.index(table, lower, fieldName);
    // one value needs no de-duplication (a boolean or picklist '=' can match most of a large table)
    const seen = values.length > 1 ? new Set<string>() : undefined;
    const out: Row[] = [];
    for (const v of values) {
      const k = this.indexKey(lower, fieldName, v);
      if (k === undefined) continue;
      for (const key of index.get(k) ?? []) {
        if (seen) {
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const r = table.live.get(key);
        if (r) out.push(r);
      }
    }
    return out;
  }

  /** Insert or replace a live row. */
  put(object: string, row: Row): void {
    const lower = object.toLowerCase();
    const table = this.writable(lower);
    const key = idKey(String(row.Id));
    const prevLive = table.live.get(key);
    const prevDeleted = table.deleted.get(key);
    this.onWrite?.({ object: lower, key, prevLive, prevDeleted });
    if (prevLive) this.unindex(table, lower, key, prevLive);
    table.deleted.delete(key);
    table.live.set(key, row);
    this.reindex(table, lower, key, row);
  }

  /** Move a live row to the recycle bin. */
  softDelete(object: string, id: string): void {
    const lower = object.toLowerCase();
    const table = this.writable(lower);
    const key = idKey(id);
    const prevLive = table.live.get(key);
    if (!prevLive) return;
    this.onWrite?.({ object: lower, key, prevLive, prevDeleted: table.deleted.get(key) });
    this.unindex(table, lower, key, prevLive);
    table.live.delete(key);
    table.deleted.set(key, { ...prevLive, IsDeleted: true });
  }

  /** Undo one journalled write. */
  revert(w: WriteRecord): void {
    const table = this.writable(w.object);
    const current = table.live.get(w.key);
    if (current) this.unindex(table, w.object, w.key, current);
    table.live.delete(w.key);
    table.deleted.delete(w.key);
    if (w.prevLive) {
      table.live.set(w.key, w.prevLive);
      this.reindex(table, w.object, w.key, w.prevLive);
    }
    if (w.prevDeleted) table.deleted.set(w.key, w.prevDeleted);
  }

  snapshot(): StoreSnapshot {
    for (const t of this.tables.values()) t.frozen = true;
    return { tables: new Map(this.tables) };
  }

  restore(snapshot: StoreSnapshot): void {
    this.tables = new Map(snapshot.tables);
  }

  private writable(lower: string): Table {
    let table = this.tables.get(lower);
    if (!table) {
      table = new Table();
      this.tables.set(lower, table);
    } else if (table.frozen) {
      table = table.clone();
      this.tables.set(lower, table);
    }
    table.stamp = ++writeCounter;
    return table;
  }

  private indexKey(lower: string, fieldName: string, value: PlainValue): string | undefined {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') {
      const type = this.schema.describe(lower)?.fields[fieldName.toLowerCase()]?.type;
      if ((type === 'reference' || type === 'id') && isValidId(value)) return idKey(value);
      return value.toLowerCase();
    }
    return `${typeof value}:${String(value)}`;
  }

  private index(table: Table, lower: string, fieldName: string): Map<string, Set<string>> {
    const f = fieldName.toLowerCase();
    let index = table.indexes.get(f);
    if (index) return index;
    const canonical = this.schema.describe(lower)?.fields[f]?.name ?? fieldName;
    index = new Map();
    for (const [key, row] of table.live) {
      const k = this.indexKey(lower, canonical, row[canonical] ?? null);
      if (k === undefined) continue;
      let set = index.get(k);
      if (!set) index.set(k, (set = new Set()));
      set.add(key);
    }
    // safe on a frozen table too: frozen tables are never written (a write clones them, without indexes)
    table.indexes.set(f, index);
    return index;
  }

  private reindex(table: Table, lower: string, key: string, row: Row): void {
    for (const [f, index] of table.indexes) {
      const canonical = this.schema.describe(lower)?.fields[f]?.name ?? f;
      const k = this.indexKey(lower, canonical, row[canonical] ?? null);
      if (k === undefined) continue;
      let set = index.get(k);
      if (!set) index.set(k, (set = new Set()));
      set.add(key);
    }
  }

  private unindex(table: Table, lower: string, key: string, row: Row): void {
    for (const [f, index] of table.indexes) {
      const canonical = this.schema.describe(lower)?.fields[f]?.name ?? f;
      const k = this.indexKey(lower, canonical, row[canonical] ?? null);
      if (k !== undefined) index.get(k)?.delete(key);
    }
  }
}
