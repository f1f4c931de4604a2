/**
 * Apex cron expressions (Apex Developer Guide, "Apex Scheduler"): Seconds Minutes Hours Day_of_month Month
 * Day_of_week [Year], with `*`, `?`, lists, ranges and `/` increments. `L`, `W` and `#` are not supported locally.
 */
import { OrgError } from './api.ts';

interface CronSpec {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number> | null; // null = any ('?' or '*')
  months: Set<number>;
  weekdays: Set<number> | null; // 1 = Sunday … 7 = Saturday
  years: Set<number> | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function invalid(expr: string): OrgError {
  return new OrgError('System.StringException', `Unexpected end of expression: ${expr}`);
}

function parseField(
  part: string,
  min: number,
  max: number,
  names: string[] | undefined,
  expr: string,
): Set<number> | null {
  if (part === '?' || part === '*') return part === '?' ? null : range(min, max, 1);
  const out = new Set<number>();
  for (const item of part.split(',')) {
    const [base, stepText] = item.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo: number;
    let hi: number;
    if (base === '*') [lo, hi] = [min, max];
    else if (base!.includes('-')) [lo, hi] = base!.split('-').map((b) => value(b, names, expr)) as [number, number];
    else [lo, hi] = [value(base!, names, expr), stepText ? max : value(base!, names, expr)];
    if (!Number.isInteger(step) || step <= 0 || lo < min || hi > max) throw invalid(expr);
    for (const v of range(lo, hi, step)) out.add(v);
  }
  return out;
}

function value(text: string, names: string[] | undefined, expr: string): number {
  const idx = names?.indexOf(text.toUpperCase()) ?? -1;
  if (idx >= 0) return idx + 1;
  const n = Number(text);
  if (!Number.isInteger(n)) throw invalid(expr);
  return n;
}

function range(lo: number, hi: number, step: number): Set<number> {
  const s = new Set<number>();
  for (let v = lo; v <= hi; v += step) s.add(v);
  return s;
}

export function parseCron(expr: string): CronSpec {
  const parts = expr.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) throw invalid(expr);
  const special = /[LW]/.test(parts[3]!) || /#|\dL|^L$/.test(parts[5]!.toUpperCase());
  if (special) throw new OrgError('System.StringException', `LOCAL_UNSUPPORTED cron expression feature in: ${expr}`);
  return {
    seconds: parseField(parts[0]!, 0, 59, undefined, expr) ?? range(0, 59, 1),
    minutes: parseField(parts[1]!, 0, 59, undefined, expr) ?? range(0, 59, 1),
    hours: parseField(parts[2]!, 0, 23, undefined, expr) ?? range(0, 23, 1),
    days: parts[3] === '*' ? null : parseField(parts[3]!, 1, 31, undefined, expr),
    months: parseField(parts[4]!, 1, 12, MONTHS, expr) ?? range(1, 12, 1),
    weekdays: parts[5] === '*' ? null : parseField(parts[5]!, 1, 7, DAYS, expr),
    years: parts[6] ? parseField(parts[6], 1970, 2199, undefined, expr) : null,
  };
}

/** The last year a cron expression can name (its Year field takes 1970–2199). */
const LAST_YEAR = 2199;

/**
 * The first fire time strictly after `after`, in GMT (the running user's time zone is GMT locally); null when the
 * expression never fires again (a past year, a day no month has). The search skips whole years, months, days,
 * hours and minutes that cannot match, so schedules decades ahead are found, not cut off.
 */
export function nextFireTime(expr: string, after: Date): Date | null {
  const spec = parseCron(expr);
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  while (t.getUTCFullYear() <= LAST_YEAR) {
    if (spec.years && !spec.years.has(t.getUTCFullYear())) {
      t.setUTCFullYear(t.getUTCFullYear() + 1, 0, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!spec.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(spec, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!spec.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!spec.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    if (!spec.seconds.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
      continue;
    }
    return t;
  }
  return null;
}

function dayMatches(spec: CronSpec, t: Date): boolean {
  const dom = spec.days ? spec.days.has(t.getUTCDate()) : true;
  const dow = spec.weekdays ? spec.weekdays.has(t.getUTCDay() + 1) : true;
  return dom && dow;
}
