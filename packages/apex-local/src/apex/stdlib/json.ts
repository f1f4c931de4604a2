/**
 * JSON (Apex Reference Guide, "JSON Class"): serialize / serializePretty in the platform's (Jackson) format,
 * typed deserialize / deserializeStrict into Apex classes, collections and SObjects, and deserializeUntyped
 * (objects -> Map<String, Object>, arrays -> List<Object>, numbers -> Integer / Long / Decimal).
 */
import type { ExecutionContext } from '../interp/context.ts';
import { CPU_US } from '../interp/cpu.ts';
import { formatDate, formatDouble, formatTime } from '../interp/format.ts';
import {
  BlobV,
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
  T,
  TimeV,
  TypeV,
  dbl,
  dec,
  int,
  long,
  type TypeDesc,
  type Value,
} from '../values.ts';
import { str } from './args.ts';
import type { Stdlib } from './registry.ts';

export const API_VERSION = '65.0';

// ------------------------------------------------------------------ a JSON tree that keeps number text
type J = null | boolean | string | { num: string } | J[] | { obj: [string, J][] };

/**
 * A JSON reader whose errors read like the platform's (Jackson 1.x behind `System.JSONException`), e.g.
 * "Unexpected character ('r' (code 114)): expected a valid value (number, String, array, object, 'true', 'false' or
 * 'null') at [line:1, column:2]" and "Unexpected character ('r' (code 114)): was expecting double-quote to start
 * field name at [line:1, column:4]" (both quoted from real orgs on salesforce.stackexchange.com, questions 137599 and
 * 301508), "Unrecognized token 'NULL'" (question 45178). The column is Jackson's: one past the offending character.
 */
class JsonReader {
  i = 0;
  constructor(
    private readonly s: string,
    private readonly fail: (m: string) => never,
  ) {}
  /** `at [line:L, column:C]` for the parser having consumed everything before index `next` */
  private at(next: number): string {
    let line = 1;
    let rowStart = 0;
    for (let k = this.s.indexOf('\n'); k >= 0 && k < next; k = this.s.indexOf('\n', k + 1)) {
      line++;
      rowStart = k + 1;
    }
    return `at [line:${line}, column:${next - rowStart + 1}]`;
  }
  /** the character at index `k` was not what the grammar allows here */
  private unexpected(k: number, expecting: string): never {
    if (k >= this.s.length)
      return this.fail(`Unexpected end-of-input: ${expecting.replace(/^was /, '')} ${this.at(this.s.length)}`);
    const c = this.s[k];
    const code = this.s.charCodeAt(k);
    const shown = code < 32 ? `(CTRL-CHAR, code ${code})` : `('${c}' (code ${code}))`;
    return this.fail(`Unexpected character ${shown}: ${expecting} ${this.at(k + 1)}`);
  }
  ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  parse(): J {
    this.ws();
    if (this.i >= this.s.length) return this.fail(`No content to map due to end-of-input ${this.at(0)}`);
    const v = this.value();
    this.ws();
    if (this.i < this.s.length) this.unexpected(this.i, 'expected end of input');
    return v;
  }
  value(): J {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      const obj: [string, J][] = [];
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return { obj };
      }
      for (;;) {
        this.ws();
        if (this.s[this.i] !== '"') this.unexpected(this.i, 'was expecting double-quote to start field name');
        const k = this.string();
        this.ws();
        if (this.s[this.i] !== ':') this.unexpected(this.i, 'was expecting a colon to separate field name and value');
        this.i++;
        obj.push([k, this.value()]);
        this.ws();
        const d = this.s[this.i];
        if (d === '}') {
          this.i++;
          return { obj };
        }
        if (d !== ',') this.unexpected(this.i, 'was expecting comma to separate OBJECT entries');
        this.i++;
      }
    }
    if (c === '[') {
      this.i++;
      const arr: J[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return arr;
      }
      for (;;) {
        arr.push(this.value());
        this.ws();
        const d = this.s[this.i];
        if (d === ']') {
          this.i++;
          return arr;
        }
        if (d !== ',') this.unexpected(this.i, 'was expecting comma to separate ARRAY entries');
        this.i++;
      }
    }
    if (c === '"') return this.string();
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (m) {
      this.i += m[0].length;
      return { num: m[0] };
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.i, this.i + 100))?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      this.i += word.length;
      return word === 'null' ? null : word === 'true';
    }
    // Jackson matches a token only after t, f, n (null/true/false) or N, I (NaN, Infinity); other letters are
    // unexpected characters
    if (word && 'tfnNI'.includes(word[0]))
      return this.fail(
        `Unrecognized token '${word}': was expecting 'null', 'true' or 'false' ${this.at(this.i + word.length)}`,
      );
    return this.unexpected(this.i, "expected a valid value (number, String, array, object, 'true', 'false' or 'null')");
  }
  string(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) return this.fail(`Unexpected end-of-input in VALUE_STRING ${this.at(this.s.length)}`);
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.s[this.i++];
        if (e === 'u') {
          out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
          this.i += 4;
        } else out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
      } else out += c;
    }
  }
}

// ------------------------------------------------------------------ serialize
export interface Out {
  pretty: boolean;
  suppressNulls: boolean;
  /** Lightning's Apex-controller serialization: only @AuraEnabled members of Apex objects, SObjects without `attributes`, child records as arrays */
  aura?: boolean;
}

function q(s: string): string {
  return JSON.stringify(s);
}

export function serialize(ix: ExecutionContext, v: Value, o: Out, depth = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return q(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof IntV) return String(v.v);
  if (v instanceof LongV) return v.v.toString();
  if (v instanceof DecimalV) return v.v.toFixed(v.scale);
  if (v instanceof DoubleV) return formatDouble(v.v);
  if (v instanceof DateV) return q(formatDate(v));
  if (v instanceof DatetimeV) return q(new Date(v.ms).toISOString());
  if (v instanceof TimeV) return q(formatTime(v));
  if (v instanceof BlobV) return q(v.bytes.toString('base64'));
  if (v instanceof EnumV) return q(v.name);
  if (v instanceof ListV) return arr(ix, v.items, o, depth);
  if (v instanceof SetV) return arr(ix, v.values(), o, depth);
  if (v instanceof MapV)
    return obj(
      [...v.map.values()].map(([k, x]) => [k === null ? 'null' : typeof k === 'string' ? k : serializeKey(k), x]),
      ix,
      o,
      depth,
      false,
    );
  if (v instanceof SObjectV) {
    const id = v.fields.get('id')?.value;
    const attrs: [string, Value][] = [['type', v.type]];
    if (typeof id === 'string') attrs.push(['url', `/services/data/v${API_VERSION}/sobjects/${v.type}/${id}`]);
    const entries: [string, Value | { raw: string }][] = o.aura
      ? []
      : [['attributes', { raw: obj(attrs, ix, o, depth + 1, false) }]];
    for (const f of v.fields.values()) {
      if (f.value instanceof ListV && o.aura) entries.push([f.name, f.value]);
      else if (f.value instanceof ListV) {
        const records = f.value.items;
        entries.push([
          f.name,
          {
            raw: obj(
              [
                ['totalSize', int(records.length)],
                ['done', true],
                ['records', f.value],
              ],
              ix,
              o,
              depth + 1,
              false,
            ),
          },
        ]);
      } else entries.push([f.name, f.value]);
    }
    return obj(entries, ix, o, depth, false);
  }
  if (v instanceof ObjectV) {
    const cls = v.cls;
    const entries: [string, Value][] = [];
    const chain = [];
    for (let k: typeof cls | null = cls; k; k = k.superclass) chain.unshift(k);
    for (const k of chain) {
      for (const name of k.decl?.memberOrder ?? []) {
        const ln = name.toLowerCase();
        const f = k.instanceFields.get(ln);
        const p = k.instanceProps.get(ln);
        if ((f ?? p)?.mods.includes('transient')) continue;
        if (o.aura && !(f ?? p)?.annotations.some((a) => a.name === 'auraenabled')) continue;
        entries.push([name, p?.getter?.body ? ix.getField(v, name, 0) : (v.fields.get(ln) ?? null)]);
      }
    }
    return obj(entries, ix, o, depth, o.suppressNulls);
  }
  if (v instanceof TypeV) return q(v.type.name);
  if (v instanceof NativeV) return ix.unsupported(`JSON.serialize of ${v.typeName}`);
  return 'null';
}

function serializeKey(k: Value): string {
  if (k instanceof IntV || k instanceof LongV) return String(k.v);
  return String((k as { v?: unknown }).v ?? k);
}

function arr(ix: ExecutionContext, items: Value[], o: Out, depth: number): string {
  if (!o.pretty) return '[' + items.map((x) => serialize(ix, x, o, depth)).join(',') + ']';
  if (!items.length) return '[ ]';
  return '[ ' + items.map((x) => serialize(ix, x, o, depth)).join(', ') + ' ]';
}

function obj(
  entries: [string, Value | { raw: string }][],
  ix: ExecutionContext,
  o: Out,
  depth: number,
  suppressNulls: boolean,
): string {
  const kept = suppressNulls ? entries.filter(([, v]) => v !== null) : entries;
  const val = (v: Value | { raw: string }) =>
    v !== null && typeof v === 'object' && 'raw' in v ? v.raw : serialize(ix, v as Value, o, depth + 1);
  if (!o.pretty) return '{' + kept.map(([k, v]) => `${q(k)}:${val(v)}`).join(',') + '}';
  if (!kept.length) return '{ }';
  const ind = '  '.repeat(depth + 1);
  return '{\n' + kept.map(([k, v]) => `${ind}${q(k)} : ${val(v)}`).join(',\n') + '\n' + '  '.repeat(depth) + '}';
}

// ------------------------------------------------------------------ deserialize
function untyped(j: J): Value {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (Array.isArray(j)) return new ListV(T.object, j.map(untyped));
  if ('num' in j) return numberOf(j.num);
  const m = new MapV(T.string, T.object);
  for (const [k, v] of j.obj) m.put(k, untyped(v));
  return m;
}

/** deserializeUntyped number typing: integral values in 32 bits are Integer, larger ones Long, anything with a fraction or exponent Decimal. */
function numberOf(text: string): Value {
  if (/^-?\d+$/.test(text)) {
    const b = BigInt(text);
    if (b >= -2147483648n && b <= 2147483647n) return int(Number(b));
    return long(b);
  }
  return dec(text);
}

class Deserializer {
  constructor(
    private readonly ix: ExecutionContext,
    private readonly strict: boolean,
  ) {}

  fail(msg: string): never {
    return this.ix.fail('System.JSONException', msg);
  }

  to(j: J, t: TypeDesc): Value {
    if (j === null) return null;
    switch (t.kind) {
      case 'object':
        return untyped(j);
      case 'prim':
        return this.prim(j, t);
      case 'list':
      case 'set': {
        if (!Array.isArray(j)) return this.fail(`Malformed JSON: Expected '[' at the beginning of List/Set`);
        const items = j.map((x) => this.to(x, t.args[0]));
        if (t.kind === 'list') return new ListV(t.args[0], items);
        const s = new SetV(t.args[0]);
        for (const x of items) s.add(x);
        return s;
      }
      case 'map': {
        if (Array.isArray(j) || typeof j !== 'object' || !('obj' in j))
          return this.fail(`Malformed JSON: Expected '{' at the beginning of object`);
        const m = new MapV(t.args[0], t.args[1]);
        for (const [k, v] of j.obj) m.put(this.prim(k, t.args[0]), this.to(v, t.args[1]));
        return m;
      }
      case 'sobject':
        return this.sobject(j, t.name);
      case 'class': {
        const cls = t.cls!;
        if (cls.kind === 'enum') {
          if (typeof j !== 'string') return this.fail(`Illegal value for enum ${cls.name}`);
          return this.ix.enumValues(cls).find((e) => e.name.toLowerCase() === j.toLowerCase()) ?? null;
        }
        if (Array.isArray(j) || typeof j !== 'object' || !('obj' in j))
          return this.fail(`Malformed JSON: Expected '{' at the beginning of object`);
        if (cls.isAbstract) return this.fail(`Cannot deserialize instance of abstract type ${cls.name}`);
        const o = this.ix.instantiateForJson(cls);
        for (const [k, v] of j.obj) {
          const member = this.ix.jsonMember(cls, k);
          if (!member) {
            if (this.strict) this.fail(`No such column '${k}' on ${cls.name}`);
            continue;
          }
          o.fields.set(member.name.toLowerCase(), this.to(v, member.type));
        }
        return o;
      }
      default:
        return this.ix.unsupported(`JSON.deserialize into ${t.name}`);
    }
  }

  prim(j: J, t: TypeDesc): Value {
    if (j === null) return null;
    const n = typeof j === 'object' && j !== null && 'num' in j ? j.num : null;
    switch (t.name) {
      case 'String':
      case 'Id':
        if (typeof j === 'string') return t.name === 'Id' ? this.ix.sobjects.toId(j) : j;
        if (n !== null) return n;
        if (typeof j === 'boolean') return String(j);
        break;
      case 'Integer':
        if (n !== null) return int(Math.trunc(Number(n)));
        if (typeof j === 'string' && /^-?\d+$/.test(j)) return int(Number(j));
        break;
      case 'Long':
        if (n !== null) return long(BigInt(/^-?\d+$/.test(n) ? n : Math.trunc(Number(n))));
        break;
      case 'Decimal':
        if (n !== null) return dec(n);
        if (typeof j === 'string' && j.trim() && !Number.isNaN(Number(j))) return dec(new D(j));
        break;
      case 'Double':
        if (n !== null) return dbl(Number(n));
        break;
      case 'Boolean':
        if (typeof j === 'boolean') return j;
        if (typeof j === 'string') return j.toLowerCase() === 'true';
        break;
      case 'Date':
        if (typeof j === 'string') return this.ix.stdlib.type('date')!.statics!.valueof(this.ix, [j]);
        break;
      case 'Datetime':
        if (typeof j === 'string') {
          const ms = Date.parse(j.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
          if (Number.isNaN(ms)) this.fail(`Cannot deserialize datetime: ${j}`);
          return new DatetimeV(ms);
        }
        break;
      case 'Blob':
        if (typeof j === 'string') return new BlobV(Buffer.from(j, 'base64'));
        break;
    }
    return this.fail(
      `Cannot deserialize instance of ${t.name.toLowerCase()} from ${Array.isArray(j) ? 'START_ARRAY' : typeof j === 'object' ? 'START_OBJECT' : 'VALUE_' + typeof j} value`,
    );
  }

  sobject(j: J, typeName: string): Value {
    if (Array.isArray(j) || typeof j !== 'object' || j === null || !('obj' in j))
      return this.fail(`Malformed JSON: Expected '{' at the beginning of object`);
    const attrs = j.obj.find(([k]) => k === 'attributes')?.[1] as { obj: [string, J][] } | undefined;
    const type = (attrs?.obj.find(([k]) => k === 'type')?.[1] as string | undefined) ?? typeName;
    const so = this.ix.sobjects.create(type);
    const d = this.ix.org.describe(so.type);
    for (const [k, v] of j.obj) {
      if (k === 'attributes') continue;
      const f = d?.fields[k.toLowerCase()];
      if (f) {
        const ft: TypeDesc = { name: fieldApexType(f.type), args: [], kind: 'prim' };
        this.ix.sobjects.put(so, k, this.to(v, ft));
      } else if (v && typeof v === 'object' && !Array.isArray(v) && 'obj' in v) {
        const recs = v.obj.find(([kk]) => kk === 'records')?.[1];
        if (Array.isArray(recs)) {
          const rel = d?.childRelationships.find((c) => c.relationshipName.toLowerCase() === k.toLowerCase());
          const ct: TypeDesc = { name: rel?.childObject ?? 'SObject', args: [], kind: 'sobject' };
          this.ix.sobjects.put(
            so,
            k,
            new ListV(
              ct,
              recs.map((r) => this.sobject(r, ct.name)),
            ),
          );
        } else this.ix.sobjects.put(so, k, this.sobject(v, 'SObject'));
      } else if (this.strict || !d) this.fail(`No such column '${k}' on sobject of type ${so.type}`);
    }
    return so;
  }
}

function fieldApexType(t: string): string {
  switch (t) {
    case 'boolean':
      return 'Boolean';
    case 'int':
      return 'Integer';
    case 'double':
    case 'currency':
    case 'percent':
      return 'Decimal';
    case 'date':
      return 'Date';
    case 'datetime':
      return 'Datetime';
    case 'id':
    case 'reference':
      return 'Id';
    default:
      return 'String';
  }
}

function parse(ix: ExecutionContext, text: Value): J {
  const s = str(ix, text);
  ix.noteAllocation(s.length); // the parsed values are about as large as the text
  ix.chargeCpu(s.length * CPU_US.jsonParseChar);
  return new JsonReader(s, (m) => ix.fail('System.JSONException', m)).parse();
}

function typeArg(ix: ExecutionContext, t: Value): TypeDesc {
  if (!(t instanceof TypeV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  return t.type;
}

/** JSON text handed back to Apex: a new String as large as itself (see ExecutionContext.noteAllocation). */
function serialized(ix: ExecutionContext, text: string): string {
  ix.noteAllocation(text.length);
  ix.chargeCpu(text.length * CPU_US.jsonSerializeChar);
  return text;
}

export function installJson(lib: Stdlib): void {
  lib.register({
    name: 'JSON',
    statics: {
      serialize: (ix, [v, suppress]) =>
        serialized(ix, serialize(ix, v, { pretty: false, suppressNulls: suppress === true })),
      serializepretty: (ix, [v, suppress]) =>
        serialized(ix, serialize(ix, v, { pretty: true, suppressNulls: suppress === true })),
      deserialize: (ix, [s, t]) => new Deserializer(ix, false).to(parse(ix, s), typeArg(ix, t)),
      deserializestrict: (ix, [s, t]) => new Deserializer(ix, true).to(parse(ix, s), typeArg(ix, t)),
      deserializeuntyped: (ix, [s]) => untyped(parse(ix, s)),
    },
  });
}

/** A plain JS value (from the Lightning bridge) converted to an Apex value of the declared type, as JSON.deserialize would. */
export function fromJs(ix: ExecutionContext, v: unknown, t: TypeDesc): Value {
  const toJ = (x: unknown): J => {
    if (x === null || x === undefined) return null;
    if (typeof x === 'boolean' || typeof x === 'string') return x;
    if (typeof x === 'number') return { num: String(x) };
    if (Array.isArray(x)) return x.map(toJ);
    return { obj: Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, toJ(y)] as [string, J]) };
  };
  return new Deserializer(ix, false).to(toJ(v), t);
}
