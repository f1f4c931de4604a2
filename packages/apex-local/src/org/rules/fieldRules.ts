/**
 * Generic field validation every object gets: required fields, text lengths, e-mail format, restricted
 * picklists, numeric ranges, reference ids, unique / external-id uniqueness.
 */
import type { DmlError, FieldDescribe, ObjectDescribe, PlainValue } from '../api.ts';
import { isValidId, keyPrefixOf } from '../ids.ts';
import type { Row } from '../store.ts';
import * as msg from './messages.ts';
import type { MutableRow, RuleContext } from './types.ts';

// RFC-5322-lite, as the platform's check is: local@domain.tld without spaces
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailShaped(value: string): boolean {
  return EMAIL.test(value);
}

const requiredCache = new WeakMap<ObjectDescribe, FieldDescribe[]>();
const uniqueCache = new WeakMap<ObjectDescribe, FieldDescribe[]>();

function requiredOf(object: ObjectDescribe): FieldDescribe[] {
  let list = requiredCache.get(object);
  if (!list)
    requiredCache.set(
      object,
      (list = Object.values(object.fields).filter((f) => f.required && f.createable && !f.calculated)),
    );
  return list;
}

function uniqueOf(object: ObjectDescribe): FieldDescribe[] {
  let list = uniqueCache.get(object);
  if (!list) uniqueCache.set(object, (list = Object.values(object.fields).filter((f) => f.unique)));
  return list;
}

function isBlank(v: PlainValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** REQUIRED_FIELD_MISSING lists every missing field in one error. */
export function requiredFields(object: ObjectDescribe, row: MutableRow): DmlError[] {
  const missing: string[] = [];
  for (const f of requiredOf(object)) if (isBlank(row[f.name])) missing.push(f.name);
  return missing.length ? [msg.requiredFieldsMissing(missing)] : [];
}

export function fieldValues(
  object: ObjectDescribe,
  row: MutableRow,
  changed: Iterable<string>,
  ctx: RuleContext,
): DmlError[] {
  const errors: DmlError[] = [];
  for (const name of changed) {
    const f = object.fields[name.toLowerCase()];
    const v = row[name];
    if (!f || v === null || v === undefined) continue;
    const e = checkValue(f, v, ctx);
    if (e) errors.push(e);
  }
  return errors;
}

function checkValue(f: FieldDescribe, v: PlainValue, ctx: RuleContext): DmlError | undefined {
  if (
    typeof v === 'string' &&
    f.length !== undefined &&
    f.type !== 'reference' &&
    f.type !== 'id' &&
    v.length > f.length
  )
    return msg.stringTooLong(f, v);
  if (f.type === 'email' && typeof v === 'string' && !isEmailShaped(v)) return msg.invalidEmail(f, v);
  if (
    f.type === 'picklist' &&
    f.restrictedPicklist &&
    f.picklistValues &&
    typeof v === 'string' &&
    !f.picklistValues.includes(v)
  )
    return msg.badPicklist(f, v);
  if (f.type === 'multipicklist' && f.restrictedPicklist && f.picklistValues && typeof v === 'string') {
    const bad = v.split(';').find((part) => !f.picklistValues!.includes(part));
    if (bad !== undefined) return msg.badPicklist(f, bad);
  }
  if (typeof v === 'number' && f.precision !== undefined) {
    const intDigits = f.precision - (f.scale ?? 0);
    if (Math.abs(Math.trunc(v)) >= 10 ** intDigits) return msg.numberOutOfRange(f, v);
  }
  if (f.type === 'reference' && typeof v === 'string') return checkReference(f, v, ctx);
  return undefined;
}

function checkReference(f: FieldDescribe, id: string, ctx: RuleContext): DmlError | undefined {
  if (!isValidId(id)) return msg.malformedId(f, id);
  const target = ctx.schema.byKeyPrefix(keyPrefixOf(id));
  if (!target || !f.referenceTo?.some((r) => r.toLowerCase() === target.name.toLowerCase()))
    return msg.wrongIdType(f, id);
  if (ctx.store.get(target.name, id)) return undefined;
  if (ctx.store.getDeleted(target.name, id)) return msg.entityIsDeleted([f.name]);
  return msg.invalidCrossReference();
}

/** DUPLICATE_VALUE for unique and unique external-id fields (case-insensitive unless caseSensitive). */
export function uniqueFields(
  object: ObjectDescribe,
  row: MutableRow,
  existing: Row | undefined,
  ctx: RuleContext,
  skip: ReadonlySet<string>,
): DmlError[] {
  for (const f of uniqueOf(object)) {
    if (skip.has(f.name)) continue;
    const v = row[f.name];
    if (isBlank(v)) continue;
    if (existing && sameText(existing[f.name] ?? null, v ?? null, f.caseSensitive)) continue;
    const other = ctx.store
      .lookup(object.name, f.name, [v ?? null])
      .find((r) => r.Id !== row.Id && (!f.caseSensitive || r[f.name] === v));
    if (other) return [msg.duplicateValue(f.name, String(other.Id))];
  }
  return [];
}

function sameText(a: PlainValue, b: PlainValue, caseSensitive?: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !caseSensitive) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
