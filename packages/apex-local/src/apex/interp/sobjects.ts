/**
 * SObject values and their crossing of the OrgApi boundary: field get/put with describe-driven typing,
 * the "field not queried" rule, inline/dynamic SOQL with binds, and DML statements with DmlException.
 */
import type { Expr } from '../ast.ts';
import type { FieldDescribe, ObjectDescribe, PlainRecord, PlainValue } from '../../org/api.ts';
import { CPU_US } from './cpu.ts';
import { OrgError } from '../../org/api.ts';
import {
  D,
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
  dec,
  int,
  type TypeDesc,
  type Value,
} from '../values.ts';
import { ApexThrow } from './errors.ts';
import { formatDate } from './format.ts';
import type { SObjectContext } from './context.ts';

/** a queried row's rough size, only to decide when the heap is worth sampling again (heap.ts estimates it) */
const ESTIMATED_ROW_BYTES = 200;

const ID_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** 15 -> 18 character Id (the case-safe suffix encodes which of each 5 characters are upper case). */
export function to18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += ID_SUFFIX[bits];
  }
  return id + suffix;
}

export interface DmlRow {
  index: number;
  statusCode: string;
  message: string;
  fields: string[];
  id: string | null;
}

const OP_LABEL: Record<string, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete',
};

const METADATA_ENTITIES = new Set(['entitydefinition', 'fielddefinition']);
function isMetadataRelationship(f: FieldDescribe): boolean {
  return f.type === 'reference' && !!f.referenceTo?.some((r) => METADATA_ENTITIES.has(r.toLowerCase()));
}

export class SObjects {
  constructor(private readonly ix: SObjectContext) {}

  isId(s: string): boolean {
    return /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(s);
  }

  /** String -> Id conversion: 15-char ids become 18-char; anything else is `System.StringException: Invalid id`. */
  toId(s: string): string {
    if (!this.isId(s)) this.ix.fail('System.StringException', `Invalid id: ${s}`);
    return to18(s);
  }

  describe(type: string): ObjectDescribe | undefined {
    return this.ix.org.describe(type);
  }

  create(type: string): SObjectV {
    const d = this.describe(type);
    return new SObjectV(d ? d.name : type);
  }

  private field(so: SObjectV, name: string): FieldDescribe | undefined {
    return this.describe(so.type)?.fields[name.toLowerCase()];
  }

  private relationship(
    d: ObjectDescribe,
    ln: string,
  ): { kind: 'parent'; field: FieldDescribe } | { kind: 'child'; name: string; child: string } | null {
    for (const f of Object.values(d.fields))
      if (f.relationshipName && f.relationshipName.toLowerCase() === ln) return { kind: 'parent', field: f };
    for (const c of d.childRelationships)
      if (c.relationshipName.toLowerCase() === ln)
        return { kind: 'child', name: c.relationshipName, child: c.childObject };
    return null;
  }

  /** Read a field (Apex Developer Guide, "SObject Types": reading a field not selected by the query throws SObjectException). */
  get(so: SObjectV, name: string): Value {
    const ln = name.toLowerCase();
    const f = so.fields.get(ln);
    if (f) return f.value;
    const d = this.describe(so.type);
    if (d && !d.fields[ln] && !this.relationship(d, ln)) {
      this.fenceField(d, ln);
      this.ix.fail('System.SObjectException', `Invalid field ${name} for ${so.type}`);
    }
    if (so.queried && ln !== 'id' && !so.queried.has(ln)) {
      const canon = d?.fields[ln]?.name ?? (d && this.relationshipName(d, ln)) ?? name;
      this.ix.fail(
        'System.SObjectException',
        `SObject row was retrieved via SOQL without querying the requested field: ${so.type}.${canon}`,
      );
    }
    return null;
  }

  /** A documented field of a type the runtime cannot represent (address, base64, …) is the fence, not "Invalid field". */
  private fenceField(d: ObjectDescribe, ln: string): void {
    const what = (d as { unsupportedFields?: Record<string, string> }).unsupportedFields?.[ln];
    if (what) this.ix.unsupported(what);
  }

  private relationshipName(d: ObjectDescribe, ln: string): string | null {
    const r = this.relationship(d, ln);
    if (!r) return null;
    return r.kind === 'parent' ? r.field.relationshipName! : r.name;
  }

  put(so: SObjectV, name: string, v: Value): Value {
    const ln = name.toLowerCase();
    const d = this.describe(so.type);
    if (!d) {
      so.fields.set(ln, { name, value: v });
      return v;
    }
    const f = d.fields[ln];
    if (!f) {
      const r = this.relationship(d, ln);
      if (!r) {
        this.fenceField(d, ln);
        this.ix.fail('System.SObjectException', `Invalid field ${name} for ${so.type}`);
      }
      const canon = r!.kind === 'parent' ? r!.field.relationshipName! : (r as { name: string }).name;
      so.fields.set(ln, { name: canon, value: v });
      return v;
    }
    const cv = this.toFieldValue(v, f, so.type);
    so.fields.set(ln, { name: f.name, value: cv });
    return cv;
  }

  /** Typing a value for a field: numbers become Decimal (Apex Developer Guide: Number fields are Decimal), Ids are validated. */
  private toFieldValue(v: Value, f: FieldDescribe, type: string): Value {
    if (v === null) return null;
    switch (f.type) {
      case 'double':
      case 'currency':
      case 'percent':
        if (v instanceof IntV || v instanceof LongV || v instanceof DoubleV)
          return dec(v instanceof LongV ? v.v.toString() : v.v);
        break;
      case 'int':
        break;
      case 'id':
      case 'reference':
        // a custom metadata relationship to EntityDefinition / FieldDefinition holds the object's or field's
        // qualified API name ('Account', 'Account.Name'), not a record Id (Custom Metadata Types Developer
        // Guide, "Custom Metadata Relationships")
        if (typeof v === 'string' && isMetadataRelationship(f)) return v;
        if (typeof v === 'string') return this.toId(v);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') this.illegal(v, f, type);
        break;
      case 'date':
        if (!(v instanceof DateV)) this.illegal(v, f, type);
        break;
      case 'datetime':
        if (!(v instanceof DatetimeV)) this.illegal(v, f, type);
        break;
      default:
        if (typeof v !== 'string') this.illegal(v, f, type);
    }
    return v;
  }

  private illegal(v: Value, f: FieldDescribe, type: string): never {
    return this.ix.fail(
      'System.SObjectException',
      `Illegal assignment from ${this.ix.typeName(this.ix.typeOfValue(v))} to ${f.type} for field ${type}.${f.name}`,
    );
  }

  // ---------------------------------------------------------------- plain <-> SObjectV
  toPlainValue(v: Value): PlainValue {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (v instanceof IntV || v instanceof DoubleV) return v.v;
    if (v instanceof LongV) return Number(v.v);
    if (v instanceof DecimalV) return v.v.toNumber();
    if (v instanceof DateV) return formatDate(v);
    if (v instanceof DatetimeV) return new Date(v.ms).toISOString();
    if (v instanceof EnumV) return v.name;
    if (v instanceof SObjectV) return (this.get(v, 'Id') as string) ?? null;
    return this.ix.unsupported(`value of type ${this.ix.valueKind(v)} in a record or bind`);
  }

  toPlain(so: SObjectV): PlainRecord {
    const rec: PlainRecord = { attributes: { type: so.type } };
    for (const f of so.fields.values()) {
      if (f.value instanceof SObjectV || f.value instanceof ListV) continue;
      rec[f.name] = this.toPlainValue(f.value);
    }
    return rec;
  }

  fromPlainValue(v: PlainValue, f: FieldDescribe | undefined): Value {
    if (v === null || v === undefined) return null;
    if (!f) {
      if (typeof v === 'number') return Number.isInteger(v) ? int(v) : dec(v);
      return v;
    }
    switch (f.type) {
      case 'int':
        return int(Number(v));
      case 'double':
      case 'currency':
      case 'percent': {
        const d = new D(v as number);
        return dec(f.scale !== undefined ? d.toDecimalPlaces(f.scale) : d, f.scale);
      }
      case 'boolean':
        return Boolean(v);
      case 'date': {
        const [y, m, dd] = String(v).slice(0, 10).split('-').map(Number);
        return new DateV(Math.round(Date.UTC(y, m - 1, dd) / 86400000));
      }
      case 'datetime':
        return new DatetimeV(Date.parse(String(v)));
      default:
        return String(v);
    }
  }

  fromPlain(rec: PlainRecord, queried: string[] | null): SObjectV {
    const type = rec.attributes?.type ?? 'SObject';
    const d = this.describe(type);
    const so = new SObjectV(d ? d.name : type);
    if (queried) so.queried = new Set(queried.map((p) => p.split('.')[0]).concat(['id']));
    const entries = Object.entries(rec);
    // a row turned into an SObject costs CPU; the database work before it does not (cpu.ts)
    this.ix.chargeCpu(CPU_US.soqlRow + entries.length * CPU_US.soqlField);
    for (const [k, v] of entries) {
      if (k === 'attributes') continue;
      const ln = k.toLowerCase();
      if (Array.isArray(v)) {
        const rel = d ? this.relationship(d, ln) : null;
        const childType = rel && rel.kind === 'child' ? rel.child : 'SObject';
        const list = new ListV(
          { name: childType, args: [], kind: 'sobject' },
          v.map((r) => this.fromPlain(r as PlainRecord, null)),
        );
        so.fields.set(ln, { name: k, value: list });
      } else if (v !== null && typeof v === 'object') {
        const sub = queried ? queried.filter((p) => p.startsWith(ln + '.')).map((p) => p.slice(ln.length + 1)) : null;
        so.fields.set(ln, { name: k, value: this.fromPlain(v as PlainRecord, sub) });
      } else {
        const f = d?.fields[ln];
        so.fields.set(ln, { name: f?.name ?? k, value: this.fromPlainValue(v as PlainValue, f) });
      }
    }
    return so;
  }

  // ---------------------------------------------------------------- SOQL
  bindValue(v: Value): PlainValue | PlainValue[] {
    if (v instanceof ListV) return v.items.map((x) => this.toPlainValue(x));
    if (v instanceof SetV) return v.values().map((x) => this.toPlainValue(x));
    return this.toPlainValue(v);
  }

  inlineQuery(e: Extract<Expr, { k: 'soql' }>, evalBind: (b: Expr) => Value): Value {
    const binds = e.binds.map((b) => this.bindValue(evalBind(b)));
    return this.runQuery(
      e.soql,
      (name) => {
        const m = /^bind(\d+)$/i.exec(name);
        if (!m) this.ix.compileError(`Unknown bind :${name}`);
        return binds[Number(m![1])];
      },
      e.fields,
      e.count,
    );
  }

  runQuery(soql: string, binds: (name: string) => PlainValue | PlainValue[], fields: string[], count: boolean): Value {
    let res;
    try {
      res = this.ix.org.query(soql, binds);
    } catch (err) {
      if (err instanceof OrgError) this.ix.fromOrgError(err);
      throw err;
    }
    if (count) return int(res.count ?? res.records.length);
    this.ix.noteAllocation(res.records.length * ESTIMATED_ROW_BYTES);
    const from = /\bfrom\s+([a-z0-9_]+)/i.exec(soql)?.[1] ?? 'SObject';
    const d = this.describe(from);
    const isAggregate =
      fields.some((f) => /\(/.test(f)) || /\b(count|sum|avg|min|max)\s*\(/i.test(soql.split(/\bfrom\b/i)[0]);
    const elem: TypeDesc = isAggregate
      ? { name: 'AggregateResult', args: [], kind: 'sobject' }
      : { name: d ? d.name : from, args: [], kind: 'sobject' };
    const list = new ListV(
      elem,
      res.records.map((r) => this.fromPlain(r, isAggregate ? null : fields)),
    );
    list.soql = true;
    return list;
  }

  /** Database.query(String): the select list is read from the text; binds are simple variable names in scope. */
  dynamicQuery(soql: string, lookup: (name: string) => Value): Value {
    const m = /^\s*select\s+([\s\S]*?)\s+from\s+([a-z0-9_]+)/i.exec(soql);
    if (!m) this.ix.fail('System.QueryException', `unexpected token: '${soql.split(/\s+/)[0] ?? ''}'`);
    const fields: string[] = [];
    let depth = 0;
    let cur = '';
    for (const ch of m![1]) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) {
        fields.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    fields.push(cur.trim());
    const names = fields.map((f) => {
      const sub = /^\(\s*select[\s\S]*\bfrom\s+([a-z0-9_]+)/i.exec(f);
      return (sub ? sub[1] : f.split(/\s+/)[0]).toLowerCase();
    });
    const count = /^count\(\)$/i.test(fields[0]?.replace(/\s+/g, '') ?? '');
    return this.runQuery(soql, (name) => this.bindValue(lookup(name)), names, count);
  }

  // ---------------------------------------------------------------- DML
  private records(v: Value, line: number): SObjectV[] {
    if (v === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    if (v instanceof SObjectV) return [v];
    if (v instanceof ListV) {
      return v.items.map((x) => {
        if (!(x instanceof SObjectV))
          this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        return x as SObjectV;
      });
    }
    return this.ix.compileError('DML requires SObject or SObject list type', line);
  }

  /** Run DML and return one row result per record, in order. Records of different types go as separate requests. */
  dml(
    op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete',
    recs: SObjectV[],
    allOrNone: boolean,
    ext: string | null,
  ): { id: string | null; success: boolean; created: boolean; errors: DmlRow[] }[] {
    const out: { id: string | null; success: boolean; created: boolean; errors: DmlRow[] }[] = [];
    let i = 0;
    while (i < recs.length) {
      let j = i;
      while (j < recs.length && recs[j].type === recs[i].type) j++;
      const chunk = recs.slice(i, j);
      const plain = chunk.map((r) =>
        op === 'delete' || op === 'undelete'
          ? { attributes: { type: r.type }, Id: (r.fields.get('id')?.value as string) ?? null }
          : this.toPlain(r),
      );
      if (op === 'insert')
        chunk.forEach(
          (r, k) =>
            r.fields.get('id')?.value &&
            this.ix.fail(
              'System.DmlException',
              `Insert failed. First exception on row ${i + k}; first error: INVALID_FIELD_FOR_INSERT_UPDATE, cannot specify Id in an insert call: [Id]`,
            ),
        );
      let rows;
      try {
        rows = this.ix.org.dml({
          op,
          objectName: chunk[0].type,
          records: plain as PlainRecord[],
          allOrNone,
          externalIdField: ext ?? undefined,
        });
      } catch (err) {
        if (err instanceof OrgError) this.ix.fromOrgError(err);
        throw err;
      }
      rows.forEach((r, k) => {
        if (r.success && r.id && (op === 'insert' || op === 'upsert'))
          chunk[k].fields.set('id', { name: 'Id', value: r.id });
        out.push({
          id: r.id,
          success: r.success,
          created: r.created,
          errors: r.errors.map((e) => ({
            index: i + k,
            statusCode: e.statusCode,
            message: e.message,
            fields: e.fields,
            id: r.id,
          })),
        });
      });
      i = j;
    }
    return out;
  }

  /** `insert x;` etc.: all-or-none, any row error is a DmlException (Apex Developer Guide, "DML Exceptions and Error Handling"). */
  dmlStatement(op: string, v: Value, ext: string | null, line: number): void {
    if (op === 'merge') this.ix.unsupported('merge statement', line);
    const recs = this.records(v, line);
    if (recs.length === 0) return;
    const results = this.dml(op as 'insert', recs, true, ext);
    const failed = results.flatMap((r) => r.errors);
    if (failed.length) this.throwDml(op, failed);
  }

  throwDml(op: string, rows: DmlRow[]): never {
    const first = rows[0];
    const msg = `${OP_LABEL[op] ?? op} failed. First exception on row ${first.index}${first.id ? ` with id ${first.id}` : ''}; first error: ${first.statusCode}, ${first.message}: [${first.fields.join(', ')}]`;
    const ex = this.ix.newException('System.DmlException', msg);
    ex.fields.set('$dml', new NativeV('$dmlrows', rows));
    throw new ApexThrow(ex);
  }

  dmlExceptionMethod(ex: ObjectV, ln: string, args: Value[], line: number): Value {
    const rows = ((ex.fields.get('$dml') as NativeV | undefined)?.data ?? []) as DmlRow[];
    if (ln === 'getnumdml') return int(rows.length);
    const i = args[0] instanceof IntV ? args[0].v : 0;
    const row = rows[i];
    if (!row) return this.ix.fail('System.ListException', `List index out of bounds: ${i}`);
    switch (ln) {
      case 'getdmlstatuscode':
        return row.statusCode;
      case 'getdmlmessage':
        return row.message;
      case 'getdmlfieldnames':
        return new ListV({ name: 'String', args: [], kind: 'prim' }, [...row.fields]);
      case 'getdmlid':
        return row.id;
      case 'getdmlindex':
        return int(row.index);
      case 'getdmltype':
        return new EnumV('System.StatusCode', row.statusCode, 0);
    }
    return this.ix.unsupported(`DmlException.${ln}`, line);
  }

  // ---------------------------------------------------------------- static members of SObject types
  staticMember(objName: string, name: string, line: number): Value {
    const ln = name.toLowerCase();
    if (ln === 'sobjecttype') return new NativeV('Schema.SObjectType', { name: objName });
    const d = this.describe(objName);
    const f = d?.fields[ln];
    if (f) return new NativeV('Schema.SObjectField', { object: objName, field: f.name });
    return this.ix.unsupported(`${objName}.${name}`, line);
  }

  /** Custom metadata type methods (Apex Reference Guide, "Custom Metadata Type Methods"): getAll(), getInstance(name). */
  staticCall(objName: string, name: string, args: Value[], line: number): Value {
    const ln = name.toLowerCase();
    const d = this.describe(objName);
    // `Account.getSObjectType()` is the token `Account.SObjectType` (Apex Reference, "SObject Class")
    if (ln === 'getsobjecttype' && args.length === 0) return this.staticMember(objName, 'SObjectType', line);
    if (!d?.isCustomMetadata || (ln !== 'getall' && ln !== 'getinstance'))
      return this.ix.unsupported(`${objName}.${name}()`, line);
    const fields = Object.values(d.fields).map((f) => f.name);
    const soql = `SELECT ${fields.join(', ')} FROM ${d.name}`;
    const list = this.runQuery(
      soql,
      () => null,
      fields.map((f) => f.toLowerCase()),
      false,
    ) as ListV;
    const byName = new MapV({ name: 'String', args: [], kind: 'prim' }, { name: d.name, args: [], kind: 'sobject' });
    for (const r of list.items) {
      const so = r as SObjectV;
      so.queried = null;
      byName.put(this.get(so, 'DeveloperName'), so);
    }
    if (ln === 'getall') return byName;
    const key = args[0];
    if (typeof key !== 'string') return null;
    for (const [k, v] of byName.map.values()) {
      if (typeof k === 'string' && k.toLowerCase() === key.toLowerCase()) return v;
      if (v instanceof SObjectV && v.fields.get('id')?.value === key) return v;
    }
    return null;
  }

  /** Deep/shallow clone (Apex Reference Guide, SObject.clone(preserveId, isDeepClone, …)). */
  clone(so: SObjectV, preserveId: boolean, deep: boolean): SObjectV {
    const c = new SObjectV(so.type);
    for (const [k, f] of so.fields) {
      if (k === 'id' && !preserveId) continue;
      let v = f.value;
      if (deep && v instanceof SObjectV) v = this.clone(v, true, true);
      c.fields.set(k, { name: f.name, value: v });
    }
    c.queried = so.queried;
    return c;
  }
}
