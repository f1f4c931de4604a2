/**
 * Org features that not every org has, and the schema and setup rows they bring. A real org has them only when
 * Salesforce enables them, so the local org's default is without: `LocalOrg.load(dir, { features: { … } })` opts in.
 *
 * Person Accounts (Object Reference, Account: "IsPersonAccount", "PersonContactId", "FirstName", "LastName" and the
 * `Person…` fields exist only where person accounts are enabled; RecordType.IsPersonType marks the person record
 * type): an Account saved with a person record type is a person account; its Name comes from FirstName and LastName
 * (LastName is required), and the platform creates and keeps in step its PersonContact (Contact.IsPersonAccount).
 *
 * Unified Employee (Salesforce Help, "Unified Employee License Details": an employee — internal — licence; "Set Up
 * Employees for IT Services": a user on the Unified Employee licence and profile, a person account, the employee
 * permission set, then an Employee2 record linking user and contact) and Employee2 (Object Reference, "Employee2":
 * API 62.0 and later; ContactId master-detail to Contact, EmployeeNumber, EmployeeStatus Active / Inactive / Leave /
 * Terminated, StatusStartDate, StatusEndDate, EmployeeType, EmploymentType, AlternateEmail; field lengths from the
 * Salesforce Field Reference, "Employee2").
 */
import type { FieldDescribe } from './api.ts';
import { catalogKeyPrefix } from './catalog/catalog.ts';
import { field, obj, type StandardObjectSpec } from './standardObjects.ts';

export interface OrgFeatures {
  /** Person Accounts: the person fields on Account, a person record type, the PersonContact */
  personAccounts?: boolean;
  /** the Unified Employee licence, its profile and employee permission set, and the Employee2 object */
  unifiedEmployee?: boolean;
}

/** Both features, as an org set up for employee service has them. */
export const ALL_FEATURES: Readonly<Required<OrgFeatures>> = { personAccounts: true, unifiedEmployee: true };

/** The person record type seeded where Person Accounts are enabled (SobjectType Account, IsPersonType true). */
export const PERSON_ACCOUNT_RECORD_TYPE = { Name: 'Person Account', DeveloperName: 'PersonAccount' } as const;

/** The Unified Employee licence, its profile and the employee permission set Salesforce Help names. */
export const UNIFIED_EMPLOYEE = {
  license: { name: 'Unified Employee', key: 'UnifiedEmployee', total: 20 },
  profile: 'Unified Employee',
  permissionSet: { Name: 'ITSMPortalUelUser', Label: 'ITSM Portal UEL User' },
} as const;

/** Employee2.EmployeeStatus values (Object Reference, "Employee2"). */
export const EMPLOYEE_STATUSES = ['Active', 'Inactive', 'Leave', 'Terminated'];

/** Person fields an Account gains where Person Accounts are enabled (all nillable; LastName required by rule). */
export function personAccountFields(): FieldDescribe[] {
  const text = (n: string, length: number) => field(n, 'string', { length });
  return [
    field('IsPersonAccount', 'boolean', { readonly: true, defaultValue: false }),
    field('PersonContactId', 'reference', { ref: ['Contact'], readonly: true, rel: 'PersonContact' }),
    text('FirstName', 40),
    text('LastName', 80),
    text('MiddleName', 40),
    field('Salutation', 'picklist', { picklist: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] }),
    field('PersonEmail', 'email', { length: 80 }),
    text('PersonTitle', 80),
    text('PersonDepartment', 80),
    field('PersonMobilePhone', 'phone', { length: 40 }),
    text('PersonMailingCity', 40),
    text('PersonMailingCountry', 80),
  ];
}

/** Account person field -> the PersonContact field the platform keeps equal to it. */
export const PERSON_CONTACT_FIELDS: Readonly<Record<string, string>> = {
  FirstName: 'FirstName',
  LastName: 'LastName',
  PersonEmail: 'Email',
  PersonTitle: 'Title',
  PersonDepartment: 'Department',
  PersonMobilePhone: 'MobilePhone',
  PersonMailingCity: 'MailingCity',
  PersonMailingCountry: 'MailingCountry',
  OwnerId: 'OwnerId',
};

/** Employee2 as the Object Reference documents it (a non-setup object). */
export function employeeObject(): StandardObjectSpec {
  return obj('Employee2', catalogKeyPrefix('Employee2') ?? '0XE', false, [
    field('Name', 'string', { length: 255 }),
    {
      ...field('ContactId', 'reference', { ref: ['Contact'], required: true, createOnly: true, rel: 'Contact' }),
      masterDetail: true,
    },
    field('UserId', 'reference', { ref: ['User'], rel: 'User' }),
    field('EmployeeNumber', 'string', { length: 20, required: true }),
    field('EmployeeStatus', 'picklist', { length: 40, required: true, picklist: EMPLOYEE_STATUSES }),
    field('StatusStartDate', 'datetime', { required: true }),
    field('StatusEndDate', 'datetime'),
    field('EmployeeType', 'picklist', { length: 255 }),
    field('EmploymentType', 'picklist', { length: 40 }),
    field('AlternateEmail', 'email', { length: 80 }),
  ]);
}
