/**
 * The platform's DML status codes and messages (SOAP API Developer Guide, "StatusCode"; messages as the
 * platform prints them in Database.Error.getMessage()).
 */
import type { DmlError, FieldDescribe } from '../api.ts';

export function dmlError(statusCode: string, message: string, fields: string[] = []): DmlError {
  return { statusCode, message, fields };
}

export const requiredFieldsMissing = (names: string[]) =>
  dmlError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${names.join(', ')}]`, names);
export const stringTooLong = (f: FieldDescribe, value: string) =>
  dmlError('STRING_TOO_LONG', `${f.label}: data value too large: ${value} (max length=${f.length})`, [f.name]);
export const invalidEmail = (f: FieldDescribe, value: string) =>
  dmlError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, [f.name]);
export const badPicklist = (f: FieldDescribe, value: string) =>
  dmlError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${f.label}: bad value for restricted picklist field: ${value}`, [
    f.name,
  ]);
export const numberOutOfRange = (f: FieldDescribe, value: number) =>
  dmlError('NUMBER_OUTSIDE_VALID_RANGE', `${f.label}: value outside of valid range on numeric field: ${value}`, [
    f.name,
  ]);
export const malformedId = (f: FieldDescribe, value: string) =>
  dmlError('MALFORMED_ID', `${f.label}: id value of incorrect type: ${value}`, [f.name]);
export const wrongIdType = (f: FieldDescribe, value: string) =>
  dmlError('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, [f.name]);
/** as the platform prints it: no field list ("…invalid cross reference id: []") */
export const invalidCrossReference = () => dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
export const entityIsDeleted = (fields: string[] = []) => dmlError('ENTITY_IS_DELETED', 'entity is deleted', fields);
/** the platform names the field in the message and leaves the field list empty ("…with id: a0B…: []") */
export const duplicateValue = (fieldName: string, otherId: string) =>
  dmlError('DUPLICATE_VALUE', `duplicate value found: ${fieldName} duplicates value on record with id: ${otherId}`, []);
/** What the platform reports for a duplicate PermissionSetAssignment (composite key, no single field). */
export const duplicateValueUnknown = () =>
  dmlError('DUPLICATE_VALUE', 'duplicate value found: <unknown> duplicates value on record with id: <unknown>', []);
export const fieldNotWriteable = (names: string[]) =>
  dmlError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    names,
  );
export const idOnInsert = () =>
  dmlError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
export const idMissingOnUpdate = () => dmlError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
export const externalIdMissing = (field: string) => dmlError('MISSING_ARGUMENT', `${field} not specified`, []);
export const duplicateExternalId = (f: FieldDescribe, ids: string[]) =>
  dmlError(
    'DUPLICATE_EXTERNAL_ID',
    `${f.label}: more than one record found for external id field: [${ids.join(', ')}]`,
    [f.name],
  );
export const noSuchField = (objectName: string, fieldName: string) =>
  dmlError('INVALID_FIELD', `No such column '${fieldName}' on sobject of type ${objectName}`, [fieldName]);
export const notInRecycleBin = () => dmlError('UNDELETE_FAILED', 'Entity is not in the recycle bin', []);

// ---- User ----
/** Help article 000381924 quotes the full text. */
export const duplicateUsername = () =>
  dmlError(
    'DUPLICATE_USERNAME',
    "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address).",
    ['Username'],
  );
export const invalidUsername = () =>
  dmlError(
    'FIELD_INTEGRITY_EXCEPTION',
    'Username must be in the form of an email address (for example, john@acme.com): Username',
    ['Username'],
  );
/** As a real org answers an insert (quoted in forcedotcom/cli issue #3142: "…Please select another.: [CommunityNickname]"). */
export const duplicateNickname = () =>
  dmlError(
    'DUPLICATE_COMM_NICKNAME',
    'Duplicate Nickname.<br>Another user has already selected this nickname.<br>Please select another.',
    ['CommunityNickname'],
  );
export const portalUserWithoutContact = () =>
  dmlError('INVALID_CROSS_REFERENCE_KEY', 'Cannot create a portal user without contact', []);
/** as a real org prints it, with no field list ("…portal user already exists for contact: []") */
export const contactHasUser = () =>
  dmlError('PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT', 'portal user already exists for contact', []);
export const contactWithoutAccount = () =>
  dmlError('FIELD_INTEGRITY_EXCEPTION', 'Cannot create a portal user for a contact without an account', ['ContactId']);
/** UNKNOWN_EXCEPTION is what the platform really reports here */
export const portalOwnerNeedsRole = () => dmlError('UNKNOWN_EXCEPTION', 'portal account owner must have a role', []);
/** e.g. "License Limit Exceeded - Customer Community" */
export const licenseLimitExceeded = (licenseName: string) =>
  dmlError('LICENSE_LIMIT_EXCEEDED', `License Limit Exceeded - ${licenseName}`, []);
/** LOCAL wording: the platform's text depends on the setting that blocks it */
export const deactivationBlocked = () =>
  dmlError(
    'FIELD_INTEGRITY_EXCEPTION',
    'LOCAL_DEACTIVATION_BLOCKED this user cannot be deactivated because an org setting refers to it (e.g. the default workflow user)',
    ['IsActive'],
  );
