/**
 * The standard objects the package touches, with their real required fields, lengths and key prefixes
 * (Object Reference for the Salesforce Platform: User, Profile, UserLicense, PermissionSet, … field tables).
 *
 * `isSetup` marks the objects listed in "sObjects That Can't Be Used Together in DML Operations"
 * (Apex Developer Guide, apex_dml_non_mix_sobjects) — User, PermissionSet, PermissionSetAssignment, Group,
 * GroupMember, … — plus UserRole and UserLogin, which behave as setup objects too (assumption, see DIVERGENCES.md).
 */
import type { DmlOperation, FieldDescribe, FieldType, ObjectDescribe, PlainValue } from './api.ts';

export interface StandardObjectSpec {
  describe: ObjectDescribe;
  /** DML operations the platform allows on the object ("sObjects That Don't Support DML Operations"). */
  dmlAllowed: ReadonlySet<DmlOperation>;
}

interface FieldOptions {
  length?: number;
  required?: boolean;
  unique?: boolean;
  externalId?: boolean;
  caseSensitive?: boolean;
  picklist?: string[];
  ref?: string[];
  rel?: string;
  readonly?: boolean; // neither createable nor updateable (computed / system)
  createOnly?: boolean; // createable, not updateable
  defaultValue?: PlainValue;
  restricted?: boolean;
  label?: string;
  precision?: number;
  scale?: number;
}

export function field(name: string, type: FieldType, o: FieldOptions = {}): FieldDescribe {
  const d: FieldDescribe = {
    name,
    label: o.label ?? labelFromName(name),
    type,
    required: o.required ?? false,
    unique: o.unique ?? false,
    externalId: o.externalId ?? false,
    createable: !o.readonly,
    updateable: !o.readonly && !o.createOnly,
  };
  if (o.length !== undefined) d.length = o.length;
  if (o.precision !== undefined) d.precision = o.precision;
  if (o.scale !== undefined) d.scale = o.scale;
  if (o.caseSensitive !== undefined) d.caseSensitive = o.caseSensitive;
  if (o.picklist) d.picklistValues = o.picklist;
  if (o.ref) {
    d.referenceTo = o.ref;
    d.relationshipName = o.rel ?? (name.endsWith('Id') ? name.slice(0, -2) : name);
  }
  if (o.defaultValue !== undefined) d.defaultValue = o.defaultValue;
  if (o.restricted) d.restrictedPicklist = true;
  return d;
}

/** 'OwnerId' -> 'Owner ID' (standard reference labels, as in "Owner ID: id value of incorrect type"), 'LastName' -> 'Last Name' */
function labelFromName(name: string): string {
  const idRef = /[a-z]Id$/.test(name);
  const base = (idRef ? name.slice(0, -2) : name).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return idRef ? `${base} ID` : base;
}

/** System audit fields every object has; set by the org, never by DML. */
export function systemFields(): FieldDescribe[] {
  return [
    field('Id', 'id', { readonly: true, label: 'Record ID' }),
    field('IsDeleted', 'boolean', { readonly: true, label: 'Deleted' }),
    field('CreatedDate', 'datetime', { readonly: true }),
    field('CreatedById', 'reference', { readonly: true, ref: ['User'], rel: 'CreatedBy' }),
    field('LastModifiedDate', 'datetime', { readonly: true }),
    field('LastModifiedById', 'reference', { readonly: true, ref: ['User'], rel: 'LastModifiedBy' }),
    field('SystemModstamp', 'datetime', { readonly: true }),
  ];
}

const ALL_DML: ReadonlySet<DmlOperation> = new Set(['insert', 'update', 'upsert', 'delete', 'undelete']);
const NO_DML: ReadonlySet<DmlOperation> = new Set();

export function obj(
  name: string,
  keyPrefix: string,
  isSetup: boolean,
  fields: FieldDescribe[],
  dmlAllowed: ReadonlySet<DmlOperation> = ALL_DML,
  label = name,
): StandardObjectSpec {
  const byName: Record<string, FieldDescribe> = {};
  for (const f of [...systemFields(), ...fields]) byName[f.name.toLowerCase()] = f;
  return {
    describe: {
      name,
      label,
      keyPrefix,
      custom: false,
      isSetup,
      isCustomMetadata: false,
      isCustomSetting: false,
      fields: byName,
      childRelationships: [],
    },
    dmlAllowed,
  };
}

/** Valid values for the User locale picklists (a representative subset of the platform's lists). */
export const EMAIL_ENCODINGS = [
  'UTF-8',
  'ISO-8859-1',
  'Shift_JIS',
  'ISO-2022-JP',
  'EUC-JP',
  'ks_c_5601-1987',
  'Big5',
  'GB2312',
  'Big5-HKSCS',
  'x-SJIS_0213',
];
export const LANGUAGES = [
  'en_US',
  'en_GB',
  'de',
  'es',
  'es_MX',
  'fr',
  'it',
  'ja',
  'ko',
  'nl_NL',
  'pt_BR',
  'ru',
  'sv',
  'th',
  'zh_CN',
  'zh_TW',
  'da',
  'fi',
  'no',
  'pl',
  'cs',
  'hu',
  'tr',
  'in',
  'iw',
  'ar',
];
export const TIME_ZONES = [
  ...new Set([
    'GMT',
    'Europe/London',
    'America/Los_Angeles',
    'America/New_York',
    ...Intl.supportedValuesOf('timeZone'),
  ]),
];
/** LocaleSidKey: language_COUNTRY (optionally with a variant), e.g. en_US, de_DE_EURO. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2}(_[A-Za-z0-9]+)?)?$/;

const upd = (...ops: DmlOperation[]): ReadonlySet<DmlOperation> => new Set(ops);

export function standardObjects(): StandardObjectSpec[] {
  const text = (n: string, length: number, o: FieldOptions = {}) => field(n, 'string', { length, ...o });
  const phone = (n: string) => field(n, 'phone', { length: 40 });
  return [
    obj(
      'User',
      '005',
      true,
      [
        text('Username', 80, { required: true, unique: true }),
        text('LastName', 80, { required: true }),
        text('FirstName', 40),
        text('MiddleName', 40),
        text('Suffix', 40),
        text('Name', 121, { readonly: true, label: 'Full Name' }),
        field('Email', 'email', { length: 128, required: true }),
        text('Alias', 8, { required: true }),
        text('CommunityNickname', 40, { unique: true, label: 'Nickname' }),
        field('TimeZoneSidKey', 'picklist', {
          length: 40,
          required: true,
          label: 'Time Zone',
          picklist: TIME_ZONES,
          restricted: true,
        }),
        field('LocaleSidKey', 'picklist', { length: 40, required: true, label: 'Locale' }),
        field('EmailEncodingKey', 'picklist', {
          length: 40,
          required: true,
          label: 'Email Encoding',
          picklist: EMAIL_ENCODINGS,
          restricted: true,
        }),
        field('LanguageLocaleKey', 'picklist', {
          length: 40,
          required: true,
          label: 'Language',
          picklist: LANGUAGES,
          restricted: true,
        }),
        field('ProfileId', 'reference', { required: true, ref: ['Profile'] }),
        field('UserRoleId', 'reference', { ref: ['UserRole'] }),
        field('ContactId', 'reference', { ref: ['Contact'], createOnly: true }),
        field('AccountId', 'reference', { ref: ['Account'], readonly: true }),
        field('ManagerId', 'reference', { ref: ['User'] }),
        field('IsActive', 'boolean', { defaultValue: true, label: 'Active' }),
        field('IsPortalEnabled', 'boolean', { readonly: true }),
        field('UserType', 'picklist', {
          readonly: true,
          picklist: [
            'Standard',
            'PowerPartner',
            'PowerCustomerSuccess',
            'CustomerSuccess',
            'CspLitePortal',
            'CsnOnly',
            'Guest',
          ],
        }),
        field('ForecastEnabled', 'boolean', { defaultValue: false }),
        text('FederationIdentifier', 512, { label: 'SAML Federation ID' }),
        text('Title', 80),
        text('Department', 80),
        text('Division', 80),
        text('CompanyName', 80),
        text('EmployeeNumber', 20),
        phone('Phone'),
        phone('MobilePhone'),
        phone('Fax'),
        text('Extension', 40),
        field('Street', 'textarea', { length: 255 }),
        text('City', 40),
        text('State', 80, { label: 'State/Province' }),
        text('PostalCode', 20, { label: 'Zip/Postal Code' }),
        text('Country', 80),
        field('LastLoginDate', 'datetime', { readonly: true }),
      ],
      upd('insert', 'update', 'upsert'),
    ),
    obj(
      'Profile',
      '00e',
      true,
      [
        text('Name', 255, { required: true }),
        field('UserLicenseId', 'reference', { ref: ['UserLicense'] }),
        field('UserType', 'picklist', { readonly: true }),
        text('Description', 255),
      ],
      NO_DML,
    ),
    obj(
      'UserLicense',
      '100',
      true,
      [
        text('Name', 40, { readonly: true }),
        text('MasterLabel', 40, { readonly: true }),
        text('LicenseDefinitionKey', 40, { readonly: true }),
        field('TotalLicenses', 'int', { readonly: true }),
        field('UsedLicenses', 'int', { readonly: true }),
        text('Status', 40, { readonly: true }),
      ],
      NO_DML,
    ),
    obj('PermissionSet', '0PS', true, [
      text('Name', 80, { required: true, unique: true, label: 'API Name' }),
      text('Label', 80, { required: true }),
      text('Description', 255),
      field('IsOwnedByProfile', 'boolean', { readonly: true }),
      field('ProfileId', 'reference', { ref: ['Profile'], readonly: true }),
      field('LicenseId', 'reference', { ref: ['UserLicense', 'PermissionSetLicense'], rel: 'License' }),
      text('NamespacePrefix', 15, { readonly: true }),
    ]),
    obj(
      'PermissionSetAssignment',
      '0Pa',
      true,
      [
        field('AssigneeId', 'reference', { required: true, createOnly: true, ref: ['User'] }),
        field('PermissionSetId', 'reference', { required: true, createOnly: true, ref: ['PermissionSet'] }),
        field('PermissionSetGroupId', 'reference', { createOnly: true, ref: ['PermissionSetGroup'] }),
        field('IsActive', 'boolean', { readonly: true, defaultValue: true }),
      ],
      upd('insert', 'delete', 'upsert'),
    ),
    obj(
      'PermissionSetLicense',
      '0PL',
      true,
      [
        text('MasterLabel', 80, { readonly: true }),
        text('DeveloperName', 80, { readonly: true }),
        field('TotalLicenses', 'int', { readonly: true }),
        field('UsedLicenses', 'int', { readonly: true }),
        text('Status', 40, { readonly: true }),
      ],
      NO_DML,
    ),
    obj(
      'UserLogin',
      '060',
      true,
      [
        field('UserId', 'reference', { ref: ['User'], readonly: true }),
        field('IsFrozen', 'boolean', { defaultValue: false }),
        field('IsPasswordLocked', 'boolean', { defaultValue: false }),
      ],
      upd('update'),
    ),
    obj('UserRole', '00E', true, [
      text('Name', 80, { required: true }),
      text('DeveloperName', 80),
      field('ParentRoleId', 'reference', { ref: ['UserRole'] }),
      field('PortalType', 'picklist', { picklist: ['None', 'CustomerPortal', 'Partner'], defaultValue: 'None' }),
      text('RollupDescription', 80),
    ]),
    obj('Account', '001', false, [
      text('Name', 255, { required: true }),
      field('OwnerId', 'reference', { ref: ['User'] }),
      text('AccountNumber', 40),
      phone('Phone'),
      field('Website', 'url', { length: 255 }),
      field('Type', 'picklist', {
        picklist: [
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Channel Partner / Reseller',
          'Installation Partner',
          'Technology Partner',
          'Other',
        ],
      }),
      field('IsPartner', 'boolean', { defaultValue: false }),
      field('IsCustomerPortal', 'boolean', { readonly: true }),
    ]),
    obj('Contact', '003', false, [
      text('LastName', 80, { required: true }),
      text('FirstName', 40),
      text('Name', 121, { readonly: true, label: 'Full Name' }),
      field('Email', 'email', { length: 80 }),
      field('AccountId', 'reference', { ref: ['Account'] }),
      field('OwnerId', 'reference', { ref: ['User'] }),
      text('Title', 128),
      text('Department', 80),
      phone('Phone'),
      phone('MobilePhone'),
      text('MailingCity', 40),
      text('MailingCountry', 80),
    ]),
    obj('Group', '00G', true, [
      text('Name', 40, { required: true }),
      text('DeveloperName', 80),
      field('Type', 'picklist', {
        picklist: ['Regular', 'Queue', 'Role', 'RoleAndSubordinates', 'Organization'],
        defaultValue: 'Regular',
        createOnly: true,
      }),
      field('RelatedId', 'reference', { ref: ['UserRole', 'User'], readonly: true, rel: 'Related' }),
      field('DoesIncludeBosses', 'boolean', { defaultValue: true }),
    ]),
    obj(
      'GroupMember',
      '011',
      true,
      [
        field('GroupId', 'reference', { required: true, createOnly: true, ref: ['Group'] }),
        field('UserOrGroupId', 'reference', {
          required: true,
          createOnly: true,
          ref: ['User', 'Group'],
          rel: 'UserOrGroup',
        }),
      ],
      upd('insert', 'delete'),
    ),
    obj(
      'Organization',
      '00D',
      true,
      [
        text('Name', 80, { readonly: true }),
        field('IsSandbox', 'boolean', { readonly: true }),
        text('InstanceName', 5, { readonly: true }),
        text('OrganizationType', 40, { readonly: true }),
        text('NamespacePrefix', 15, { readonly: true }),
        text('TimeZoneSidKey', 40, { readonly: true }),
        text('LanguageLocaleKey', 40, { readonly: true }),
        text('DefaultLocaleSidKey', 40, { readonly: true }),
        field('TrialExpirationDate', 'datetime', { readonly: true }),
      ],
      NO_DML,
    ),
    obj(
      'ApexClass',
      '01p',
      true,
      [
        text('Name', 255, { readonly: true }),
        text('NamespacePrefix', 15, { readonly: true }),
        text('Status', 40, { readonly: true }),
      ],
      NO_DML,
    ),
    obj(
      'CronJobDetail',
      '08a',
      true,
      [text('Name', 255, { readonly: true }), field('JobType', 'picklist', { readonly: true })],
      NO_DML,
    ),
    obj(
      'CronTrigger',
      '08e',
      true,
      [
        field('CronJobDetailId', 'reference', { ref: ['CronJobDetail'], readonly: true }),
        text('CronExpression', 255, { readonly: true }),
        text('State', 40, { readonly: true }),
        field('NextFireTime', 'datetime', { readonly: true }),
        field('PreviousFireTime', 'datetime', { readonly: true }),
        field('StartTime', 'datetime', { readonly: true }),
        field('EndTime', 'datetime', { readonly: true }),
        field('TimesTriggered', 'int', { readonly: true }),
        text('TimeZoneSidKey', 40, { readonly: true }),
        field('OwnerId', 'reference', { ref: ['User'], readonly: true }),
      ],
      NO_DML,
    ),
    obj(
      'AsyncApexJob',
      '707',
      true,
      [
        field('ApexClassId', 'reference', { ref: ['ApexClass'], readonly: true }),
        field('JobType', 'picklist', {
          readonly: true,
          picklist: ['Queueable', 'ScheduledApex', 'BatchApex', 'Future', 'BatchApexWorker', 'ApexToken'],
        }),
        field('Status', 'picklist', {
          readonly: true,
          picklist: ['Holding', 'Queued', 'Preparing', 'Processing', 'Aborted', 'Completed', 'Failed'],
        }),
        text('ExtendedStatus', 255, { readonly: true }),
        field('NumberOfErrors', 'int', { readonly: true }),
        field('JobItemsProcessed', 'int', { readonly: true }),
        field('TotalJobItems', 'int', { readonly: true }),
        text('MethodName', 255, { readonly: true }),
        field('CompletedDate', 'datetime', { readonly: true }),
        field('ParentJobId', 'reference', { ref: ['AsyncApexJob'], readonly: true }),
        field('CronTriggerId', 'reference', { ref: ['CronTrigger'], readonly: true }),
      ],
      NO_DML,
    ),
    ...credentialObjects(text),
    notificationTypeObject(text),
  ];
}

/**
 * One read-only row per `notificationtypes/*.notiftype-meta.xml` file (seeded by setupData.ts), so Apex can look up
 * the type's Id for `Messaging.CustomNotification.setNotificationTypeId`. Fields from the Object Reference
 * ("CustomNotificationType", API 47.0+): CustomNotifTypeName "Name" string(80) unique, Description textarea(255),
 * Desktop / Mobile / IsSlack booleans, DeveloperName "Name" string(80), MasterLabel "Label" string(80), Language,
 * NamespacePrefix string(15). The key prefix 0ML and the refusal of DML from Apex are assumed (see DIVERGENCES.md).
 */
function notificationTypeObject(
  text: (n: string, length: number, o?: FieldOptions) => FieldDescribe,
): StandardObjectSpec {
  return obj(
    'CustomNotificationType',
    '0ML',
    true,
    [
      text('CustomNotifTypeName', 80, { readonly: true, unique: true, label: 'Name' }),
      field('Description', 'textarea', { readonly: true, length: 255 }),
      field('Desktop', 'boolean', { readonly: true }),
      field('Mobile', 'boolean', { readonly: true }),
      field('IsSlack', 'boolean', { readonly: true, label: 'Slack' }),
      text('DeveloperName', 80, { readonly: true, label: 'Name' }),
      text('MasterLabel', 80, { readonly: true, label: 'Label' }),
      field('Language', 'picklist', { readonly: true, length: 40, label: 'Master Language', picklist: LANGUAGES }),
      text('NamespacePrefix', 15, { readonly: true }),
    ],
    NO_DML,
    'Custom Notification Type',
  );
}

/**
 * Setup metadata the admin screens read: one row per `namedCredentials/*.namedCredential-meta.xml` and
 * `externalCredentials/*.externalCredential-meta.xml` file (seeded by setupData.ts). Fields from the Object
 * Reference ("NamedCredential": DeveloperName "Name" string(80), MasterLabel "Label" string(80), Endpoint "URL"
 * textarea(1000), PrincipalType "Identity Type" picklist, CalloutOptions* booleans, Description string(255);
 * supported calls describeSObjects(), query(), retrieve() — no DML from Apex) and the ExternalCredential object
 * (API 56.0+, AuthenticationProtocol restricted picklist). Key prefix 0XA is NamedCredential's; ExternalCredential's
 * 0pt is assumed (see DIVERGENCES.md).
 */
function credentialObjects(text: (n: string, length: number, o?: FieldOptions) => FieldDescribe): StandardObjectSpec[] {
  const metadataNames = () => [
    text('DeveloperName', 80, { readonly: true, label: 'Name' }),
    text('MasterLabel', 80, { readonly: true, label: 'Label' }),
    field('Language', 'picklist', { readonly: true, length: 40, label: 'Master Language', picklist: LANGUAGES }),
    text('NamespacePrefix', 15, { readonly: true }),
    text('Description', 255, { readonly: true }),
  ];
  return [
    obj(
      'NamedCredential',
      '0XA',
      true,
      [
        ...metadataNames(),
        field('Endpoint', 'textarea', { readonly: true, length: 1000, label: 'URL' }),
        field('PrincipalType', 'picklist', {
          readonly: true,
          length: 255,
          label: 'Identity Type',
          picklist: ['Anonymous', 'PerUser', 'NamedUser'],
        }),
        field('CalloutOptionsAllowMergeFieldsInBody', 'boolean', { readonly: true, label: 'AllowMergeFieldsInBody' }),
        field('CalloutOptionsAllowMergeFieldsInHeader', 'boolean', {
          readonly: true,
          label: 'AllowMergeFieldsInHeader',
        }),
        field('CalloutOptionsGenerateAuthorizationHeader', 'boolean', {
          readonly: true,
          label: 'GenerateAuthorizationHeader',
        }),
      ],
      NO_DML,
      'Named Credential',
    ),
    obj(
      'ExternalCredential',
      '0pt',
      true,
      [
        ...metadataNames(),
        field('AuthenticationProtocol', 'picklist', {
          readonly: true,
          length: 40,
          label: 'Authentication Protocol',
          picklist: ['AwsSv4', 'Basic', 'Custom', 'Jwt', 'JwtExchange', 'NoAuthentication', 'Oauth', 'Password'],
        }),
      ],
      NO_DML,
      'External Credential',
    ),
  ];
}
