/**
 * The end-to-end oracle: which Salesforce users a correct sync leaves behind, computed from the tenant fixture alone
 * (never from the engine's output), so e2e tests compare two independent answers.
 *
 * The rules it encodes (DESIGN.md §3–5 and the settings' documented defaults):
 * - a user is in scope when a group named by an active rule (or a `*` rule) contains them; the highest priority
 *   decides profile, licence and role, and the permission sets are the union of every matching rule's
 *   (EntraSyncRuleEngine's documented contract);
 * - an in-scope, enabled user that has no Salesforce user yet is created (a disabled one is not created);
 * - Username = userPrincipalName + UsernameSuffix; Email = mail (else UPN); FirstName/LastName = givenName/surname;
 *   FederationIdentifier = userPrincipalName; EntraSyncObjectId__c = the Entra object id;
 * - profile, role and permission sets follow the winning rule as it changes; external rules add a Contact;
 * - employee (Unified Employee) rules: the profile defaults to "Unified Employee"; the user gets a Person Account
 *   and an Employee2 record (issue 13), Active while the user is on, Terminated once a leaver is deactivated or
 *   frozen, Active again on re-hire; the records are kept (an employee stays an employee record-wise);
 * - `accountEnabled: false` → OnDisable (Freeze: active but frozen; Deactivate: inactive); enabled again → unfrozen /
 *   reactivated;
 * - removed from Entra (soft- or hard-deleted) or out of every rule's scope → OnRemove (Deactivate | Freeze);
 *   restored → reactivated. Users are never deleted.
 * - HR dates (issue 13), against the sync point's time (the local run's LOCAL_RUN_START unless given): an
 *   `employeeLeaveDateTime` at or before it makes the user a leaver exactly as a disabled account (OnDisable; an
 *   unlinked leaver is not created); an `employeeHireDate` after it makes an enabled joiner a future joiner, created
 *   inactive (with its rule's permission sets, which grant nothing while inactive) and an Inactive Employee2 for
 *   Unified Employee users.
 * Each sync point (initial sync, then one run after each change set) applies these rules to the tenant as it is then.
 */
import { Directory } from '../../packages/dev-env/graph/directory.ts';
import { LOCAL_RUN_START } from '../../packages/dev-env/localRun/clock.ts';
import type { GraphUser, TenantFixture, TenantRule } from '../../packages/dev-env/graph/tenantFixture.ts';

export interface ExpectedUser {
  EntraSyncObjectId__c: string;
  Username: string;
  Email: string;
  FirstName: string | null;
  LastName: string;
  FederationIdentifier: string;
  IsActive: boolean;
  IsFrozen: boolean;
  Profile: string;
  Role: string | null;
  PermissionSets: string[];
  external: boolean;
  Account: string | null;
  LicenceKind: 'Internal' | 'External' | 'UnifiedEmployee';
  /** Employee2.EmployeeStatus for users ever created or kept as Unified Employee users; null otherwise */
  EmployeeStatus: 'Active' | 'Inactive' | 'Terminated' | null;
  /** the Graph user as last seen, for mapped-field expectations */
  source: GraphUser;
}

export interface OracleSettings {
  usernameSuffix: string;
  onDisable: 'Freeze' | 'Deactivate';
  onRemove: 'Deactivate' | 'Freeze';
}

export function settingsFromFixture(fixture: TenantFixture): OracleSettings {
  const s = fixture.settings;
  return {
    usernameSuffix: typeof s.UsernameSuffix__c === 'string' ? s.UsernameSuffix__c : '',
    onDisable: s.OnDisable__c === 'Deactivate' ? 'Deactivate' : 'Freeze',
    onRemove: s.OnRemove__c === 'Freeze' ? 'Freeze' : 'Deactivate',
  };
}

/** Expected users after the initial sync and one run after each of the first `changeSets` change sets. */
export function expectedUsers(
  fixture: TenantFixture,
  changeSets: number,
  settings = settingsFromFixture(fixture),
  now = Date.parse(LOCAL_RUN_START),
): Map<string, ExpectedUser> {
  const directory = new Directory(fixture);
  const expected = new Map<string, ExpectedUser>();
  syncPoint(directory, fixture.rules, settings, expected, now);
  for (let i = 0; i < changeSets; i++) {
    if (directory.applyNextChangeSet() === undefined)
      throw new Error(`LOCAL_E2E_ORACLE: the fixture has only ${i} change sets`);
    syncPoint(directory, fixture.rules, settings, expected, now);
  }
  return expected;
}

function syncPoint(
  directory: Directory,
  rules: TenantRule[],
  settings: OracleSettings,
  expected: Map<string, ExpectedUser>,
  now: number,
): void {
  const snapshot = directory.snapshot();
  const groupsOf = new Map<string, Set<string>>();
  for (const group of snapshot.groups)
    for (const member of group.members)
      (groupsOf.get(member) ?? groupsOf.set(member, new Set()).get(member)!).add(group.id);

  for (const { user, state } of snapshot.users) {
    const matching = matchingRules(rules, groupsOf.get(user.id) ?? new Set());
    const rule = matching[0];
    const existing = expected.get(user.id);
    const present = state === 'active';
    const left = typeof user.employeeLeaveDateTime === 'string' && Date.parse(user.employeeLeaveDateTime) <= now;
    const enabled = user.accountEnabled !== false && !left;
    const notStarted = typeof user.employeeHireDate === 'string' && Date.parse(user.employeeHireDate) > now;

    if (!existing) {
      if (present && enabled && rule) {
        const created = create(user, matching, settings);
        if (notStarted) {
          created.IsActive = false;
          if (created.EmployeeStatus) created.EmployeeStatus = 'Inactive';
        }
        expected.set(user.id, created);
      }
      continue;
    }
    if (!present || !rule) {
      applyRemoval(existing, settings.onRemove);
      continue;
    }
    const employeeStatus = existing.EmployeeStatus;
    Object.assign(existing, identity(user, settings), assignment(matching));
    existing.EmployeeStatus = employeeStatus;
    existing.source = structuredClone(user);
    if (enabled && notStarted && existing.EmployeeStatus !== 'Terminated') {
      // still a future joiner: waits, inactive
      existing.IsActive = false;
      existing.IsFrozen = false;
      if (existing.EmployeeStatus) existing.EmployeeStatus = 'Inactive';
    } else if (enabled) {
      existing.IsActive = true;
      existing.IsFrozen = false;
      if (existing.EmployeeStatus) existing.EmployeeStatus = 'Active';
    } else applyRemoval(existing, settings.onDisable);
  }
}

/** Rules matching a user's groups, highest priority first. */
function matchingRules(rules: TenantRule[], groups: Set<string>): TenantRule[] {
  return rules.filter((rule) => rule.group === '*' || groups.has(rule.group)).sort((a, b) => b.priority - a.priority);
}

function create(user: GraphUser, matching: TenantRule[], settings: OracleSettings): ExpectedUser {
  const assigned = assignment(matching);
  return {
    ...identity(user, settings),
    ...assigned,
    EmployeeStatus: assigned.LicenceKind === 'UnifiedEmployee' ? 'Active' : null,
    IsActive: true,
    IsFrozen: false,
    source: structuredClone(user),
  };
}

function identity(user: GraphUser, settings: OracleSettings) {
  const upn = String(user.userPrincipalName);
  return {
    EntraSyncObjectId__c: user.id,
    Username: upn + settings.usernameSuffix,
    Email: typeof user.mail === 'string' && user.mail ? user.mail : upn,
    FirstName: typeof user.givenName === 'string' ? user.givenName : null,
    LastName: typeof user.surname === 'string' && user.surname ? user.surname : String(user.displayName ?? upn),
    FederationIdentifier: upn,
  };
}

function assignment(matching: TenantRule[]) {
  const rule = matching[0];
  const external = rule.licence === 'external';
  const employee = rule.licence === 'employee';
  return {
    Profile: rule.profile ?? (employee ? 'Unified Employee' : ''),
    LicenceKind: (external ? 'External' : employee ? 'UnifiedEmployee' : 'Internal') as ExpectedUser['LicenceKind'],
    Role: external ? null : (rule.role ?? null),
    PermissionSets: [...new Set(matching.flatMap((r) => r.permissionSets ?? []))].sort(),
    external,
    Account: external ? (rule.account ?? null) : null,
  };
}

function applyRemoval(user: ExpectedUser, behaviour: 'Freeze' | 'Deactivate'): void {
  const wasOn = user.IsActive && !user.IsFrozen;
  if (behaviour === 'Freeze') user.IsFrozen = true;
  else user.IsActive = false;
  // a leaver's Employee2 is Terminated when the user goes off (a user already off is left as it is)
  if (wasOn && user.EmployeeStatus) user.EmployeeStatus = 'Terminated';
}
