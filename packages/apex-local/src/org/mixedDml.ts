/**
 * MIXED_DML_OPERATION (Apex Developer Guide, "sObjects That Can't Be Used Together in DML Operations",
 * apex_dml_non_mix_sobjects): DML on a setup object and on a non-setup object can't share a transaction.
 * Documented exceptions implemented here (API 15.0+):
 *  - a User may be inserted with other sObjects if UserRoleId is null;
 *  - a User may be updated with other sObjects if none of UserRoleId, IsActive, ForecastEnabled, IsPortalEnabled,
 *    Username, ProfileId changes;
 *  - a Group may be inserted and updated with other sObjects.
 * System.runAs in a test starts a fresh context (its DML is not mixed with the surrounding code's).
 */
import { OrgError, type DmlOperation, type ObjectDescribe, type PlainValue } from './api.ts';
import type { Row } from './store.ts';

export type DmlKind = 'setup' | 'nonSetup' | 'neutral';

const USER_GUARDED_FIELDS = ['UserRoleId', 'IsActive', 'ForecastEnabled', 'IsPortalEnabled', 'Username', 'ProfileId'];

/** Classifies one row of a DML statement. `values` are the new field values (canonical names), `existing` the stored row. */
export function classifyRow(
  object: ObjectDescribe,
  op: DmlOperation,
  values: Record<string, PlainValue>,
  existing: Row | undefined,
): DmlKind {
  if (!object.isSetup) return 'nonSetup';
  if (object.name === 'Group' && (op === 'insert' || op === 'update' || op === 'upsert')) return 'neutral';
  if (object.name === 'User') {
    if (!existing) return (values.UserRoleId ?? null) === null ? 'neutral' : 'setup';
    if (op === 'update' || op === 'upsert') {
      const changed = USER_GUARDED_FIELDS.some(
        (f) => f in values && !sameValue(values[f] ?? null, existing[f] ?? null),
      );
      return changed ? 'setup' : 'neutral';
    }
  }
  return 'setup';
}

function sameValue(a: PlainValue, b: PlainValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.slice(0, 15) === b.slice(0, 15) || a === b;
  return a === b;
}

export function mixedDmlMessage(current: string, original: string): string {
  return `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${current}, original object: ${original}`;
}

export class MixedDmlTracker {
  private firstSetup: string | undefined;
  private firstNonSetup: string | undefined;

  /** Returns the conflicting original object, or undefined when the DML may proceed. */
  conflict(kind: DmlKind): string | undefined {
    if (kind === 'setup' && this.firstNonSetup) return this.firstNonSetup;
    if (kind === 'nonSetup' && this.firstSetup) return this.firstSetup;
    return undefined;
  }

  record(objectName: string, kind: DmlKind): void {
    if (kind === 'setup') this.firstSetup ??= objectName;
    else if (kind === 'nonSetup') this.firstNonSetup ??= objectName;
  }
}

/** The DmlException a MIXED_DML_OPERATION raises when allOrNone is true. */
export function mixedDmlException(op: DmlOperation, current: string, original: string): OrgError {
  const verb = op.charAt(0).toUpperCase() + op.slice(1);
  return new OrgError(
    'System.DmlException',
    `${verb} failed. First exception on row 0; first error: MIXED_DML_OPERATION, ${mixedDmlMessage(current, original)}: []`,
    'MIXED_DML_OPERATION',
  );
}
