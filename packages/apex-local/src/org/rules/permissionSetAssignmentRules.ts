/**
 * PermissionSetAssignment: a user holds a permission set at most once; a second assignment fails with
 * DUPLICATE_VALUE "duplicate value found: <unknown> duplicates value on record with id: <unknown>".
 */
import * as msg from './messages.ts';
import type { ObjectRules } from './types.ts';

export const permissionSetAssignmentRules: ObjectRules = {
  validate(row, existing, ctx) {
    if (existing || typeof row.AssigneeId !== 'string') return [];
    const duplicate = ctx.store
      .lookup('PermissionSetAssignment', 'AssigneeId', [row.AssigneeId])
      .some(
        (a) => a.Id !== row.Id && String(a.PermissionSetId).slice(0, 15) === String(row.PermissionSetId).slice(0, 15),
      );
    return duplicate ? [msg.duplicateValueUnknown()] : [];
  },
};
