/**
 * Reads the outcome of sync runs from the local org: runs, linked users (with profile, permission sets, frozen
 * state, mapped fields) and failed changes — the `npm run sync -- --json` document, the start summary and the e2e
 * comparisons all come from here.
 */
import type { PlainRecord } from 'apex-local';

export type QueryFn = (soql: string) => PlainRecord[];

export interface RunReport {
  id: string;
  name: string;
  trigger: string;
  status: string;
  mode: string | null;
  dryRun: boolean;
  counters: Record<string, number>;
  callouts: number;
  pages: number;
  transactions: number;
  durationSeconds: number | null;
  pendingDeactivations: number;
  errorCode: string | null;
  errorMessage: string | null;
  /** EntraSyncRun__c.Notices__c, one line per notice (`ENTRASYNC_…: what happened and what to do`); [] without */
  notices: string[];
}

export interface UserReport {
  Id: string;
  Username: string;
  Email: string;
  FirstName: string | null;
  LastName: string;
  IsActive: boolean;
  IsFrozen: boolean;
  Profile: string | null;
  Role: string | null;
  PermissionSets: string[];
  ContactId: string | null;
  Account: string | null;
  EntraSyncObjectId__c: string;
  FederationIdentifier: string | null;
  /** from the profile's user licence: Unified Employee → UnifiedEmployee, a Contact → External, else Internal */
  LicenceKind: LicenceKind;
  /** Unified Employee users: the Person Account whose PersonContact their Employee2 record names */
  PersonAccountId: string | null;
  /** the user's Employee2 record, where the org has the object and the user one */
  Employee: EmployeeReport | null;
  [mappedField: string]: unknown;
}

export type LicenceKind = 'Internal' | 'External' | 'UnifiedEmployee';

export interface EmployeeReport {
  EmployeeNumber: string | null;
  EmployeeStatus: string | null;
  StatusStartDate: string | null;
  StatusEndDate: string | null;
}

/** The user licence of Unified Employee users (Salesforce Help, "Unified Employee License Details"). */
const UNIFIED_EMPLOYEE_LICENSE = 'Unified Employee';

export interface ChangeErrorReport {
  run: string;
  entraObjectId: string;
  userPrincipalName: string | null;
  action: string | null;
  code: string | null;
  message: string | null;
}

const COUNTERS = [
  'Fetched',
  'Created',
  'Updated',
  'Deactivated',
  'Frozen',
  'Reactivated',
  'Adopted',
  'Unchanged',
  'Skipped',
  'Failed',
];
const BASE_USER_FIELDS = [
  'Id',
  'ProfileId',
  'Username',
  'Email',
  'FirstName',
  'LastName',
  'IsActive',
  'ContactId',
  'EntraSyncObjectId__c',
  'FederationIdentifier',
];

export function readRuns(query: QueryFn): RunReport[] {
  const soql = (extra: string) =>
    `SELECT Id, Name, Trigger__c, Status__c, Mode__c, IsDryRun__c, DurationSeconds__c, ${COUNTERS.map((c) => `${c}__c`).join(', ')}, ` +
    `Callouts__c, Pages__c, Transactions__c, PendingDeactivations__c, ErrorCode__c, ErrorMessage__c${extra} FROM EntraSyncRun__c ORDER BY Name`;
  let rows: PlainRecord[];
  try {
    rows = query(soql(', Notices__c'));
  } catch {
    rows = query(soql('')); // a package version without run notices
  }
  return rows.map((r) => ({
    id: String(r.Id),
    name: String(r.Name),
    trigger: String(r.Trigger__c),
    status: String(r.Status__c),
    mode: (r.Mode__c as string | null) ?? null,
    dryRun: r.IsDryRun__c === true,
    counters: Object.fromEntries(COUNTERS.map((c) => [c.toLowerCase(), Number(r[`${c}__c`] ?? 0)])),
    callouts: Number(r.Callouts__c ?? 0),
    pages: Number(r.Pages__c ?? 0),
    transactions: Number(r.Transactions__c ?? 0),
    durationSeconds:
      r.DurationSeconds__c === null || r.DurationSeconds__c === undefined ? null : Number(r.DurationSeconds__c),
    pendingDeactivations: Number(r.PendingDeactivations__c ?? 0),
    errorCode: (r.ErrorCode__c as string | null) ?? null,
    errorMessage: (r.ErrorMessage__c as string | null) ?? null,
    notices: typeof r.Notices__c === 'string' ? r.Notices__c.split('\n').filter((line) => line.trim() !== '') : [],
  }));
}

/** Active field mappings' target fields (the "mapped fields" of the users report). */
export function mappedTargetFields(query: QueryFn): string[] {
  const rows = query('SELECT TargetField__c FROM EntraSyncFieldMapping__mdt WHERE Active__c = true');
  const fields = new Set(rows.map((r) => String(r.TargetField__c)));
  for (const base of BASE_USER_FIELDS) fields.delete(base);
  return [...fields].sort();
}

/** Salesforce users linked to Entra (adopted users carry the link too), sorted by Username. */
export function readLinkedUsers(query: QueryFn): UserReport[] {
  const mapped = mappedTargetFields(query);
  const users = query(
    `SELECT ${[...BASE_USER_FIELDS, ...mapped].join(', ')}, Profile.Name, UserRole.DeveloperName FROM User WHERE EntraSyncObjectId__c != null ORDER BY Username`,
  );
  const frozen = new Set(query('SELECT UserId FROM UserLogin WHERE IsFrozen = true').map((r) => String(r.UserId)));
  const permissionSets = new Map<string, string[]>();
  for (const a of query(
    'SELECT AssigneeId, PermissionSet.Name FROM PermissionSetAssignment WHERE PermissionSet.IsOwnedByProfile = false',
  )) {
    const name = (a.PermissionSet as PlainRecord | null)?.Name;
    if (typeof name !== 'string') continue;
    const list = permissionSets.get(String(a.AssigneeId)) ?? [];
    list.push(name);
    permissionSets.set(String(a.AssigneeId), list);
  }
  const contactIds = users.map((u) => u.ContactId).filter((id): id is string => typeof id === 'string');
  const accountByContact = new Map<string, string>();
  if (contactIds.length > 0)
    for (const c of query(
      `SELECT Id, Account.Name FROM Contact WHERE Id IN (${contactIds.map((id) => `'${id}'`).join(', ')})`,
    ))
      accountByContact.set(String(c.Id), String((c.Account as PlainRecord | null)?.Name ?? ''));

  const licenceByProfile = new Map(
    query('SELECT Id, UserLicense.Name FROM Profile').map((p) => [
      String(p.Id),
      String((p.UserLicense as PlainRecord | null)?.Name ?? ''),
    ]),
  );
  const employees = readEmployees(
    query,
    users.map((u) => String(u.Id)),
  );

  return users.map((u) => {
    const employee = employees.get(String(u.Id));
    const report: UserReport = {
      Id: String(u.Id),
      Username: String(u.Username),
      Email: String(u.Email),
      FirstName: (u.FirstName as string | null) ?? null,
      LastName: String(u.LastName),
      IsActive: u.IsActive === true,
      IsFrozen: frozen.has(String(u.Id)),
      Profile: ((u.Profile as PlainRecord | null)?.Name as string | undefined) ?? null,
      Role: ((u.UserRole as PlainRecord | null)?.DeveloperName as string | undefined) ?? null,
      PermissionSets: (permissionSets.get(String(u.Id)) ?? []).sort(),
      ContactId: (u.ContactId as string | null) ?? null,
      Account: typeof u.ContactId === 'string' ? (accountByContact.get(u.ContactId) ?? null) : null,
      EntraSyncObjectId__c: String(u.EntraSyncObjectId__c),
      FederationIdentifier: (u.FederationIdentifier as string | null) ?? null,
      LicenceKind:
        licenceByProfile.get(String(u.ProfileId)) === UNIFIED_EMPLOYEE_LICENSE
          ? 'UnifiedEmployee'
          : typeof u.ContactId === 'string'
            ? 'External'
            : 'Internal',
      PersonAccountId: employee?.personAccountId ?? null,
      Employee: employee?.report ?? null,
    };
    for (const field of mapped) report[field] = u[field] ?? null;
    return report;
  });
}

/** Employee2 records (and their Person Accounts) by UserId; none where the org has no Employee2 object. */
function readEmployees(
  query: QueryFn,
  userIds: string[],
): Map<string, { personAccountId: string | null; report: EmployeeReport }> {
  const byUser = new Map<string, { personAccountId: string | null; report: EmployeeReport }>();
  if (userIds.length === 0) return byUser;
  let rows: PlainRecord[];
  try {
    rows = query(
      `SELECT UserId, ContactId, Contact.AccountId, EmployeeNumber, EmployeeStatus, StatusStartDate, StatusEndDate FROM Employee2 WHERE UserId IN (${userIds.map((id) => `'${id}'`).join(', ')})`,
    );
  } catch {
    return byUser; // an org without Employee2 (no Unified Employee feature)
  }
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  for (const r of rows)
    byUser.set(String(r.UserId), {
      personAccountId: text((r.Contact as PlainRecord | null)?.AccountId),
      report: {
        EmployeeNumber: text(r.EmployeeNumber),
        EmployeeStatus: text(r.EmployeeStatus),
        StatusStartDate: text(r.StatusStartDate),
        StatusEndDate: text(r.StatusEndDate),
      },
    });
  return byUser;
}

export function readChangeErrors(query: QueryFn): ChangeErrorReport[] {
  return query(
    "SELECT Run__r.Name, EntraObjectId__c, UserPrincipalName__c, Action__c, ErrorCode__c, ErrorMessage__c FROM EntraSyncChange__c WHERE Status__c = 'Failed' ORDER BY Name",
  ).map((c) => ({
    run: String((c.Run__r as PlainRecord | null)?.Name ?? ''),
    entraObjectId: String(c.EntraObjectId__c),
    userPrincipalName: (c.UserPrincipalName__c as string | null) ?? null,
    action: (c.Action__c as string | null) ?? null,
    code: (c.ErrorCode__c as string | null) ?? null,
    message: (c.ErrorMessage__c as string | null) ?? null,
  }));
}

/** A few readable lines about a finished run. */
export function formatRunSummary(run: RunReport): string {
  const c = run.counters;
  const lines = [
    `${run.name} (${run.trigger}${run.mode ? `, ${run.mode}` : ''}): ${run.status}`,
    `  fetched ${c.fetched} · created ${c.created} · updated ${c.updated} · deactivated ${c.deactivated} · frozen ${c.frozen} · reactivated ${c.reactivated} · adopted ${c.adopted} · unchanged ${c.unchanged} · skipped ${c.skipped} · failed ${c.failed}`,
    `  Graph callouts ${run.callouts} · pages ${run.pages} · async transactions ${run.transactions}${run.durationSeconds === null ? '' : ` · ${run.durationSeconds} s`}`,
  ];
  if (run.status === 'AwaitingApproval')
    lines.push(`  waiting for approval: ${run.pendingDeactivations} users would be deactivated or frozen`);
  if (run.errorCode) lines.push(`  ${run.errorCode}: ${run.errorMessage ?? ''}`);
  for (const notice of run.notices) lines.push(`  notice: ${notice}`);
  return lines.join('\n');
}
