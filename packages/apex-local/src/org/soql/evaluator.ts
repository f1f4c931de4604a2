/**
 * Evaluates a parsed SOQL query against the store: resolves field paths against the schema (with the platform's
 * error messages), picks candidate rows through hash indexes when the WHERE clause has a top-level `field = x`
 * or `field IN (...)`, filters, orders, pages and projects rows into PlainRecords.
 */
import type { FieldDescribe, ObjectDescribe, PlainRecord, PlainValue, QueryResult } from '../api.ts';
import { idKey, isValidId, keyPrefixOf } from '../ids.ts';
import type { Schema } from '../schema.ts';
import type { Row, Store } from '../store.ts';
import type { Condition, FieldPath, Operand, Query, SelectItem } from './ast.ts';
import { queryError } from './lexer.ts';
import { parseSoql } from './parser.ts';
import {
  coerceOperand,
  compareValues,
  dateLiteralRange,
  equalValues,
  isIdType,
  valueType,
  likeMatches,
  timeOf,
} from './values.ts';

export type BindResolver = (name: string) => PlainValue | PlainValue[] | PlainRecord[];

export interface SoqlContext {
  schema: Schema;
  store: Store;
  now: Date;
  binds: BindResolver;
}

export interface SoqlOutcome {
  result: QueryResult;
  /** rows that count against the "query rows" governor limit */
  rowsCounted: number;
  /** candidate rows the top-level query examined (index hits, or the whole table on a scan) */
  rowsExamined: number;
  object: ObjectDescribe;
  forUpdate: boolean;
}

interface ResolvedPath {
  steps: FieldDescribe[]; // reference fields walked
  leaf: FieldDescribe;
}

const MAX_OFFSET = 2000;

export function runSoql(soql: string, ctx: SoqlContext): SoqlOutcome {
  const query = parseSoql(soql);
  const object = ctx.schema.describe(query.from);
  if (!object)
    throw queryError(
      `sObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  return new Evaluation(ctx).top(query, object);
}

class Evaluation {
  private rowsCounted = 0;
  private rowsExamined = -1;
  private readonly bindCache = new Map<string, ReturnType<BindResolver>>();
  private readonly operandCache = new WeakMap<Operand, PlainValue[]>();
  private readonly inSetCache = new WeakMap<Operand, Set<string>>();
  private readonly pathCache = new Map<string, ResolvedPath>();
  private readonly pathByNode = new WeakMap<FieldPath, { object: ObjectDescribe; resolved: ResolvedPath }>();

  constructor(private readonly ctx: SoqlContext) {}

  private bind(name: string): ReturnType<BindResolver> {
    if (!this.bindCache.has(name)) this.bindCache.set(name, this.ctx.binds(name));
    return this.bindCache.get(name)!;
  }

  top(query: Query, object: ObjectDescribe): SoqlOutcome {
    this.validate(query, object);
    const result = this.evaluate(query, object, undefined);
    return {
      result,
      rowsCounted: this.rowsCounted,
      rowsExamined: this.rowsExamined,
      object,
      forUpdate: query.forUpdate,
    };
  }

  private evaluate(
    query: Query,
    object: ObjectDescribe,
    parentFilter: { field: string; id: string } | undefined,
  ): QueryResult {
    const aggregates = query.select.some((s) => s.kind === 'aggregate');
    const countAll = query.select.some((s) => s.kind === 'countAll');
    let rows = this.candidates(query, object, parentFilter);
    if (this.rowsExamined < 0) this.rowsExamined = rows.length;
    if (query.where) {
      const where = query.where;
      rows = rows.filter((r) => this.matches(r, object, where));
    }
    if (countAll) {
      if (query.select.length > 1) throw queryError('COUNT() and other fields cannot be selected together');
      // SOQL reference, LIMIT: "You can use LIMIT with count() as the fieldList to count up to the maximum specified."
      const limit = query.limit ? this.numberOperand(query.limit) : undefined;
      const count = limit === undefined ? rows.length : Math.min(rows.length, limit);
      this.rowsCounted += this.countQueryRows(query, object, rows);
      return { count, records: [] };
    }
    if (aggregates || query.groupBy.length > 0) return this.aggregate(query, object, rows);
    if (query.orderBy.length > 0) rows = this.order(rows, object, query);
    const offset = query.offset ? this.numberOperand(query.offset) : 0;
    if (offset > MAX_OFFSET) throw queryError(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);
    const limit = query.limit ? this.numberOperand(query.limit) : undefined;
    if (offset > 0 || limit !== undefined) rows = rows.slice(offset, limit === undefined ? undefined : offset + limit);
    this.rowsCounted += rows.length;
    const records = rows.map((r) => this.project(r, object, query.select));
    return { records };
  }

  /** Resolves every field path up front, so errors do not depend on the data (as the platform compiles queries). */
  private validate(query: Query, object: ObjectDescribe): void {
    for (const item of query.select) {
      if (item.kind === 'field') this.resolve(object, item.path);
      else if (item.kind === 'aggregate' && item.path) this.resolve(object, item.path);
      else if (item.kind === 'subquery') {
        const rel = object.childRelationships.find(
          (c) => c.relationshipName.toLowerCase() === item.query.from.toLowerCase(),
        );
        if (!rel) this.unknownChildRelationship(item.query.from);
        this.validate(item.query, this.ctx.schema.describe(rel.childObject)!);
      }
    }
    const walk = (c: Condition | undefined): void => {
      if (!c) return;
      if (c.kind === 'cmp') {
        this.resolve(object, c.path);
        if (c.operand.kind === 'subquery') {
          const sub = this.ctx.schema.describe(c.operand.query.from);
          if (!sub) throw queryError(`sObject type '${c.operand.query.from}' is not supported.`);
          this.validate(c.operand.query, sub);
        }
      } else if (c.kind === 'not') walk(c.operand);
      else {
        walk(c.left);
        walk(c.right);
      }
    };
    walk(query.where);
    const aliases = new Set(
      query.select.flatMap((i) => (i.kind === 'aggregate' && i.alias ? [i.alias.toLowerCase()] : [])),
    );
    for (const o of query.orderBy)
      if (!(o.path.length === 1 && aliases.has(o.path[0]!.toLowerCase()))) this.resolve(object, o.path);
    for (const g of query.groupBy) this.resolve(object, g);
  }

  private unknownChildRelationship(name: string): never {
    throw queryError(
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }

  // ---- candidates via index ----

  private candidates(
    query: Query,
    object: ObjectDescribe,
    parentFilter: { field: string; id: string } | undefined,
  ): Row[] {
    if (parentFilter) return this.ctx.store.lookup(object.name, parentFilter.field, [parentFilter.id]);
    const indexed = query.where ? this.indexableConjunct(query.where, object) : undefined;
    if (indexed) return this.ctx.store.lookup(object.name, indexed.field, indexed.values);
    return [...this.ctx.store.rows(object.name)];
  }

  /** A top-level AND conjunct `field = value` / `field IN values` on a direct, non-null field. */
  private indexableConjunct(c: Condition, object: ObjectDescribe): { field: string; values: PlainValue[] } | undefined {
    if (c.kind === 'and') return this.indexableConjunct(c.left, object) ?? this.indexableConjunct(c.right, object);
    if (c.kind !== 'cmp' || c.path.length !== 1 || (c.op !== '=' && c.op !== 'IN')) return undefined;
    if (c.operand.kind === 'dateLiteral' || c.operand.kind === 'subquery') return undefined;
    const f = this.resolve(object, c.path).leaf;
    if (f.calculated || f.type === 'multipicklist') return undefined;
    const values = this.operandValues(c.operand, f).filter((v) => v !== null);
    if (c.op === '=' && values.length === 0) return undefined; // '= null' scans
    return { field: f.name, values };
  }

  // ---- field paths ----

  resolve(object: ObjectDescribe, path: FieldPath): ResolvedPath {
    // Per-row calls pass the same AST path array: answer them without building the string key.
    const hit = this.pathByNode.get(path);
    if (hit?.object === object) return hit.resolved;
    const cacheKey = `${object.name}:${path.join('.').toLowerCase()}`;
    let cached = this.pathCache.get(cacheKey);
    if (!cached) this.pathCache.set(cacheKey, (cached = this.resolveUncached(object, path)));
    this.pathByNode.set(path, { object, resolved: cached });
    return cached;
  }

  private resolveUncached(object: ObjectDescribe, path: FieldPath): ResolvedPath {
    const steps: FieldDescribe[] = [];
    let current = object;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i]!.toLowerCase();
      const ref = Object.values(current.fields).find((f) => f.relationshipName?.toLowerCase() === seg);
      if (!ref || !ref.referenceTo) {
        throw queryError(
          `Didn't understand relationship '${path[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      steps.push(ref);
      const next = this.ctx.schema.describe(ref.referenceTo[0]!);
      if (!next) throw queryError(`sObject type '${ref.referenceTo[0]}' is not supported.`);
      current = next;
    }
    const last = path[path.length - 1]!;
    const leaf = current.fields[last.toLowerCase()];
    if (!leaf) {
      throw queryError(
        `No such column '${last}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return { steps, leaf };
  }

  private parentRow(id: PlainValue, ref: FieldDescribe): { row: Row; object: ObjectDescribe } | undefined {
    if (typeof id !== 'string' || !isValidId(id)) return undefined;
    const target =
      ref.referenceTo!.length > 1
        ? this.ctx.schema.byKeyPrefix(keyPrefixOf(id))
        : this.ctx.schema.describe(ref.referenceTo![0]!);
    if (!target) return undefined;
    const row = this.ctx.store.get(target.name, id);
    return row ? { row, object: target } : undefined;
  }

  private valueAt(row: Row, object: ObjectDescribe, path: FieldPath): { value: PlainValue; field: FieldDescribe } {
    const resolved = this.resolve(object, path);
    let current: Row | undefined = row;
    for (const step of resolved.steps) {
      const parent = this.parentRow(current[step.name] ?? null, step);
      if (!parent) return { value: null, field: resolved.leaf };
      current = parent.row;
    }
    return { value: current[resolved.leaf.name] ?? null, field: resolved.leaf };
  }

  // ---- WHERE ----

  private matches(row: Row, object: ObjectDescribe, c: Condition): boolean {
    switch (c.kind) {
      case 'and':
        return this.matches(row, object, c.left) && this.matches(row, object, c.right);
      case 'or':
        return this.matches(row, object, c.left) || this.matches(row, object, c.right);
      case 'not':
        return !this.matches(row, object, c.operand);
      case 'cmp':
        return this.compare(row, object, c);
    }
  }

  private compare(row: Row, object: ObjectDescribe, c: Extract<Condition, { kind: 'cmp' }>): boolean {
    const { value, field } = this.valueAt(row, object, c.path);
    if (c.operand.kind === 'dateLiteral')
      return this.compareDateRange(value, c.op, dateLiteralRange(c.operand.name, c.operand.n, this.ctx.now));
    switch (c.op) {
      case 'IN':
      case 'NOT IN': {
        const found = value !== null && this.inSet(c.operand, field).has(eqKey(valueType(field), value));
        return c.op === 'IN' ? found : !found;
      }
      case 'INCLUDES':
      case 'EXCLUDES': {
        const have = new Set(
          String(value ?? '')
            .split(';')
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        );
        const any = this.operandValues(c.operand, field).some((v) =>
          String(v ?? '')
            .split(';')
            .every((p) => have.has(p.trim().toLowerCase())),
        );
        return c.op === 'INCLUDES' ? any : !any;
      }
      case 'LIKE': {
        const pattern = this.singleValue(c.operand, field);
        return likeMatches(value, String(pattern ?? ''));
      }
      default: {
        const operand = this.singleValue(c.operand, field);
        if (c.op === '=') return equalValues(valueType(field), value, operand);
        if (c.op === '!=') return !equalValues(valueType(field), value, operand);
        if (value === null || operand === null) return false;
        const d = compareValues(valueType(field), value, operand);
        return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
      }
    }
  }

  private compareDateRange(value: PlainValue, op: string, [start, end]: [number, number]): boolean {
    if (value === null) return op === '!=';
    const t = timeOf(value);
    switch (op) {
      case '=':
        return t >= start && t < end;
      case '!=':
        return t < start || t >= end;
      case '<':
        return t < start;
      case '<=':
        return t < end;
      case '>':
        return t >= end;
      case '>=':
        return t >= start;
      default:
        throw queryError(`unexpected token: '${op}'`);
    }
  }

  private singleValue(operand: Operand, field: FieldDescribe): PlainValue {
    const values = this.operandValues(operand, field);
    if (operand.kind === 'bind' && values.length !== 1) {
      const raw = this.bind(operand.name);
      if (Array.isArray(raw)) throw queryError(`Invalid bind expression type of List for column of type ${field.type}`);
    }
    return values[0] ?? null;
  }

  private inSet(operand: Operand, field: FieldDescribe): Set<string> {
    let set = this.inSetCache.get(operand);
    if (!set) {
      set = new Set(
        this.operandValues(operand, field)
          .filter((v) => v !== null)
          .map((v) => eqKey(valueType(field), v)),
      );
      this.inSetCache.set(operand, set);
    }
    return set;
  }

  /** Operand values, coerced to the field's type; a bound list of records means their Ids. */
  private operandValues(operand: Operand, field: FieldDescribe): PlainValue[] {
    let values = this.operandCache.get(operand);
    if (!values) {
      values = this.operandValuesUncached(operand, field);
      this.operandCache.set(operand, values);
    }
    return values;
  }

  private operandValuesUncached(operand: Operand, field: FieldDescribe): PlainValue[] {
    switch (operand.kind) {
      case 'literal':
        return [coerceOperand(valueType(field), operand.value)];
      case 'list':
        return operand.items.flatMap((i) => this.operandValues(i, field));
      case 'bind': {
        const raw = this.bind(operand.name);
        const list = Array.isArray(raw) ? raw : [raw];
        return list.map((v) => {
          const plain =
            v !== null && typeof v === 'object' ? (((v as PlainRecord).Id as PlainValue) ?? null) : (v as PlainValue);
          return isIdType(valueType(field)) && (plain === null || !isValidId(String(plain)))
            ? plain === null
              ? null
              : invalidId(plain)
            : coerceOperand(valueType(field), plain);
        });
      }
      case 'subquery': {
        const q = operand.query;
        const sub = this.ctx.schema.describe(q.from);
        if (!sub) throw queryError(`sObject type '${q.from}' is not supported.`);
        const item = q.select[0];
        if (q.select.length !== 1 || item?.kind !== 'field')
          throw queryError('Semi join sub-selects can only select one field');
        const result = this.evaluate(q, sub, undefined);
        const name = this.resolve(sub, item.path).leaf.name;
        return result.records.map((r) => (r[name] as PlainValue) ?? null);
      }
      case 'dateLiteral':
        throw queryError('date literal in list');
    }
  }

  private numberOperand(operand: Operand): number {
    const v = operand.kind === 'bind' ? this.bind(operand.name) : operand.kind === 'literal' ? operand.value : null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw queryError(`unexpected token: '${String(v)}'`);
    return n;
  }

  // ---- ORDER BY ----

  private order(rows: Row[], object: ObjectDescribe, query: Query): Row[] {
    const keyed = rows.map((row) => ({ row, keys: query.orderBy.map((o) => this.valueAt(row, object, o.path)) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < query.orderBy.length; i++) {
        const o = query.orderBy[i]!;
        const x = a.keys[i]!.value;
        const y = b.keys[i]!.value;
        if (x === null && y === null) continue;
        if (x === null) return o.nullsLast ? 1 : -1;
        if (y === null) return o.nullsLast ? -1 : 1;
        const d = compareValues(valueType(a.keys[i]!.field), x, y);
        if (d !== 0) return o.descending ? -d : d;
      }
      return 0;
    });
    return keyed.map((k) => k.row);
  }

  // ---- projection ----

  private project(row: Row, object: ObjectDescribe, select: SelectItem[]): PlainRecord {
    const rec: PlainRecord = { attributes: { type: object.name }, Id: row.Id ?? null };
    for (const item of select) {
      if (item.kind === 'field') this.projectPath(rec, row, object, item.path);
      else if (item.kind === 'subquery') this.projectChildren(rec, row, object, item.query);
      else throw queryError('Field must be grouped or aggregated');
    }
    return rec;
  }

  private projectPath(target: PlainRecord, row: Row, object: ObjectDescribe, path: FieldPath): void {
    const resolved = this.resolve(object, path);
    let rec = target;
    let current: Row | undefined = row;
    for (const step of resolved.steps) {
      const parent: { row: Row; object: ObjectDescribe } | undefined = current
        ? this.parentRow(current[step.name] ?? null, step)
        : undefined;
      const rel = step.relationshipName!;
      if (!parent) {
        if (!(rel in rec)) rec[rel] = null;
        return;
      }
      let nested = rec[rel] as PlainRecord | null | undefined;
      if (!nested) {
        nested = { attributes: { type: parent.object.name }, Id: parent.row.Id ?? null };
        rec[rel] = nested;
      }
      rec = nested;
      current = parent.row;
    }
    rec[resolved.leaf.name] = current?.[resolved.leaf.name] ?? null;
  }

  private projectChildren(target: PlainRecord, row: Row, object: ObjectDescribe, query: Query): void {
    const rel = object.childRelationships.find((c) => c.relationshipName.toLowerCase() === query.from.toLowerCase());
    if (!rel) this.unknownChildRelationship(query.from);
    const child = this.ctx.schema.describe(rel.childObject)!;
    target[rel.relationshipName] = this.evaluate(query, child, { field: rel.field, id: String(row.Id) }).records;
  }

  // ---- aggregates ----

  /**
   * Apex Developer Guide, "Working with SOQL Aggregate Functions": "For COUNT() or COUNT(fieldname) queries, limits
   * are counted as one query row, unless the query contains a GROUP BY clause, in which case one query row per
   * grouping is consumed."
   */
  private countQueryRows(query: Query, object: ObjectDescribe, rows: Row[]): number {
    if (query.groupBy.length === 0) return 1;
    return new Set(rows.map((r) => this.groupKey(query, object, r))).size;
  }

  private groupKey(query: Query, object: ObjectDescribe, row: Row): string {
    return JSON.stringify(query.groupBy.map((p) => normalizeGroupKey(this.valueAt(row, object, p).value)));
  }

  /**
   * Same guide: "All aggregate functions other than COUNT() or COUNT(fieldname) include each row used in the
   * aggregation as a query row for the purposes of limit tracking." A GROUP BY without any aggregate function
   * charges its rows too.
   */
  private aggregateQueryRows(query: Query, rows: Row[], groups: number): number {
    const functions = query.select.flatMap((i) => (i.kind === 'aggregate' ? [i.fn] : []));
    const countsOnly = functions.length > 0 && functions.every((fn) => fn === 'COUNT');
    if (!countsOnly) return rows.length;
    return query.groupBy.length === 0 ? 1 : groups;
  }

  private aggregate(query: Query, object: ObjectDescribe, rows: Row[]): QueryResult {
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const key = this.groupKey(query, object, row);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(row);
    }
    if (query.groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
    this.rowsCounted += this.aggregateQueryRows(query, rows, groups.size);
    const records: PlainRecord[] = [];
    for (const groupRows of groups.values()) {
      const rec: PlainRecord = { attributes: { type: 'AggregateResult' } };
      let expr = 0;
      for (const item of query.select) {
        if (item.kind === 'field') {
          if (!query.groupBy.some((g) => g.join('.').toLowerCase() === item.path.join('.').toLowerCase())) {
            throw queryError(`Field must be grouped or aggregated: ${item.path.join('.')}`);
          }
          const first = groupRows[0];
          rec[this.resolve(object, item.path).leaf.name] = first ? this.valueAt(first, object, item.path).value : null;
        } else if (item.kind === 'aggregate') {
          const name = item.alias ?? `expr${expr++}`;
          rec[name] = this.aggregateValue(item.fn, item.path, groupRows, object);
        }
      }
      records.push(rec);
    }
    if (query.orderBy.length > 0) this.orderAggregates(records, object, query);
    const offset = query.offset ? this.numberOperand(query.offset) : 0;
    const limit = query.limit ? this.numberOperand(query.limit) : undefined;
    if (offset > 0 || limit !== undefined)
      return { records: records.slice(offset, limit === undefined ? undefined : offset + limit) };
    return { records };
  }

  /** ORDER BY on an aggregate query: by a grouped field or by an aggregate's alias. */
  private orderAggregates(records: PlainRecord[], object: ObjectDescribe, query: Query): void {
    const keys = query.orderBy.map((o) => {
      const alias = query.select.find(
        (i) => i.kind === 'aggregate' && i.alias?.toLowerCase() === o.path.join('.').toLowerCase(),
      );
      if (alias?.kind === 'aggregate') return { name: alias.alias!, type: 'double' as FieldDescribe['type'], o };
      const leaf = this.resolve(object, o.path).leaf;
      return { name: leaf.name, type: leaf.type, o };
    });
    records.sort((a, b) => {
      for (const { name, type, o } of keys) {
        const x = (a[name] as PlainValue) ?? null;
        const y = (b[name] as PlainValue) ?? null;
        if (x === null && y === null) continue;
        if (x === null) return o.nullsLast ? 1 : -1;
        if (y === null) return o.nullsLast ? -1 : 1;
        const d = compareValues(type, x, y);
        if (d !== 0) return o.descending ? -d : d;
      }
      return 0;
    });
  }

  private aggregateValue(fn: string, path: FieldPath | null, rows: Row[], object: ObjectDescribe): PlainValue {
    const values = path ? rows.map((r) => this.valueAt(r, object, path)) : [];
    const nonNull = values.filter((v) => v.value !== null);
    switch (fn) {
      case 'COUNT':
        return path ? nonNull.length : rows.length;
      case 'COUNT_DISTINCT':
        return new Set(nonNull.map((v) => normalizeGroupKey(v.value))).size;
      case 'SUM':
        return nonNull.length ? nonNull.reduce((s, v) => s + Number(v.value), 0) : null;
      case 'AVG':
        return nonNull.length ? nonNull.reduce((s, v) => s + Number(v.value), 0) / nonNull.length : null;
      case 'MIN':
      case 'MAX': {
        if (!nonNull.length) return null;
        const sign = fn === 'MIN' ? -1 : 1;
        return nonNull.reduce((best, v) =>
          compareValues(valueType(v.field), v.value, best.value) * sign > 0 ? v : best,
        ).value;
      }
      default:
        throw queryError(`LOCAL_UNSUPPORTED SOQL aggregate ${fn}`);
    }
  }
}

/** A key with the same equality as equalValues, for hash sets. */
function eqKey(type: FieldDescribe['type'], v: PlainValue): string {
  if (isIdType(type) && typeof v === 'string' && isValidId(v)) return idKey(v);
  if (type === 'datetime' && typeof v === 'string') return `t${Date.parse(v)}`;
  if (typeof v === 'string') return `s${v.toLowerCase()}`;
  if (typeof v === 'number') return `n${v}`;
  return `${typeof v}${String(v)}`;
}

function normalizeGroupKey(v: PlainValue): PlainValue {
  return typeof v === 'string' ? (isValidId(v) && v.length >= 15 ? v.slice(0, 15) : v.toLowerCase()) : v;
}

function invalidId(value: PlainValue): never {
  throw queryError(`invalid ID field: ${String(value)}`);
}
