/**
 * String.valueOf / System.debug formatting, as the platform prints values
 * (Apex Reference Guide, String.valueOf; collections print as `(a, b)`, sets and maps as `{a, b}` / `{k=v}`,
 * SObjects as `Account:{Name=x}`, objects as `ClassName:[field=value, …]`).
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
  TypeV,
  type TypeDesc,
  type Value,
} from '../values.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(d: DateV): string {
  const x = d.toDate();
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
}

/** Datetime in GMT as `yyyy-MM-dd HH:mm:ss` (System.debug / String.valueOf print GMT). */
export function formatDatetime(d: DatetimeV): string {
  const x = new Date(d.ms);
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}`;
}

export function formatTime(t: TimeV): string {
  const ms = t.ms;
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}Z`;
}

/** Java's Double.toString: `1.0`, `0.001`, `1.0E7`, `1.0E-4`. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(n);
    return s.includes('.') ? s : s + '.0';
  }
  const [m, e] = n.toExponential().split('e');
  const mant = m.includes('.') ? m : m + '.0';
  return `${mant}E${Number(e)}`;
}

export function formatDecimal(d: DecimalV): string {
  return d.v.toFixed(d.scale);
}

/** a type as Apex prints it: `List<Account>`, `Map<String,Object>` */
export function typeText(t: TypeDesc): string {
  return t.args.length ? `${t.name}<${t.args.map(typeText).join(',')}>` : t.name;
}

export function formatValue(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof IntV) return String(v.v);
  if (v instanceof LongV) return v.v.toString();
  if (v instanceof DecimalV) return formatDecimal(v);
  if (v instanceof DoubleV) return formatDouble(v.v);
  if (v instanceof DateV) return formatDate(v);
  if (v instanceof DatetimeV) return formatDatetime(v);
  if (v instanceof TimeV) return formatTime(v);
  if (v instanceof BlobV) return `Blob[${v.bytes.length}]`;
  if (v instanceof EnumV) return v.name;
  if (v instanceof TypeV) return typeText(v.type);
  if (v instanceof ListV) return '(' + v.items.map((x) => formatValue(x)).join(', ') + ')';
  if (v instanceof SetV)
    return (
      '{' +
      v
        .values()
        .map((x) => formatValue(x))
        .join(', ') +
      '}'
    );
  if (v instanceof MapV)
    return '{' + [...v.map.values()].map(([k, x]) => `${formatValue(k)}=${formatValue(x)}`).join(', ') + '}';
  if (v instanceof SObjectV) {
    const parts = [...v.fields.values()]
      .filter((f) => !(f.value instanceof ListV))
      .map((f) => `${f.name}=${formatValue(f.value)}`);
    return `${v.type}:{${parts.join(', ')}}`;
  }
  if (v instanceof ObjectV) {
    if (v.cls.isException) {
      const msg = v.fields.get('$message');
      return `${exceptionTypeName(v)}: ${msg === null || msg === undefined ? 'null' : formatValue(msg)}`;
    }
    const order = v.cls.decl?.memberOrder ?? [];
    const parts = order.map((n) => `${n}=${formatValue(v.fields.get(n.toLowerCase()) ?? null)}`);
    return `${v.cls.name}:[${parts.join(', ')}]`;
  }
  if (v instanceof NativeV) {
    if (typeof v.data?.toApexString === 'function') return v.data.toApexString();
    if (v.typeName === 'Schema.SObjectType') return String(v.data.name);
    if (v.typeName === 'Schema.SObjectField') return String(v.data.field);
    return `${v.typeName}`;
  }
  return String(v);
}

/** `getTypeName()` of an exception: built-ins carry their namespace (`System.DmlException`), custom ones their class name. */
export function exceptionTypeName(e: ObjectV): string {
  return e.cls.builtin && e.cls.name === 'Exception' ? 'System.Exception' : e.cls.name;
}
