/**
 * Configures a freshly loaded local org for a local run from a tenant fixture: the EntraSyncGraph Named Credential
 * pointed at the simulator (with a token from its client-credentials endpoint in place of the External Credential),
 * the settings overrides, one EntraSyncProvisioningRule__mdt per rule, and the org data those rules refer to
 * (roles, permission sets, the Account of external users with a role-holding owner, licence seats).
 */
import type { LocalOrg } from 'apex-local';
import type { PlainValue } from 'apex-local';
import type { ClientCredentials } from '../graph/auth.ts';
import type { TenantFixture, TenantRule } from '../graph/tenantFixture.ts';

export const NAMED_CREDENTIAL = 'EntraSyncGraph';
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** role the Account owner of external users holds (CCP needs an owner with a role) */
const ACCOUNT_OWNER_ROLE = 'CEO';

export async function fetchSimulatorToken(simulatorUrl: string, credentials: ClientCredentials): Promise<string> {
  const response = await fetch(`${simulatorUrl}/${credentials.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: GRAPH_SCOPE,
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`LOCAL_RUN_TOKEN_FAILED: ${body.error_description ?? response.status}`);
  return body.access_token;
}

export function pointNamedCredential(org: LocalOrg, simulatorUrl: string, accessToken: string): void {
  org.setNamedCredentialEndpoint(NAMED_CREDENTIAL, simulatorUrl);
  org.setNamedCredentialHeaders(NAMED_CREDENTIAL, { Authorization: `Bearer ${accessToken}` });
}

/** Merges the fixture's overrides into the Default settings record (custom metadata upserts replace whole records). */
export function applySettings(org: LocalOrg, overrides: TenantFixture['settings']): void {
  const type = org.schema.describe('EntraSyncSettings__mdt');
  if (!type) throw new Error('LOCAL_RUN_SETUP: EntraSyncSettings__mdt is not in the project');
  const fields = Object.values(type.fields)
    .map((f) => f.name)
    .filter((name) => name.endsWith('__c'));
  const current =
    org.query(`SELECT ${fields.join(', ')} FROM EntraSyncSettings__mdt WHERE DeveloperName = 'Default'`)[0] ?? {};
  const values: Record<string, PlainValue> = {};
  for (const name of fields) values[name] = (current[name] as PlainValue | undefined) ?? null;
  for (const [key, value] of Object.entries(overrides)) {
    const field = type.fields[key.toLowerCase()];
    if (!field) throw new Error(`LOCAL_RUN_SETTING_UNKNOWN: settings.${key} is not a field of EntraSyncSettings__mdt`);
    values[field.name] = value;
  }
  org.upsertCustomMetadata('EntraSyncSettings__mdt', 'Default', 'Default', values);
}

/** Fixture licence → EntraSyncProvisioningRule__mdt.LicenceKind__c. */
const LICENCE_KINDS = { internal: 'Internal', external: 'External', employee: 'UnifiedEmployee' } as const;

export function applyRules(org: LocalOrg, rules: TenantRule[], fixture: TenantFixture): void {
  const groupName = new Map(fixture.groups.map((g) => [g.id, g.displayName]));
  rules.forEach((rule, i) => {
    org.upsertCustomMetadata('EntraSyncProvisioningRule__mdt', `Local_Rule_${i + 1}`, `Local rule ${i + 1}`, {
      GroupId__c: rule.group,
      GroupName__c: rule.group === '*' ? 'All users' : (groupName.get(rule.group) ?? rule.group),
      Priority__c: rule.priority,
      LicenceKind__c: LICENCE_KINDS[rule.licence],
      Profile__c: rule.profile ?? null,
      Role__c: rule.role ?? null,
      PermissionSets__c: (rule.permissionSets ?? []).join(','),
      Account__c: rule.account ?? null,
      Active__c: true,
    });
  });
}

/** The local admin runs the admin page, so it gets the package's admin permission set (as an installing admin would). */
export function assignAdminPermissionSet(org: LocalOrg, permissionSet = 'EntraSyncAdmin'): void {
  const set = org.query(`SELECT Id FROM PermissionSet WHERE Name = '${permissionSet}'`)[0];
  if (!set) throw new Error(`LOCAL_RUN_SETUP: the project has no permission set ${permissionSet}`);
  const assigned = org.query(
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${org.adminUserId}' AND PermissionSetId = '${set.Id}'`,
  );
  if (assigned.length === 0)
    org.seed('PermissionSetAssignment', [{ AssigneeId: org.adminUserId, PermissionSetId: String(set.Id) }]);
}

/** Roles, permission sets and Accounts the rules name, when the org lacks them; enough licence seats for the tenant. */
export function ensureReferencedData(org: LocalOrg, rules: TenantRule[], tenantUsers: number): void {
  const existing = (soql: string, field: string): Set<string> => new Set(org.query(soql).map((r) => String(r[field])));

  const roles = existing('SELECT DeveloperName FROM UserRole', 'DeveloperName');
  const missingRoles = [...new Set(rules.map((r) => r.role).filter((r): r is string => !!r && !roles.has(r)))];
  if (missingRoles.length)
    org.seed(
      'UserRole',
      missingRoles.map((name) => ({ Name: name, DeveloperName: name })),
    );

  const permissionSets = existing('SELECT Name FROM PermissionSet', 'Name');
  const missingSets = [...new Set(rules.flatMap((r) => r.permissionSets ?? []).filter((p) => !permissionSets.has(p)))];
  if (missingSets.length)
    org.seed(
      'PermissionSet',
      missingSets.map((name) => ({ Name: name, Label: name })),
    );

  const accountNames = [...new Set(rules.map((r) => r.account).filter((a): a is string => !!a))];
  if (accountNames.length) {
    giveAdminARole(org);
    const accounts = existing('SELECT Name FROM Account', 'Name');
    const missing = accountNames.filter((a) => !accounts.has(a));
    if (missing.length)
      org.seed(
        'Account',
        missing.map((Name) => ({ Name, OwnerId: org.adminUserId })),
      );
  }
  raiseLicenceSeats(org, tenantUsers);
}

/** External users' Accounts need an owner with a role; the local admin starts without one. */
function giveAdminARole(org: LocalOrg): void {
  const [admin] = org.query(`SELECT UserRoleId FROM User WHERE Id = '${org.adminUserId}'`);
  const roleExists = org.query(`SELECT Id FROM UserRole WHERE DeveloperName = '${ACCOUNT_OWNER_ROLE}'`).length > 0;
  if (admin && roleExists && !admin.UserRoleId) org.setUserRole(org.adminUserId, ACCOUNT_OWNER_ROLE);
}

/**
 * The local org seeds few seats per licence so Apex tests can run out of them; a local run of a whole tenant needs
 * as many as the tenant has users (a real customer buys them).
 */
function raiseLicenceSeats(org: LocalOrg, tenantUsers: number): void {
  for (const licence of org.query('SELECT Name, TotalLicenses FROM UserLicense')) {
    const total = Number(licence.TotalLicenses ?? 0);
    if (total < tenantUsers + 50) org.setLicenseSeats(String(licence.Name), tenantUsers + 50);
  }
}

/** A field mapping a local run adds or changes (also the `mapping` step of a scenario). */
export interface FieldMappingChange {
  /** the User field the mapping writes (TargetField__c) */
  target: string;
  /** Graph attribute path or expression (Source__c) */
  source: string;
  applyOn?: 'Create' | 'Always';
  defaultValue?: string | null;
  order?: number;
  active?: boolean;
}

/**
 * Adds an EntraSyncFieldMapping__mdt record, or changes the one that already writes `target` (as an admin's save in
 * the mapping editor does: a custom metadata deployment). Returns the record's DeveloperName and whether it is new.
 */
export function upsertFieldMapping(
  org: LocalOrg,
  change: FieldMappingChange,
): { developerName: string; created: boolean } {
  const userField = org.schema.describe('User')?.fields[change.target.toLowerCase()];
  if (!userField) throw new Error(`LOCAL_RUN_MAPPING_INVALID: '${change.target}' is not a field of User`);
  const target = userField.name;
  const existing = org
    .query(
      'SELECT DeveloperName, Source__c, ApplyOn__c, DefaultValue__c, Order__c, Active__c, TargetField__c FROM EntraSyncFieldMapping__mdt',
    )
    .find((r) => String(r.TargetField__c).toLowerCase() === target.toLowerCase());
  const orders = org.query('SELECT Order__c FROM EntraSyncFieldMapping__mdt').map((r) => Number(r.Order__c ?? 0));
  const developerName = existing
    ? String(existing.DeveloperName)
    : `Local_${target.replace(/__c$/i, '').replace(/\W/g, '_')}`;
  const values: Record<string, PlainValue> = {
    TargetField__c: target,
    Source__c: change.source,
    ApplyOn__c: change.applyOn ?? (existing?.ApplyOn__c as string | undefined) ?? 'Always',
    DefaultValue__c:
      change.defaultValue !== undefined ? change.defaultValue : ((existing?.DefaultValue__c as string | null) ?? null),
    Order__c: change.order ?? (existing?.Order__c as number | undefined) ?? Math.max(0, ...orders) + 10,
    Active__c: change.active ?? true,
  };
  org.upsertCustomMetadata('EntraSyncFieldMapping__mdt', developerName, `${change.source} to ${target}`, values);
  return { developerName, created: !existing };
}
