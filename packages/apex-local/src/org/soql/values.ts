/** SOQL value semantics: equality and ordering per field type, LIKE, date literal ranges. */
import type { FieldDescribe, FieldType, PlainValue } from '../api.ts';
import { idKey, isValidId } from '../ids.ts';
import { queryError } from './lexer.ts';

/**
 * The type a field's values compare as. A custom metadata relationship to EntityDefinition or FieldDefinition holds
 * the qualified API name ('Account', 'Account.Name'), so it compares as text, not as an Id.
 */
export function valueType(field: FieldDescribe): FieldType {
  if (field.type === 'reference' && field.referenceTo?.some((r) => /^(entity|field)definition$/i.test(r)))
    return 'string';
  return field.type;
}

export function isIdType(type: FieldType): boolean {
  return type === 'id' || type === 'reference';
}

/** Converts an operand for comparison with a field of `type`; ids must be valid ids ("invalid ID field"). */
export function coerceOperand(type: FieldType, value: PlainValue): PlainValue {
  if (value === null) return null;
  if (isIdType(type)) {
    const s = String(value);
    if (!isValidId(s)) throw queryError(`invalid ID field: ${s}`);
    return s;
  }
  if (type === 'datetime' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${value}T00:00:00.000Z`;
  return value;
}

export function equalValues(type: FieldType, a: PlainValue, b: PlainValue): boolean {
  if (a === null || b === null) return a === b;
  if (isIdType(type)) return idKey(String(a)) === idKey(String(b));
  if (typeof a === 'string' && typeof b === 'string') {
    if (type === 'datetime') return Date.parse(a) === Date.parse(b);
    return a.toLowerCase() === b.toLowerCase();
  }
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}

/** Orders two non-null values of a field; text is case-insensitive as in SOQL. */
export function compareValues(type: FieldType, a: PlainValue, b: PlainValue): number {
  if (a === null || b === null) throw new Error('compareValues: null');
  if (isIdType(type)) {
    const x = String(a).slice(0, 15);
    const y = String(b).slice(0, 15);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (type === 'datetime') return Date.parse(String(a)) - Date.parse(String(b));
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' || typeof b === 'number') return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();

/** LIKE: % any run, _ one char, backslash escapes; case-insensitive (SOQL LIKE reference). */
export function likeMatches(value: PlainValue, pattern: string): boolean {
  if (value === null) return false;
  let re = likeCache.get(pattern);
  if (!re) {
    let src = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\' && i + 1 < pattern.length) src += escapeRegex(pattern[++i]!);
      else if (c === '%') src += '.*';
      else if (c === '_') src += '.';
      else src += escapeRegex(c);
    }
    re = new RegExp(`^${src}$`, 'is');
    likeCache.set(pattern, re);
  }
  return re.test(String(value));
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const DAY = 86_400_000;

/** [start, end) in epoch ms for a date literal, computed in GMT from the org clock. */
export function dateLiteralRange(name: string, n: number | undefined, now: Date): [number, number] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const count = n ?? 0;
  switch (name) {
    case 'TODAY':
      return [today, today + DAY];
    case 'YESTERDAY':
      return [today - DAY, today];
    case 'TOMORROW':
      return [today + DAY, today + 2 * DAY];
    case 'LAST_N_DAYS':
      return [today - count * DAY, today + DAY];
    case 'NEXT_N_DAYS':
      return [today + DAY, today + (count + 1) * DAY];
    case 'N_DAYS_AGO':
      return [today - count * DAY, today - (count - 1) * DAY];
    case 'THIS_MONTH':
      return [
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
      ];
    case 'LAST_MONTH':
      return [
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
      ];
    case 'THIS_YEAR':
      return [Date.UTC(now.getUTCFullYear(), 0, 1), Date.UTC(now.getUTCFullYear() + 1, 0, 1)];
    default:
      throw queryError(`LOCAL_UNSUPPORTED SOQL date literal ${name}`);
  }
}

/** Epoch ms of a date or datetime field value. */
export function timeOf(value: PlainValue): number {
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Date.parse(s);
}
