/**
 * Salesforce User fields a mapping may target: the standard fields the package knows plus the custom User fields found
 * in force-app (objects/User/fields/*.field-meta.xml). The Apex mapper decides at run time from describe; this list
 * catches typos at build time.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writable standard User fields that can be filled from text. */
export const STANDARD_USER_FIELDS = [
  'Username',
  'FederationIdentifier',
  'Email',
  'FirstName',
  'MiddleName',
  'LastName',
  'Suffix',
  'Alias',
  'CommunityNickname',
  'Title',
  'Department',
  'Division',
  'CompanyName',
  'EmployeeNumber',
  'Phone',
  'MobilePhone',
  'Fax',
  'Extension',
  'Street',
  'City',
  'State',
  'PostalCode',
  'Country',
  'StateCode',
  'CountryCode',
  'AboutMe',
  'SenderEmail',
  'SenderName',
  'Signature',
  'TimeZoneSidKey',
  'LocaleSidKey',
  'LanguageLocaleKey',
  'EmailEncodingKey',
  'IsActive',
  'ReceivesInfoEmails',
  'ReceivesAdminInfoEmails',
] as const;

export type StandardUserField = (typeof STANDARD_USER_FIELDS)[number];
/** A target field: a known standard field or a custom field API name. */
export type UserFieldName = StandardUserField | `${string}__c`;

/** Custom User field API names defined anywhere under `forceAppDirectory`. */
export function findCustomUserFields(forceAppDirectory: string): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    if (!fs.existsSync(directory)) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.field-meta.xml') && path.basename(path.dirname(path.dirname(full))) === 'User') {
        found.push(entry.name.replace('.field-meta.xml', ''));
      }
    }
  };
  walk(forceAppDirectory);
  return found.sort();
}
