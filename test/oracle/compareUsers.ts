/**
 * Compares the users a sync left in the local org with the oracle's expectation (expectedUsers.ts) and lists every
 * difference readably ("alice@x: IsFrozen expected true, got false"), so a failing e2e test says what is wrong.
 */
import type { ExpectedUser } from './expectedUsers.ts';
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';

/** Mapped User fields whose expected value is a plain Graph attribute (the shipped default mappings). */
const PLAIN_MAPPINGS: Record<string, (source: ExpectedUser['source']) => unknown> = {
  Title: (u) => u.jobTitle ?? null,
  Department: (u) => u.department ?? null,
  CompanyName: (u) => u.companyName ?? null,
  EmployeeNumber: (u) => u.employeeId ?? null,
  City: (u) => u.city ?? null,
  Country: (u) => u.country ?? null,
  MobilePhone: (u) => u.mobilePhone ?? null,
  Phone: (u) => (Array.isArray(u.businessPhones) ? (u.businessPhones[0] ?? null) : null),
};

export function compareUsers(actual: UserReport[], expected: Map<string, ExpectedUser>): string[] {
  const problems: string[] = [];
  const byEntraId = new Map(actual.map((u) => [u.EntraSyncObjectId__c, u]));
  for (const [entraId, want] of expected) {
    const got = byEntraId.get(entraId);
    if (!got) {
      problems.push(`${want.Username}: expected a Salesforce user linked to ${entraId}, found none`);
      continue;
    }
    const check = (field: string, wanted: unknown, actualValue: unknown): void => {
      if (JSON.stringify(wanted) !== JSON.stringify(actualValue))
        problems.push(
          `${want.Username}: ${field} expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actualValue)}`,
        );
    };
    for (const field of [
      'Username',
      'Email',
      'FirstName',
      'LastName',
      'FederationIdentifier',
      'IsActive',
      'IsFrozen',
      'Profile',
      'PermissionSets',
    ] as const)
      check(field, want[field], got[field]);
    if (!want.external) check('Role', want.Role, got.Role);
    check('has a Contact', want.external, got.ContactId !== null);
    check('LicenceKind', want.LicenceKind, got.LicenceKind);
    check('Employee.EmployeeStatus', want.EmployeeStatus, got.Employee?.EmployeeStatus ?? null);
    check('has a Person Account', want.EmployeeStatus !== null, got.PersonAccountId !== null);
    if (want.external) check('Account', want.Account, got.Account);
    for (const [field, value] of Object.entries(PLAIN_MAPPINGS))
      if (field in got) check(field, value(want.source), got[field]);
  }
  for (const user of actual)
    if (!expected.has(user.EntraSyncObjectId__c))
      problems.push(
        `${user.Username}: linked to ${user.EntraSyncObjectId__c}, which should not have a Salesforce user`,
      );
  return problems;
}
