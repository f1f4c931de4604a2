/**
 * DML statements: insert / update / upsert / delete / undelete with the platform's validation, status codes,
 * allOrNone semantics (true: any row error rolls the statement back; false: partial success) and governor limits.
 */
import {
  OrgError,
  type DmlError,
  type DmlOperation,
  type DmlRequest,
  type DmlRowResult,
  type FieldDescribe,
  type ObjectDescribe,
  type PlainRecord,
  type PlainValue,
} from './api.ts';
import { IdGenerator, isValidId, to18 } from './ids.ts';
import { classifyRow, mixedDmlException, mixedDmlMessage, type DmlKind } from './mixedDml.ts';
import { fieldValues, requiredFields, uniqueFields } from './rules/fieldRules.ts';
import { rulesFor } from './rules/index.ts';
import * as msg from './rules/messages.ts';
import type { MutableRow, RuleContext } from './rules/types.ts';
import type { LocalObjectDescribe, Schema } from './schema.ts';
import type { Row, Store } from './store.ts';
import type { Transaction } from './transaction.ts';

export interface DmlEnvironment {
  schema: Schema;
  store: Store;
  ids: IdGenerator;
  now: () => Date;
  autoNumbers: Map<string, number>;
  reservedUsernames: ReadonlySet<string>;
  deactivationBlocks: ReadonlyMap<string, DmlError>;
}

const verb = (op: DmlOperation) => op.charAt(0).toUpperCase() + op.slice(1);

/** Work planned for one input row. */
interface PlannedRow {
  index: number;
  op: 'insert' | 'update' | 'delete' | 'undelete';
  values: MutableRow; // canonical names; only the fields the caller set
  existing: Row | undefined;
  errors: DmlError[];
}

export function executeDml(req: DmlRequest, tx: Transaction, env: DmlEnvironment): DmlRowResult[] {
  const object = env.schema.describe(req.objectName);
  if (!object) throw new OrgError('System.TypeException', `Invalid sObject type: ${req.objectName}`);
  if (object.isCustomMetadata || !env.schema.dmlAllowed(object.name).has(req.op)) {
    throw new OrgError('System.TypeException', `DML operation ${verb(req.op)} not allowed on ${object.name}`);
  }
  if (req.records.length === 0) return [];
  tx.limits.charge('DmlStatements', 1);
  tx.limits.charge('DmlRows', req.records.length);

  const plan = planRows(req, object, env);
  const kinds = plan.map((p) => (p.errors.length ? 'neutral' : classifyRow(object, p.op, p.values, p.existing)));
  const kind: DmlKind = kinds.includes('setup') ? 'setup' : kinds.includes('nonSetup') ? 'nonSetup' : 'neutral';
  const original = tx.mixedDml.conflict(kind);
  if (original) {
    if (req.allOrNone) throw mixedDmlException(req.op, object.name, original);
    return plan.map(() => ({
      id: null,
      success: false,
      created: false,
      errors: [msg.dmlError('MIXED_DML_OPERATION', mixedDmlMessage(object.name, original), [])],
    }));
  }

  const savepoint = tx.savepoint();
  const statement = new Map<string, unknown>();
  const rules = rulesFor(object.name);
  const ctx = ruleContext(object, req.op, tx, env, statement);
  const results: DmlRowResult[] = plan.map((p) => {
    if (p.errors.length === 0) p.errors = applyRow(p, object, ctx, env);
    const ok = p.errors.length === 0;
    const result: DmlRowResult = {
      id: ok ? String(p.values.Id) : null,
      success: ok,
      created: p.op === 'insert',
      errors: p.errors,
    };
    if (!ok && p.existing?.Id) result.recordId = String(p.existing.Id);
    return result;
  });
  rules.afterStatement?.(ctx);

  const failed = results.some((r) => !r.success);
  if (req.allOrNone && failed) {
    tx.rollbackTo(savepoint);
    return results.map((r) => (r.success ? { ...r, success: false, id: null } : r));
  }
  tx.markUncommittedWork();
  tx.mixedDml.record(object.name, kind);
  return results;
}

function ruleContext(
  object: ObjectDescribe,
  op: DmlOperation,
  tx: Transaction,
  env: DmlEnvironment,
  statement: Map<string, unknown>,
): RuleContext {
  return {
    schema: env.schema,
    store: env.store,
    object,
    op,
    now: env.now(),
    runningUserId: tx.runningUserId,
    statement,
    reservedUsernames: env.reservedUsernames,
    deactivationBlocks: env.deactivationBlocks,
    ignoreLicenseLimits: tx.inRunAs,
    insertSystemRecord(objectName, values) {
      const target = env.schema.describe(objectName)!;
      const id = env.ids.next(target.keyPrefix);
      env.store.put(target.name, withAuditFields({ ...values, Id: id }, undefined, tx.runningUserId, env.now()));
      return id;
    },
  };
}

/** Canonical field names, id normalisation, '' → null; decides insert vs update for upserts. */
function planRows(req: DmlRequest, object: ObjectDescribe, env: DmlEnvironment): PlannedRow[] {
  const seenIds = new Set<string>();
  const extField = req.op === 'upsert' ? resolveExternalIdField(object, req.externalIdField) : undefined;
  return req.records.map((record, index) => {
    const errors: DmlError[] = [];
    const values = canonicalValues(object, record, errors);
    const id = typeof values.Id === 'string' ? values.Id : null;
    if (id && req.op !== 'insert') {
      const key = id.slice(0, 15);
      if (seenIds.has(key)) throw new OrgError('System.ListException', `Duplicate id in list: ${id}`);
      seenIds.add(key);
    }
    switch (req.op) {
      case 'insert':
        if (id) errors.push(msg.idOnInsert());
        return { index, op: 'insert', values, existing: undefined, errors };
      case 'update':
      case 'delete':
      case 'undelete': {
        if (!id)
          return {
            index,
            op: req.op,
            values,
            existing: undefined,
            errors: [
              ...errors,
              req.op === 'update' ? msg.idMissingOnUpdate() : msg.dmlError('MISSING_ARGUMENT', 'Id not specified', []),
            ],
          };
        const existing = req.op === 'undelete' ? env.store.getDeleted(object.name, id) : env.store.get(object.name, id);
        if (!existing) {
          const e =
            req.op === 'undelete'
              ? msg.notInRecycleBin()
              : env.store.getDeleted(object.name, id)
                ? msg.entityIsDeleted()
                : msg.invalidCrossReference();
          errors.push(e);
        }
        return { index, op: req.op, values, existing, errors };
      }
      case 'upsert':
        return planUpsert(index, object, values, errors, extField!, env);
    }
  });
}

function planUpsert(
  index: number,
  object: ObjectDescribe,
  values: MutableRow,
  errors: DmlError[],
  extField: FieldDescribe,
  env: DmlEnvironment,
): PlannedRow {
  if (extField.name === 'Id') {
    if (typeof values.Id !== 'string') return { index, op: 'insert', values, existing: undefined, errors };
    const existing = env.store.get(object.name, values.Id);
    return {
      index,
      op: 'update',
      values,
      existing,
      errors: existing ? errors : [...errors, msg.invalidCrossReference()],
    };
  }
  const key = values[extField.name];
  if (key === null || key === undefined || key === '')
    return {
      index,
      op: 'insert',
      values,
      existing: undefined,
      errors: [...errors, msg.externalIdMissing(extField.name)],
    };
  const matches = env.store
    .lookup(object.name, extField.name, [key])
    .filter((r) => !extField.caseSensitive || r[extField.name] === key);
  if (matches.length > 1)
    return {
      index,
      op: 'update',
      values,
      existing: undefined,
      errors: [
        ...errors,
        msg.duplicateExternalId(
          extField,
          matches.map((m) => String(m.Id)),
        ),
      ],
    };
  if (matches.length === 0) {
    if (typeof values.Id === 'string')
      return { index, op: 'update', values, existing: env.store.get(object.name, values.Id), errors };
    return { index, op: 'insert', values, existing: undefined, errors };
  }
  const existing = matches[0]!;
  return { index, op: 'update', values: { ...values, Id: existing.Id ?? null }, existing, errors };
}

/** Upsert keys: Id, external-id fields, and the idLookup fields of User (Username, CommunityNickname, FederationIdentifier). */
function resolveExternalIdField(object: ObjectDescribe, name: string | undefined): FieldDescribe {
  const f = object.fields[(name ?? 'Id').toLowerCase()];
  const idLookup =
    f &&
    (f.name === 'Id' ||
      f.externalId ||
      f.unique ||
      (object.name === 'User' && ['Username', 'CommunityNickname', 'FederationIdentifier'].includes(f.name)));
  if (!f || !idLookup)
    throw new OrgError(
      'System.SObjectException',
      `Invalid field for upsert, must be an External Id custom or standard indexed field: ${name}`,
    );
  return f;
}

function canonicalValues(object: ObjectDescribe, record: PlainRecord, errors: DmlError[]): MutableRow {
  const values: MutableRow = {};
  for (const [key, raw] of Object.entries(record)) {
    if (key === 'attributes' || (raw !== null && typeof raw === 'object')) continue; // nested relationships are not written
    const f = object.fields[key.toLowerCase()];
    const unsupported = (object as LocalObjectDescribe).unsupportedFields?.[key.toLowerCase()];
    if (!f && unsupported) throw new OrgError('LOCAL_UNSUPPORTED', `LOCAL_UNSUPPORTED ${unsupported}`);
    if (!f) {
      errors.push(msg.noSuchField(object.name, key));
      continue;
    }
    values[f.name] = normalizeValue(f, raw as PlainValue);
  }
  return values;
}

function normalizeValue(f: FieldDescribe, v: PlainValue): PlainValue {
  if (v === undefined || v === null) return f.type === 'boolean' ? false : null;
  if (typeof v === 'string') {
    if (v === '') return null; // the platform stores empty text as null
    if ((f.type === 'id' || f.type === 'reference') && isValidId(v)) return to18(v);
  }
  return v;
}

function applyRow(p: PlannedRow, object: ObjectDescribe, ctx: RuleContext, env: DmlEnvironment): DmlError[] {
  switch (p.op) {
    case 'insert':
    case 'update':
      return saveRow(p, object, ctx, env);
    case 'delete':
      return deleteRow(p, object, env);
    case 'undelete':
      env.store.put(object.name, { ...p.existing!, IsDeleted: false });
      p.values.Id = p.existing!.Id ?? null;
      return [];
  }
}

function saveRow(p: PlannedRow, object: ObjectDescribe, ctx: RuleContext, env: DmlEnvironment): DmlError[] {
  const rules = rulesFor(object.name);
  const existing = p.existing;
  const changed: string[] = [];
  const notWriteable: string[] = [];
  for (const [name, value] of Object.entries(p.values)) {
    if (name === 'Id') continue;
    const f = object.fields[name.toLowerCase()]!;
    if (f.calculated || f.autoNumber || (!f.createable && !f.updateable)) continue; // read-only values from a query are ignored
    if (existing ? !f.updateable : !f.createable) {
      if (existing && sameValue(existing[f.name] ?? null, value)) continue;
      notWriteable.push(f.name);
      continue;
    }
    changed.push(f.name);
  }
  if (notWriteable.length) return [msg.fieldNotWriteable(notWriteable)];

  const row: MutableRow = existing ? { ...existing } : defaults(object, ctx.runningUserId);
  for (const name of changed) row[name] = p.values[name] ?? null;
  if (!existing) row.Id = env.ids.next(object.keyPrefix);
  rules.prepare?.(row, existing, ctx);

  const required = requiredFields(object, row);
  if (required.length) return required;
  const fieldErrors = fieldValues(object, row, changed, ctx);
  if (fieldErrors.length) return fieldErrors;
  const ruleErrors = rules.validate?.(row, existing, ctx) ?? [];
  if (ruleErrors.length) return ruleErrors;
  const unique = uniqueFields(object, row, existing, ctx, rules.ownUniqueFields ?? new Set());
  if (unique.length) return unique;

  if (!existing) assignNameField(object, row, env);
  const stored = withAuditFields(row, existing, ctx.runningUserId, ctx.now);
  env.store.put(object.name, stored);
  p.values.Id = stored.Id ?? null;
  rules.afterSave?.(stored, existing, ctx);
  return [];
}

function sameValue(a: PlainValue, b: PlainValue): boolean {
  if (typeof a === 'string' && typeof b === 'string' && isValidId(a) && isValidId(b)) return to18(a) === to18(b);
  return a === b;
}

const defaultsCache = new WeakMap<ObjectDescribe, MutableRow>();

/** Field defaults on create: declared defaults, unchecked checkboxes, the running user as owner. */
function defaults(object: ObjectDescribe, runningUserId: string): MutableRow {
  let base = defaultsCache.get(object);
  if (!base) {
    base = {};
    for (const f of Object.values(object.fields)) {
      if (f.defaultValue !== undefined) base[f.name] = f.defaultValue;
      else if (f.type === 'boolean') base[f.name] = false;
    }
    defaultsCache.set(object, base);
  }
  const row: MutableRow = { ...base };
  if (object.fields.ownerid) row.OwnerId = runningUserId;
  return row;
}

function assignNameField(object: ObjectDescribe, row: MutableRow, env: DmlEnvironment): void {
  const format = env.schema.autoNumberFormat(object.name);
  if (format) {
    const n = (env.autoNumbers.get(object.name) ?? 0) + 1;
    env.autoNumbers.set(object.name, n); // auto numbers are not reused after a rollback, as on the platform
    row.Name = format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
  } else if (!object.custom) {
    // standard auto-number fields (Case.CaseNumber, Contract.ContractNumber, …): eight digits, per object
    for (const f of Object.values(object.fields)) {
      if (!f.autoNumber || (row[f.name] ?? null) !== null) continue;
      const key = `${object.name}.${f.name}`;
      const n = (env.autoNumbers.get(key) ?? 1000) + 1;
      env.autoNumbers.set(key, n);
      row[f.name] = String(n).padStart(8, '0');
    }
  } else if (object.custom && !object.isCustomMetadata && object.fields.name && (row.Name ?? null) === null) {
    row.Name = row.Id ?? null; // a custom object's blank text Name becomes the record id
  }
}

export function withAuditFields(row: MutableRow, existing: Row | undefined, userId: string, now: Date): Row {
  const stamp = now.toISOString();
  return {
    ...row,
    IsDeleted: false,
    CreatedDate: existing?.CreatedDate ?? stamp,
    CreatedById: existing?.CreatedById ?? userId,
    LastModifiedDate: stamp,
    LastModifiedById: userId,
    SystemModstamp: stamp,
  };
}

/**
 * Delete cascades to master-detail children (recycle bin), as the platform does. A custom lookup whose field
 * metadata keeps the default `deleteConstraint` SetNull is cleared ("Clear the value of this field", Salesforce Help
 * "Lookup Relationship Options"; Metadata API "CustomField": deleteConstraint). Any other live row that still points
 * at the deleted record (standard lookups such as Contact.AccountId, whose fate is object-specific: deleted with it,
 * cleared, or the delete refused; custom lookups set to Restrict or Cascade) stops as LOCAL_UNSUPPORTED rather than
 * leaving it pointing at a deleted record.
 */
function deleteRow(p: PlannedRow, object: ObjectDescribe, env: DmlEnvironment): DmlError[] {
  const id = String(p.existing!.Id);
  for (const rel of object.childRelationships) {
    const child = env.schema.describe(rel.childObject);
    const f = child?.fields[rel.field.toLowerCase()];
    if (!child || !f) continue;
    const rows = env.store.lookup(child.name, f.name, [id]).filter((c) => String(c.Id) !== id);
    if (f.masterDetail) {
      for (const c of rows) env.store.softDelete(child.name, String(c.Id));
    } else if (rows.length && f.deleteConstraint === 'SetNull') {
      for (const c of rows) env.store.put(child.name, { ...c, [f.name]: null });
    } else if (rows.length) {
      throw new OrgError(
        'LOCAL_UNSUPPORTED',
        `LOCAL_UNSUPPORTED delete of a ${object.name} that ${child.name}.${f.name} still references ` +
          `(${rows.length} row(s)): what the platform does to them (delete, clear or refuse) is not modelled`,
      );
    }
  }
  env.store.softDelete(object.name, id);
  p.values.Id = id;
  return [];
}
