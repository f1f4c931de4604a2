/** String methods (Apex Reference Guide, "String Class"). Indexes are UTF-16 code units, as in Apex. */
import type { ExecutionContext } from '../interp/context.ts';
import { CPU_US } from '../interp/cpu.ts';
import { chargeRegex } from './regex.ts';
import { formatValue } from '../interp/format.ts';
import { formatPattern } from './datetime.ts';
import {
  BlobV,
  DatetimeV,
  D,
  DecimalV,
  DoubleV,
  IntV,
  ListV,
  LongV,
  SetV,
  T,
  int,
  toDecimal,
  type Value,
} from '../values.ts';
import { intArg, list, str } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn } from './types.ts';

const strList = (items: string[]) => new ListV(T.string, items);

function isBlank(s: string | null): boolean {
  return s === null || s.trim() === '' || /^\s*$/.test(s);
}

/** A Java regular expression run over `input` (String.split/replaceAll/replaceFirst compile it each call). */
function javaRegex(ix: ExecutionContext, re: string, flags = 'g', input = ''): RegExp {
  chargeRegex(ix, re, input.length);
  try {
    return new RegExp(re.replace(/\(\?i\)/g, ''), re.includes('(?i)') ? flags + 'i' : flags);
  } catch {
    return ix.fail('System.StringException', `Invalid regex: ${re}`);
  }
}

/** A String a method built: charged per character (interp/cpu.ts). */
function built(ix: ExecutionContext, s: string): string {
  ix.chargeCpu(s.length * CPU_US.stringChar);
  return s;
}

/** Java-style replacement strings use $1 like JS; a literal backslash escapes. */
function javaReplacement(r: string): string {
  return r.replace(/\\\$/g, '$$$$').replace(/\\\\/g, '\\');
}

/** MessageFormat renders numbers with grouping and at most 3 fraction digits ({0} of 1000 is '1,000'). */
function formatArg(v: Value): string {
  if (v instanceof IntV || v instanceof LongV || v instanceof DecimalV || v instanceof DoubleV) {
    const n = toDecimal(v);
    const [i, f] = n.toDecimalPlaces(3, D.ROUND_HALF_EVEN).toFixed().split('.');
    const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return f ? `${grouped}.${f}` : grouped;
  }
  return formatValue(v);
}

function format(pattern: string, args: Value): string {
  const vals = args instanceof ListV ? args.items : [];
  // MessageFormat: '' is a literal quote; {n} substitutes the n-th argument
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) continue;
      out += pattern.slice(i + 1, end);
      i = end;
      continue;
    }
    if (c === '{') {
      const end = pattern.indexOf('}', i);
      const m = /^(\d+)/.exec(pattern.slice(i + 1, end));
      if (m) {
        const v = vals[Number(m[1])];
        out += v === undefined ? pattern.slice(i, end + 1) : formatArg(v);
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function escapeSingleQuotes(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

const methods: Record<string, MethodFn> = {
  length: (_ix, s: string) => int(s.length),
  isblank: (_ix, s: string) => isBlank(s),
  isnotblank: (_ix, s: string) => !isBlank(s),
  isempty: (_ix, s: string) => s.length === 0,
  isnotempty: (_ix, s: string) => s.length > 0,
  // Java String.trim removes every code point <= U+0020 at both ends
  trim: (_ix, s: string) => {
    let a = 0;
    let b = s.length;
    while (a < b && s.charCodeAt(a) <= 32) a++;
    while (b > a && s.charCodeAt(b - 1) <= 32) b--;
    return s.slice(a, b);
  },
  normalizespace: (_ix, s: string) => s.trim().replace(/\s+/g, ' '),
  tolowercase: (_ix, s: string) => s.toLowerCase(),
  touppercase: (_ix, s: string) => s.toUpperCase(),
  capitalize: (_ix, s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s),
  uncapitalize: (_ix, s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s),
  contains: (ix, s: string, [x]) => s.includes(str(ix, x)),
  containsignorecase: (ix, s: string, [x]) => s.toLowerCase().includes(str(ix, x).toLowerCase()),
  containsany: (ix, s: string, [x]) => [...str(ix, x)].some((c) => s.includes(c)),
  containsnone: (ix, s: string, [x]) => ![...str(ix, x)].some((c) => s.includes(c)),
  containsonly: (ix, s: string, [x]) => [...s].every((c) => str(ix, x).includes(c)),
  containswhitespace: (_ix, s: string) => /\s/.test(s),
  startswith: (ix, s: string, [x]) => s.startsWith(str(ix, x)),
  endswith: (ix, s: string, [x]) => s.endsWith(str(ix, x)),
  startswithignorecase: (ix, s: string, [x]) => s.toLowerCase().startsWith(str(ix, x).toLowerCase()),
  endswithignorecase: (ix, s: string, [x]) => s.toLowerCase().endsWith(str(ix, x).toLowerCase()),
  equals: (_ix, s: string, [x]) => typeof x === 'string' && s === x,
  equalsignorecase: (_ix, s: string, [x]) => typeof x === 'string' && s.toLowerCase() === x.toLowerCase(),
  compareto: (ix, s: string, [x]) => {
    const o = str(ix, x);
    const n = Math.min(s.length, o.length);
    for (let i = 0; i < n; i++) if (s.charCodeAt(i) !== o.charCodeAt(i)) return int(s.charCodeAt(i) - o.charCodeAt(i));
    return int(s.length - o.length);
  },
  indexof: (ix, s: string, [x, from]) => int(s.indexOf(str(ix, x), from ? intArg(ix, from) : 0)),
  indexofignorecase: (ix, s: string, [x, from]) =>
    int(s.toLowerCase().indexOf(str(ix, x).toLowerCase(), from ? intArg(ix, from) : 0)),
  lastindexof: (ix, s: string, [x]) => int(s.lastIndexOf(str(ix, x))),
  charat: (ix, s: string, [i]) => {
    const n = intArg(ix, i);
    if (n < 0 || n >= s.length) ix.fail('System.StringException', `Invalid index ${n}`);
    return int(s.charCodeAt(n));
  },
  substring: (ix, s: string, [a, b]) => {
    const from = intArg(ix, a);
    const to = b === undefined ? s.length : intArg(ix, b);
    if (from < 0 || to > s.length || from > to)
      ix.fail('System.StringException', `Ending position out of bounds: ${to}`);
    return s.substring(from, to);
  },
  substringbefore: (ix, s: string, [x]) => {
    const sep = str(ix, x);
    const i = s.indexOf(sep);
    return i < 0 ? s : s.slice(0, i);
  },
  substringafter: (ix, s: string, [x]) => {
    const sep = str(ix, x);
    const i = s.indexOf(sep);
    return i < 0 ? '' : s.slice(i + sep.length);
  },
  substringbeforelast: (ix, s: string, [x]) => {
    const sep = str(ix, x);
    const i = s.lastIndexOf(sep);
    return i < 0 ? s : s.slice(0, i);
  },
  substringafterlast: (ix, s: string, [x]) => {
    const sep = str(ix, x);
    const i = s.lastIndexOf(sep);
    return i < 0 ? '' : s.slice(i + sep.length);
  },
  substringbetween: (ix, s: string, [a, b]) => {
    const open = str(ix, a);
    const close = b === undefined ? open : str(ix, b);
    const i = s.indexOf(open);
    if (i < 0) return null;
    const j = s.indexOf(close, i + open.length);
    return j < 0 ? null : s.slice(i + open.length, j);
  },
  left: (ix, s: string, [n]) => s.slice(0, Math.max(0, intArg(ix, n))),
  right: (ix, s: string, [n]) => {
    const k = Math.max(0, intArg(ix, n));
    return k === 0 ? '' : s.slice(-k);
  },
  mid: (ix, s: string, [a, n]) => s.substr(Math.max(0, intArg(ix, a)), Math.max(0, intArg(ix, n))),
  abbreviate: (ix, s: string, [n]) => {
    const max = intArg(ix, n);
    if (max < 4) ix.fail('System.StringException', 'Minimum abbreviation width is 4');
    return s.length <= max ? s : s.slice(0, max - 3) + '...';
  },
  replace: (ix, s: string, [a, b]) => built(ix, s.split(str(ix, a)).join(str(ix, b))),
  replaceall: (ix, s: string, [a, b]) => s.replace(javaRegex(ix, str(ix, a), 'g', s), javaReplacement(str(ix, b))),
  replacefirst: (ix, s: string, [a, b]) => s.replace(javaRegex(ix, str(ix, a), '', s), javaReplacement(str(ix, b))),
  remove: (ix, s: string, [a]) => s.split(str(ix, a)).join(''),
  removestart: (ix, s: string, [a]) => (s.startsWith(str(ix, a)) ? s.slice(str(ix, a).length) : s),
  removeend: (ix, s: string, [a]) => (s.endsWith(str(ix, a)) && str(ix, a) ? s.slice(0, -str(ix, a).length) : s),
  removestartignorecase: (ix, s: string, [a]) =>
    s.toLowerCase().startsWith(str(ix, a).toLowerCase()) ? s.slice(str(ix, a).length) : s,
  removeendignorecase: (ix, s: string, [a]) =>
    s.toLowerCase().endsWith(str(ix, a).toLowerCase()) && str(ix, a) ? s.slice(0, -str(ix, a).length) : s,
  deletewhitespace: (_ix, s: string) => s.replace(/\s+/g, ''),
  split: (ix, s: string, [re, lim]) => {
    // Java String.split: trailing empty strings are removed when no limit is given
    const limit = lim === undefined ? 0 : intArg(ix, lim);
    const pattern = str(ix, re);
    let parts: string[];
    if (limit > 0) {
      parts = [];
      const rx = javaRegex(ix, pattern, 'g', s);
      let last = 0;
      let m: RegExpExecArray | null;
      while (parts.length < limit - 1 && (m = rx.exec(s))) {
        if (m[0] === '' && m.index === last) {
          rx.lastIndex++;
          continue;
        }
        parts.push(s.slice(last, m.index));
        last = m.index + m[0].length;
      }
      parts.push(s.slice(last));
    } else {
      parts = s === '' ? [''] : s.split(javaRegex(ix, pattern, 'g', s));
      if (pattern === '') parts = [...s];
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      if (parts.length && parts[0] === '' && s.length > 0 && new RegExp('^(?:' + pattern + ')').exec(s)?.[0] === '')
        parts.shift();
    }
    return strList(parts);
  },
  splitbycharactertype: (_ix, s: string) => strList(s.match(/[A-Z]+|[a-z]+|[0-9]+|\s+|[^A-Za-z0-9\s]+/g) ?? []),
  repeat: (ix, s: string, [a, b]) =>
    built(
      ix,
      b === undefined
        ? s.repeat(Math.max(0, intArg(ix, a)))
        : Array(Math.max(0, intArg(ix, b)))
            .fill(s)
            .join(str(ix, a)),
    ),
  reverse: (_ix, s: string) => [...s].reverse().join(''),
  leftpad: (ix, s: string, [n, p]) => s.padStart(intArg(ix, n), p === undefined ? ' ' : str(ix, p)),
  rightpad: (ix, s: string, [n, p]) => s.padEnd(intArg(ix, n), p === undefined ? ' ' : str(ix, p)),
  center: (ix, s: string, [n, p]) => {
    const w = intArg(ix, n);
    const pad = p === undefined ? ' ' : str(ix, p);
    if (w <= s.length) return s;
    const left = Math.floor((w - s.length) / 2);
    return s.padStart(s.length + left, pad).padEnd(w, pad);
  },
  isnumeric: (_ix, s: string) => /^[0-9]+$/.test(s),
  iswhitespace: (_ix, s: string) => /^\s*$/.test(s),
  isasciiprintable: (_ix, s: string) => /^[\x20-\x7E]*$/.test(s),
  isnumericspace: (_ix, s: string) => /^[0-9 ]+$/.test(s),
  isalpha: (_ix, s: string) => /^[A-Za-z]+$/.test(s),
  isalphaspace: (_ix, s: string) => /^[A-Za-z ]+$/.test(s),
  isalphanumeric: (_ix, s: string) => /^[A-Za-z0-9]+$/.test(s),
  isalphanumericspace: (_ix, s: string) => /^[A-Za-z0-9 ]+$/.test(s),
  isalllowercase: (_ix, s: string) => s.length > 0 && s === s.toLowerCase() && /[a-z]/.test(s),
  isalluppercase: (_ix, s: string) => s.length > 0 && s === s.toUpperCase() && /[A-Z]/.test(s),
  escapesinglequotes: (_ix, s: string) => escapeSingleQuotes(s),
  escapejava: (_ix, s: string) => JSON.stringify(s).slice(1, -1),
  escapecsv: (_ix, s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s),
  escapehtml4: (_ix, s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  unescapehtml4: (_ix, s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  countmatches: (ix, s: string, [x]) => {
    const sub = str(ix, x);
    return int(sub ? s.split(sub).length - 1 : 0);
  },
  difference: (ix, s: string, [x]) => {
    const o = str(ix, x);
    let i = 0;
    while (i < s.length && i < o.length && s[i] === o[i]) i++;
    return o.slice(i);
  },
  hashcode: (_ix, s: string) => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
    return int(h);
  },
  tostring: (_ix, s: string) => s,
  getchars: (_ix, s: string) =>
    new ListV(
      T.integer,
      [...s].map((c) => int(c.charCodeAt(0))),
    ),
  codepointat: (ix, s: string, [i]) => int(s.codePointAt(intArg(ix, i)) ?? 0),
  striphtmltags: (_ix, s: string) => s.replace(/<[^>]*>/g, ''),
  // Id methods reached through String when the value is an Id
  to15: (_ix, s: string) => s.slice(0, 15),
};

const statics: Record<string, (ix: ExecutionContext, args: Value[]) => Value> = {
  // String.valueOf(Datetime) uses the running user's time zone; concatenation and System.debug print GMT (String Class)
  valueof: (ix, [v]) =>
    v === null
      ? null
      : v instanceof DatetimeV
        ? formatPattern(v.ms, 'yyyy-MM-dd HH:mm:ss', ix.userTimeZone())
        : formatValue(v),
  valueofgmt: (_ix, [v]) => formatValue(v),
  isblank: (_ix, [v]) => isBlank(v as string | null),
  isnotblank: (_ix, [v]) => !isBlank(v as string | null),
  isempty: (_ix, [v]) => v === null || v === '',
  isnotempty: (_ix, [v]) => v !== null && v !== '',
  join: (ix, [coll, sep]) => {
    const items =
      coll instanceof ListV
        ? coll.items
        : coll instanceof SetV
          ? coll.values()
          : ix.fail('System.NullPointerException', 'Argument cannot be null.');
    return built(ix, items.map((x) => formatValue(x)).join(str(ix, sep)));
  },
  format: (ix, [p, args]) => format(str(ix, p), args),
  escapesinglequotes: (ix, [s]) => escapeSingleQuotes(str(ix, s)),
  fromchararray: (ix, [l]) => String.fromCharCode(...list(ix, l).items.map((x) => (x as IntV).v)),
  tobase64: (ix, [b]) => (b as BlobV).bytes.toString('base64'),
};

export function installStrings(lib: Stdlib): void {
  lib.addValueMethods('String', methods);
  lib.register({ name: 'String', statics });
}
