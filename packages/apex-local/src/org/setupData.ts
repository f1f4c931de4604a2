/**
 * What every org — and every Apex test, without SeeAllData — sees: the Organization, user licences with
 * limited seats (so tests can exhaust them), profiles, roles, permission sets from the project metadata,
 * the running admin user with its UserLogin, and the custom metadata records.
 */
import type { PlainValue } from './api.ts';
import { withAuditFields } from './dml.ts';
import { PERSON_ACCOUNT_RECORD_TYPE, UNIFIED_EMPLOYEE, type OrgFeatures } from './features.ts';
import type { IdGenerator } from './ids.ts';
import type { ProjectMetadata } from './metadata.ts';
import type { Schema } from './schema.ts';
import type { Store } from './store.ts';
import { seatsInUse, writeUsedLicenses } from './rules/userRules.ts';

/** Seats per licence: small enough that tests can run out (LICENSE_LIMIT_EXCEEDED). */
export const LICENSES = [
  { name: 'Salesforce', key: 'SFDC', total: 50 },
  { name: 'Salesforce Platform', key: 'AUL', total: 10 },
  { name: 'Customer Community Plus', key: 'PID_Customer_Community_Plus', total: 20 },
  { name: 'Customer Community', key: 'PID_Customer_Community', total: 20 },
  { name: 'Chatter Free', key: 'PID_Chatter', total: 100 },
] as const;

export const PROFILES: { name: string; license: (typeof LICENSES)[number]['name'] }[] = [
  { name: 'System Administrator', license: 'Salesforce' },
  { name: 'Standard User', license: 'Salesforce' },
  { name: 'Read Only', license: 'Salesforce' },
  { name: 'Minimum Access - Salesforce', license: 'Salesforce' },
  { name: 'Standard Platform User', license: 'Salesforce Platform' },
  { name: 'Customer Community Plus User', license: 'Customer Community Plus' },
  { name: 'Customer Community User', license: 'Customer Community' },
  { name: 'Chatter Free User', license: 'Chatter Free' },
];

export const ADMIN_USERNAME = 'admin@local-org.test';

export interface SetupIds {
  organizationId: string;
  adminUserId: string;
}

export function seedSetupData(
  schema: Schema,
  store: Store,
  ids: IdGenerator,
  meta: ProjectMetadata,
  now: Date,
  org: { isSandbox: boolean; features?: OrgFeatures },
): SetupIds {
  const put = (objectName: string, values: Record<string, PlainValue>, userId = ''): string => {
    const d = schema.describe(objectName)!;
    const id = ids.next(d.keyPrefix);
    store.put(d.name, withAuditFields({ ...values, Id: id }, undefined, userId || id, now));
    return id;
  };
  const organizationId = put('Organization', {
    Name: 'Local Org',
    IsSandbox: org.isSandbox,
    InstanceName: 'LOCAL',
    OrganizationType: 'Developer Edition',
    NamespacePrefix: null,
    TimeZoneSidKey: 'GMT',
    LanguageLocaleKey: 'en_US',
    DefaultLocaleSidKey: 'en_US',
  });
  // the org's default business hours, visible to tests like other setup data (Case.BusinessHoursId defaults to it)
  put('BusinessHours', { Name: 'Default', IsActive: true, IsDefault: true, TimeZoneSidKey: 'GMT' });
  const licenseIds = new Map<string, string>();
  for (const l of LICENSES) {
    licenseIds.set(
      l.name,
      put('UserLicense', {
        Name: l.name,
        MasterLabel: l.name,
        LicenseDefinitionKey: l.key,
        TotalLicenses: l.total,
        UsedLicenses: 0,
        Status: 'Active',
      }),
    );
  }
  const profileIds = new Map<string, string>();
  for (const p of PROFILES)
    profileIds.set(p.name, put('Profile', { Name: p.name, UserLicenseId: licenseIds.get(p.license)! }));
  seedFeatures(put, org.features ?? {});

  const ceo = put('UserRole', { Name: 'CEO', DeveloperName: 'CEO', ParentRoleId: null, PortalType: 'None' });
  put('UserRole', { Name: 'COO', DeveloperName: 'COO', ParentRoleId: ceo, PortalType: 'None' });
  const roleIds = new Map<string, string>();
  for (const r of meta.roles)
    roleIds.set(
      r.developerName,
      put('UserRole', { Name: r.name, DeveloperName: r.developerName, PortalType: 'None', ParentRoleId: null }),
    );
  for (const r of meta.roles) {
    const parent = r.parentRole ? roleIds.get(r.parentRole) : undefined;
    if (parent)
      store.put('UserRole', { ...store.get('UserRole', roleIds.get(r.developerName)!)!, ParentRoleId: parent });
  }
  const projectPermissionSetIds: string[] = [];
  for (const ps of meta.permissionSets)
    projectPermissionSetIds.push(
      put('PermissionSet', {
        Name: ps.name,
        Label: ps.label,
        Description: ps.description ?? null,
        IsOwnedByProfile: false,
      }),
    );

  const adminProfile = profileIds.get('System Administrator')!;
  const adminUserId = ids.next('005');
  store.put(
    'User',
    withAuditFields(
      {
        Id: adminUserId,
        Username: ADMIN_USERNAME,
        FirstName: 'Local',
        LastName: 'Admin',
        Name: 'Local Admin',
        Email: 'admin@example.com',
        Alias: 'ladmin',
        CommunityNickname: 'local.admin',
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        ProfileId: adminProfile,
        UserRoleId: null,
        IsActive: true,
        IsPortalEnabled: false,
        UserType: 'Standard',
        ForecastEnabled: false,
      },
      undefined,
      adminUserId,
      now,
    ),
  );
  put('UserLogin', { UserId: adminUserId, IsFrozen: false, IsPasswordLocked: false }, adminUserId);
  put(
    'Group',
    { Name: 'All Internal Users', DeveloperName: 'AllInternalUsers', Type: 'Organization', DoesIncludeBosses: true },
    adminUserId,
  );

  seedExistingUsers(put, profileIds, projectPermissionSetIds, adminUserId);

  seedCredentials((objectName, values) => put(objectName, values, adminUserId), meta);
  seedNotificationTypes((objectName, values) => put(objectName, values, adminUserId), meta);
  seedCustomMetadata(schema, store, ids, meta, now, adminUserId);
  refreshLicenseUsage(store);
  return { organizationId, adminUserId };
}

/**
 * Active users a real org already has besides the running user (Apex tests see every User, even without
 * SeeAllData): another System Administrator, who already holds every permission set of the project (as an admin
 * of a real org would once the package is in use), a Standard User and a Chatter Free user, so tests cannot assume
 * they are the only users or the only holders of a permission set. They take seats like any user.
 */
export const EXISTING_USERS: { alias: string; lastName: string; profile: string }[] = [
  { alias: 'oadmin', lastName: 'Other Admin', profile: 'System Administrator' },
  { alias: 'sstaff', lastName: 'Standard Staff', profile: 'Standard User' },
  { alias: 'cfree', lastName: 'Chatter Member', profile: 'Chatter Free User' },
];

function seedExistingUsers(
  put: (objectName: string, values: Record<string, PlainValue>, userId?: string) => string,
  profileIds: Map<string, string>,
  projectPermissionSetIds: string[],
  adminUserId: string,
): void {
  for (const u of EXISTING_USERS) {
    const userId = put(
      'User',
      {
        Username: `${u.alias}@local-org.test`,
        FirstName: 'Existing',
        LastName: u.lastName,
        Name: `Existing ${u.lastName}`,
        Email: `${u.alias}@example.com`,
        Alias: u.alias,
        CommunityNickname: `existing.${u.alias}`,
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        ProfileId: profileIds.get(u.profile)!,
        UserRoleId: null,
        IsActive: true,
        IsPortalEnabled: false,
        UserType: u.profile === 'Chatter Free User' ? 'CsnOnly' : 'Standard',
        ForecastEnabled: false,
      },
      adminUserId,
    );
    put('UserLogin', { UserId: userId, IsFrozen: false, IsPasswordLocked: false }, adminUserId);
    if (u.profile === 'System Administrator')
      for (const permissionSetId of projectPermissionSetIds)
        put('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: permissionSetId }, adminUserId);
  }
}

/** The licence, profile, permission set and record type that come with the org's optional features (features.ts). */
function seedFeatures(put: (objectName: string, values: Record<string, PlainValue>) => string, features: OrgFeatures) {
  if (features.unifiedEmployee) {
    const l = UNIFIED_EMPLOYEE.license;
    const licenseId = put('UserLicense', {
      Name: l.name,
      MasterLabel: l.name,
      LicenseDefinitionKey: l.key,
      TotalLicenses: l.total,
      UsedLicenses: 0,
      Status: 'Active',
    });
    put('Profile', { Name: UNIFIED_EMPLOYEE.profile, UserLicenseId: licenseId });
    put('PermissionSet', { ...UNIFIED_EMPLOYEE.permissionSet, Description: null, IsOwnedByProfile: false });
  }
  if (features.personAccounts)
    put('RecordType', {
      ...PERSON_ACCOUNT_RECORD_TYPE,
      SobjectType: 'Account',
      IsPersonType: true,
      IsActive: true,
      NamespacePrefix: null,
      Description: null,
    });
}

/** One NamedCredential / ExternalCredential row per credential file of the project (read-only setup metadata). */
function seedCredentials(
  put: (objectName: string, values: Record<string, PlainValue>) => string,
  meta: ProjectMetadata,
) {
  const names = (developerName: string, label: string, description: string | undefined) => ({
    DeveloperName: developerName,
    MasterLabel: label,
    Language: 'en_US',
    NamespacePrefix: null,
    Description: description?.slice(0, 255) ?? null,
  });
  for (const nc of meta.namedCredentialRecords)
    put('NamedCredential', {
      ...names(nc.developerName, nc.label, nc.description),
      Endpoint: nc.endpoint ?? null,
      PrincipalType: nc.principalType ?? null,
      CalloutOptionsAllowMergeFieldsInBody: nc.allowMergeFieldsInBody,
      CalloutOptionsAllowMergeFieldsInHeader: nc.allowMergeFieldsInHeader,
      CalloutOptionsGenerateAuthorizationHeader: nc.generateAuthorizationHeader,
    });
  for (const ec of meta.externalCredentials)
    put('ExternalCredential', {
      ...names(ec.developerName, ec.label, ec.description),
      AuthenticationProtocol: ec.authenticationProtocol ?? null,
    });
}

/** One CustomNotificationType row per `.notiftype-meta.xml` file of the project (read-only setup metadata). */
function seedNotificationTypes(
  put: (objectName: string, values: Record<string, PlainValue>) => string,
  meta: ProjectMetadata,
) {
  for (const nt of meta.notificationTypes)
    put('CustomNotificationType', {
      DeveloperName: nt.developerName,
      MasterLabel: nt.masterLabel,
      CustomNotifTypeName: nt.customNotifTypeName,
      Description: nt.description?.slice(0, 255) ?? null,
      Desktop: nt.desktop,
      Mobile: nt.mobile,
      IsSlack: false,
      Language: 'en_US',
      NamespacePrefix: null,
    });
}

function seedCustomMetadata(
  schema: Schema,
  store: Store,
  ids: IdGenerator,
  meta: ProjectMetadata,
  now: Date,
  userId: string,
): void {
  for (const rec of meta.customMetadata)
    upsertCustomMetadataRecord(schema, store, ids, rec.typeName, rec.developerName, rec.label, rec.values, now, userId);
}

/** Inserts or replaces one custom metadata record (also used for Metadata.Operations deployments). */
export function upsertCustomMetadataRecord(
  schema: Schema,
  store: Store,
  ids: IdGenerator,
  typeName: string,
  developerName: string,
  label: string,
  values: Record<string, PlainValue>,
  now: Date,
  userId: string,
): string | undefined {
  const type = schema.describe(typeName);
  if (!type?.isCustomMetadata) return undefined;
  const existing = store.lookup(type.name, 'DeveloperName', [developerName])[0];
  const row: Record<string, PlainValue> = {
    Id: existing?.Id ?? ids.next(type.keyPrefix),
    DeveloperName: developerName,
    MasterLabel: label,
    Label: label,
    QualifiedApiName: developerName,
    NamespacePrefix: null,
    Language: 'en_US',
  };
  for (const [name, value] of Object.entries(values)) {
    const f = type.fields[name.toLowerCase()];
    if (f) row[f.name] = value;
  }
  store.put(type.name, withAuditFields(row, existing, userId, now));
  return String(row.Id);
}

function refreshLicenseUsage(store: Store): void {
  writeUsedLicenses({ store }, seatsInUse({ store }));
}
