/**
 * Date, Datetime and Time (Apex Reference Guide). The running user's time zone is the org user's
 * TimeZoneSidKey when the org provides one, else GMT; format patterns follow Java SimpleDateFormat.
 */
import type { ExecutionContext } from '../interp/context.ts';
import { formatDate, formatDatetime } from '../interp/format.ts';
import { DateV, DatetimeV, IntV, LongV, TimeV, int, long, type Value } from '../values.ts';
import { intArg, str } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn, StaticFn } from './types.ts';

const DAY = 86400000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The running user's TimeZoneSidKey (Datetime methods without Gmt use it), GMT when the org has none. */
export function userTimeZone(ix: ExecutionContext): string {
  return ix.userTimeZone();
}

/** Offset in ms of `tz` at instant `ms` (positive east of GMT). */
export function tzOffset(tz: string, ms: number): number {
  if (tz === 'GMT' || tz === 'UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const g = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function localFields(ms: number, tz: string) {
  const d = new Date(ms + tzOffset(tz, ms));
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    dow: d.getUTCDay(),
  };
}

function fromLocal(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  return guess - tzOffset(tz, guess - tzOffset(tz, guess));
}

/** Java's `z`: the short zone name (EST, GMT, CET…). */
function shortZoneName(tz: string, ms: number): string {
  if (tz === 'GMT' || tz === 'UTC') return tz;
  const p = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((x) => x.type === 'timeZoneName');
  return p?.value ?? tz;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Java SimpleDateFormat subset: y M d H h m s S a E z Z X and 'quoted' literals. */
export function formatPattern(ms: number, pattern: string, tz: string): string {
  const f = localFields(ms, tz);
  const off = tzOffset(tz, ms) / 60000;
  const sign = off >= 0 ? '+' : '-';
  const oh = pad(Math.floor(Math.abs(off) / 60));
  const om = pad(Math.abs(off) % 60);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'y':
        out += n === 2 ? pad(f.y % 100) : pad(f.y, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[f.mo - 1] : n === 3 ? MONTHS[f.mo - 1].slice(0, 3) : pad(f.mo, n);
        break;
      case 'd':
        out += pad(f.d, n);
        break;
      case 'H':
        out += pad(f.h, n);
        break;
      case 'h':
        out += pad(f.h % 12 === 0 ? 12 : f.h % 12, n);
        break;
      case 'm':
        out += pad(f.mi, n);
        break;
      case 's':
        out += pad(f.s, n);
        break;
      case 'S':
        out += pad(f.ms, 3).slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += f.h < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.dow] : DAYS[f.dow].slice(0, 3);
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out += off === 0 ? 'Z' : n === 1 ? `${sign}${oh}` : n === 2 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
        break;
      case 'z':
        out += shortZoneName(tz, ms);
        break;
      default:
        out += c.repeat(n);
    }
  }
  return out;
}

function dateFrom(y: number, m: number, d: number): DateV {
  return new DateV(Math.round(Date.UTC(y, m - 1, d) / DAY));
}

function parts(d: DateV) {
  const x = d.toDate();
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

function addMonths(y: number, m: number, d: number, n: number): { y: number; m: number; d: number } {
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const dim = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return { y: ny, m: nm, d: Math.min(d, dim) };
}

function parseIsoDate(ix: ExecutionContext, s: string): DateV {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s.trim());
  if (!m) return ix.fail('System.TypeException', `Invalid date: ${s}`);
  return dateFrom(Number(m[1]), Number(m[2]), Number(m[3]));
}

const dateStatics: Record<string, StaticFn> = {
  today: (ix) => {
    const f = localFields(ix.org.now().getTime(), userTimeZone(ix));
    return dateFrom(f.y, f.mo, f.d);
  },
  newinstance: (ix, [y, m, d]) => dateFrom(intArg(ix, y), intArg(ix, m), intArg(ix, d)),
  valueof: (ix, [v]) => {
    if (v === null) return null;
    if (v instanceof DatetimeV) {
      const f = localFields(v.ms, userTimeZone(ix));
      return dateFrom(f.y, f.mo, f.d);
    }
    return parseIsoDate(ix, str(ix, v));
  },
  parse: (ix, [v]) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(str(ix, v).trim());
    if (!m) return ix.fail('System.TypeException', `Invalid date: ${str(ix, v)}`);
    return dateFrom(Number(m[3]), Number(m[1]), Number(m[2]));
  },
  isleapyear: (ix, [y]) => {
    const n = intArg(ix, y);
    return (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
  },
  daysinmonth: (ix, [y, m]) => int(new Date(Date.UTC(intArg(ix, y), intArg(ix, m), 0)).getUTCDate()),
};

const dateMethods: Record<string, MethodFn> = {
  year: (_ix, d: DateV) => int(parts(d).y),
  month: (_ix, d: DateV) => int(parts(d).m),
  day: (_ix, d: DateV) => int(parts(d).d),
  dayofyear: (_ix, d: DateV) => int(d.days - Math.round(Date.UTC(parts(d).y, 0, 1) / DAY) + 1),
  adddays: (ix, d: DateV, [n]) => new DateV(d.days + intArg(ix, n)),
  addmonths: (ix, d: DateV, [n]) => {
    const p = parts(d);
    const r = addMonths(p.y, p.m, p.d, intArg(ix, n));
    return dateFrom(r.y, r.m, r.d);
  },
  addyears: (ix, d: DateV, [n]) => {
    const p = parts(d);
    const r = addMonths(p.y, p.m, p.d, 12 * intArg(ix, n));
    return dateFrom(r.y, r.m, r.d);
  },
  daysbetween: (ix, d: DateV, [o]) => int((o as DateV).days - d.days),
  monthsbetween: (_ix, d: DateV, [o]) => {
    const a = parts(d);
    const b = parts(o as DateV);
    return int((b.y - a.y) * 12 + (b.m - a.m));
  },
  issameday: (_ix, d: DateV, [o]) => o instanceof DateV && o.days === d.days,
  tostartofmonth: (_ix, d: DateV) => dateFrom(parts(d).y, parts(d).m, 1),
  tostartofweek: (_ix, d: DateV) => new DateV(d.days - d.toDate().getUTCDay()),
  format: (_ix, d: DateV) => `${parts(d).m}/${parts(d).d}/${parts(d).y}`,
  tostring: (_ix, d: DateV) => formatDate(d),
  equals: (ix, d: DateV, [o]) => ix.equals(d, o),
  hashcode: (_ix, d: DateV) => int(d.days),
};

const datetimeStatics: Record<string, StaticFn> = {
  now: (ix) => new DatetimeV(ix.org.now().getTime()),
  newinstance: (ix, args) => {
    if (args.length === 1) return new DatetimeV(Number((args[0] as LongV).v ?? (args[0] as IntV).v));
    if (args.length === 2) {
      const d = parts(args[0] as DateV);
      const t = (args[1] as TimeV).ms;
      return new DatetimeV(
        fromLocal(
          d.y,
          d.m,
          d.d,
          Math.floor(t / 3600000),
          Math.floor(t / 60000) % 60,
          Math.floor(t / 1000) % 60,
          userTimeZone(ix),
        ) +
          (t % 1000),
      );
    }
    const [y, mo, d, h, mi, s] = args.map((a) => intArg(ix, a));
    return new DatetimeV(fromLocal(y, mo, d, h ?? 0, mi ?? 0, s ?? 0, userTimeZone(ix)));
  },
  newinstancegmt: (ix, args) => {
    if (args.length === 2) {
      const d = parts(args[0] as DateV);
      return new DatetimeV(Date.UTC(d.y, d.m - 1, d.d) + (args[1] as TimeV).ms);
    }
    const [y, mo, d, h, mi, s] = args.map((a) => intArg(ix, a));
    return new DatetimeV(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0));
  },
  valueof: (ix, [v]) => {
    if (v === null) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(str(ix, v).trim());
    if (!m) return ix.fail('System.TypeException', `Invalid date/time: ${str(ix, v)}`);
    return new DatetimeV(fromLocal(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6], userTimeZone(ix)));
  },
  valueofgmt: (ix, [v]) => {
    if (v === null) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(str(ix, v).trim());
    if (!m) return ix.fail('System.TypeException', `Invalid date/time: ${str(ix, v)}`);
    return new DatetimeV(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  },
};

const dtPart =
  (gmt: boolean, key: 'y' | 'mo' | 'd' | 'h' | 'mi' | 's' | 'ms'): MethodFn =>
  (ix, d: DatetimeV) =>
    int(localFields(d.ms, gmt ? 'GMT' : userTimeZone(ix))[key]);

const datetimeMethods: Record<string, MethodFn> = {
  gettime: (_ix, d: DatetimeV) => long(BigInt(d.ms)),
  year: dtPart(false, 'y'),
  month: dtPart(false, 'mo'),
  day: dtPart(false, 'd'),
  hour: dtPart(false, 'h'),
  minute: dtPart(false, 'mi'),
  second: dtPart(false, 's'),
  millisecond: dtPart(false, 'ms'),
  yeargmt: dtPart(true, 'y'),
  monthgmt: dtPart(true, 'mo'),
  daygmt: dtPart(true, 'd'),
  hourgmt: dtPart(true, 'h'),
  minutegmt: dtPart(true, 'mi'),
  secondgmt: dtPart(true, 's'),
  millisecondgmt: dtPart(true, 'ms'),
  date: (ix, d: DatetimeV) => {
    const f = localFields(d.ms, userTimeZone(ix));
    return dateFrom(f.y, f.mo, f.d);
  },
  dategmt: (_ix, d: DatetimeV) => new DateV(Math.floor(d.ms / DAY)),
  time: (ix, d: DatetimeV) => {
    const f = localFields(d.ms, userTimeZone(ix));
    return new TimeV(((f.h * 60 + f.mi) * 60 + f.s) * 1000 + f.ms);
  },
  timegmt: (_ix, d: DatetimeV) => new TimeV(((d.ms % DAY) + DAY) % DAY),
  adddays: (ix, d: DatetimeV, [n]) => new DatetimeV(d.ms + intArg(ix, n) * DAY),
  addhours: (ix, d: DatetimeV, [n]) => new DatetimeV(d.ms + intArg(ix, n) * 3600000),
  addminutes: (ix, d: DatetimeV, [n]) => new DatetimeV(d.ms + intArg(ix, n) * 60000),
  addseconds: (ix, d: DatetimeV, [n]) => new DatetimeV(d.ms + intArg(ix, n) * 1000),
  addmonths: (ix, d: DatetimeV, [n]) => {
    const f = localFields(d.ms, 'GMT');
    const r = addMonths(f.y, f.mo, f.d, intArg(ix, n));
    return new DatetimeV(Date.UTC(r.y, r.m - 1, r.d, f.h, f.mi, f.s, f.ms));
  },
  addyears: (ix, d: DatetimeV, [n]) => {
    const f = localFields(d.ms, 'GMT');
    const r = addMonths(f.y, f.mo, f.d, 12 * intArg(ix, n));
    return new DatetimeV(Date.UTC(r.y, r.m - 1, r.d, f.h, f.mi, f.s, f.ms));
  },
  format: (ix, d: DatetimeV, [p, tz]) =>
    p === undefined
      ? formatPattern(d.ms, 'M/d/yyyy h:mm a', userTimeZone(ix))
      : formatPattern(d.ms, str(ix, p), tz ? str(ix, tz) : userTimeZone(ix)),
  formatgmt: (ix, d: DatetimeV, [p]) => formatPattern(d.ms, str(ix, p), 'GMT'),
  formatlong: (ix, d: DatetimeV) => formatPattern(d.ms, 'M/d/yyyy h:mm:ss a z', userTimeZone(ix)),
  issameday: (ix, d: DatetimeV, [o]) =>
    o instanceof DatetimeV &&
    formatPattern(d.ms, 'yyyyMMdd', userTimeZone(ix)) === formatPattern(o.ms, 'yyyyMMdd', userTimeZone(ix)),
  tostring: (_ix, d: DatetimeV) => formatDatetime(d),
  equals: (ix, d: DatetimeV, [o]) => ix.equals(d, o),
  hashcode: (_ix, d: DatetimeV) => int(d.ms | 0),
};

const timeMethods: Record<string, MethodFn> = {
  hour: (_ix, t: TimeV) => int(Math.floor(t.ms / 3600000)),
  minute: (_ix, t: TimeV) => int(Math.floor(t.ms / 60000) % 60),
  second: (_ix, t: TimeV) => int(Math.floor(t.ms / 1000) % 60),
  millisecond: (_ix, t: TimeV) => int(t.ms % 1000),
  addhours: (ix, t: TimeV, [n]) => new TimeV((((t.ms + intArg(ix, n) * 3600000) % DAY) + DAY) % DAY),
  addminutes: (ix, t: TimeV, [n]) => new TimeV((((t.ms + intArg(ix, n) * 60000) % DAY) + DAY) % DAY),
  addseconds: (ix, t: TimeV, [n]) => new TimeV((((t.ms + intArg(ix, n) * 1000) % DAY) + DAY) % DAY),
  addmilliseconds: (ix, t: TimeV, [n]) => new TimeV((((t.ms + intArg(ix, n)) % DAY) + DAY) % DAY),
};

export function installDatetime(lib: Stdlib): void {
  lib.addValueMethods('Date', dateMethods);
  lib.addValueMethods('Datetime', datetimeMethods);
  lib.addValueMethods('Time', timeMethods);
  lib.register(
    { name: 'Date', statics: dateStatics },
    { name: 'Datetime', statics: datetimeStatics },
    {
      name: 'Time',
      statics: {
        newinstance: (ix, [h, m, s, ms]) =>
          new TimeV(((intArg(ix, h) * 60 + intArg(ix, m)) * 60 + intArg(ix, s)) * 1000 + intArg(ix, ms)),
      },
    },
  );
}

export type { Value };
