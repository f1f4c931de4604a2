/**
 * Account where Person Accounts are enabled (features.ts), and Employee2 where Unified Employee is.
 *  - an Account whose RecordTypeId names a record type with IsPersonType is a person account: IsPersonAccount is
 *    set, Name follows FirstName and LastName, LastName is required; a business account may not use person fields
 *    ("Business Account may not use Person Account field");
 *  - saving a person account creates its PersonContact (Contact.IsPersonAccount, AccountId = the account) and keeps
 *    its fields (FirstName, LastName, Email = PersonEmail, …) in step; Account.PersonContactId links them;
 *  - Employee2: the contact it names must exist and have an Email and a LastName (the validation the Unified Employee
 *    setup documents for the PersonContact of an employee).
 * Where the feature is off, the objects have no such fields and these rules do nothing.
 */
import type { DmlError, PlainValue } from '../api.ts';
import { PERSON_CONTACT_FIELDS } from '../features.ts';
import type { Row } from '../store.ts';
import * as msg from './messages.ts';
import type { MutableRow, ObjectRules, RuleContext } from './types.ts';

const PERSON_ONLY_FIELDS = ['FirstName', 'LastName', 'MiddleName', 'Salutation', ...Object.keys(PERSON_CONTACT_FIELDS)]
  .filter((f) => f !== 'OwnerId')
  .filter((f, i, all) => all.indexOf(f) === i);

const blank = (v: PlainValue | undefined) => v === null || v === undefined || v === '';

function isPersonRecordType(ctx: RuleContext, recordTypeId: PlainValue | undefined): boolean {
  if (typeof recordTypeId !== 'string') return false;
  return ctx.store.get('RecordType', recordTypeId)?.IsPersonType === true;
}

const personName = (row: MutableRow) =>
  [row.FirstName, row.MiddleName, row.LastName].filter((p) => !blank(p)).join(' ') || null;

export const accountRules: ObjectRules = {
  prepare(row, existing, ctx) {
    if (!ctx.object.fields.personcontactid) return;
    const person = existing ? existing.IsPersonAccount === true : isPersonRecordType(ctx, row.RecordTypeId);
    row.IsPersonAccount = person;
    // the required-field check sees the person's name; a missing LastName is reported by validate
    if (person) row.Name = personName(row) ?? (blank(row.LastName) ? '(no last name)' : null);
  },

  validate(row, existing, ctx) {
    if (!ctx.object.fields.personcontactid) return [];
    const switched =
      existing &&
      row.RecordTypeId !== existing.RecordTypeId &&
      isPersonRecordType(ctx, row.RecordTypeId) !== row.IsPersonAccount;
    if (switched)
      return [msg.dmlError('INVALID_FIELD', 'Cannot change the record type between person and business accounts')];
    if (row.IsPersonAccount === true) return blank(row.LastName) ? [msg.requiredFieldsMissing(['LastName'])] : [];
    const used = PERSON_ONLY_FIELDS.filter((f) => !blank(row[f]));
    return used.length
      ? [
          msg.dmlError(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Business Account may not use Person Account field: ${used[0]}`,
            [used[0]!],
          ),
        ]
      : [];
  },

  afterSave(row, existing, ctx) {
    if (row.IsPersonAccount !== true) return;
    const values: MutableRow = { AccountId: row.Id ?? null, IsPersonAccount: true };
    for (const [from, to] of Object.entries(PERSON_CONTACT_FIELDS)) values[to] = row[from] ?? null;
    values.Name = personName(row);
    const contactId = typeof row.PersonContactId === 'string' ? row.PersonContactId : undefined;
    const contact = contactId ? ctx.store.get('Contact', contactId) : undefined;
    if (contact) {
      ctx.store.put('Contact', { ...contact, ...values, LastModifiedDate: ctx.now.toISOString() });
      return;
    }
    const id = ctx.insertSystemRecord('Contact', values);
    ctx.store.put('Account', { ...(ctx.store.get('Account', String(row.Id)) ?? row), PersonContactId: id });
  },
};

export const employeeRules: ObjectRules = {
  validate(row: MutableRow, _existing: Row | undefined, ctx: RuleContext): DmlError[] {
    const contact = typeof row.ContactId === 'string' ? ctx.store.get('Contact', row.ContactId) : undefined;
    if (!contact) return [msg.invalidCrossReference()];
    const missing = ['Email', 'LastName'].filter((f) => blank(contact[f]));
    return missing.length
      ? [
          msg.dmlError(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            `The employee's contact needs ${missing.join(' and ')} before an Employee record can link to it`,
            ['ContactId'],
          ),
        ]
      : [];
  },
};
