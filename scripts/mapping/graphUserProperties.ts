/**
 * Microsoft Graph v1.0 `user` resource properties (learn.microsoft.com/graph/api/resources/user), and the subset the
 * sync reads into EntraSyncGraphUser.cls. A mapping may only read the synced subset: the Apex mapper reports any
 * other attribute as ENTRASYNC_UNKNOWN_ATTRIBUTE. graphUserProperties.test.ts keeps SYNCED_GRAPH_USER_PROPERTIES equal
 * to EntraSyncGraphUser.KNOWN_ATTRIBUTES.
 */

/** Properties the sync selects and the Apex DTO carries. */
export const SYNCED_GRAPH_USER_PROPERTIES = [
  'id',
  'userPrincipalName',
  'mail',
  'accountEnabled',
  'givenName',
  'surname',
  'displayName',
  'mailNickname',
  'jobTitle',
  'department',
  'companyName',
  'employeeId',
  'employeeType',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
  'faxNumber',
  'streetAddress',
  'city',
  'state',
  'postalCode',
  'country',
  'usageLocation',
  'preferredLanguage',
  'userType',
  'onPremisesSamAccountName',
  'onPremisesImmutableId',
  'onPremisesExtensionAttributes',
  'employeeHireDate',
  'employeeLeaveDateTime',
] as const;

export type SyncedGraphUserProperty = (typeof SYNCED_GRAPH_USER_PROPERTIES)[number];

/** Other v1.0 user properties: they exist in Graph but the sync does not read them (yet). */
export const OTHER_GRAPH_USER_PROPERTIES = [
  'aboutMe',
  'ageGroup',
  'assignedLicenses',
  'assignedPlans',
  'birthday',
  'consentProvidedForMinor',
  'createdDateTime',
  'creationType',
  'deletedDateTime',
  'employeeOrgData',
  'externalUserState',
  'externalUserStateChangeDateTime',
  'hireDate',
  'identities',
  'imAddresses',
  'interests',
  'isResourceAccount',
  'lastPasswordChangeDateTime',
  'legalAgeGroupClassification',
  'licenseAssignmentStates',
  'mySite',
  'onPremisesDistinguishedName',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'onPremisesUserPrincipalName',
  'otherMails',
  'passwordPolicies',
  'pastProjects',
  'preferredDataLocation',
  'preferredName',
  'provisionedPlans',
  'proxyAddresses',
  'responsibilities',
  'schools',
  'securityIdentifier',
  'showInAddressList',
  'signInSessionsValidFromDateTime',
  'skills',
] as const;

/** The properties of Graph's `onPremisesExtensionAttributes` complex type. */
export const EXTENSION_ATTRIBUTE_NAMES = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);

const EXTENSION_BAG = 'onPremisesExtensionAttributes';
const SYNCED = new Set<string>(SYNCED_GRAPH_USER_PROPERTIES);
const OTHER = new Set<string>(OTHER_GRAPH_USER_PROPERTIES);

/** Why an attribute path cannot be used in a mapping, or null when it can (mirrors EntraSyncGraphUser.isKnownAttributePath). */
export function attributePathProblem(path: string): string | null {
  const segments = path.split('.');
  const [head, child] = segments;
  if (segments.length === 1) {
    if (head === EXTENSION_BAG)
      return `'${path}' is an object; name one of its properties, e.g. ${EXTENSION_BAG}.extensionAttribute1`;
    if (SYNCED.has(head)) return null;
    if (OTHER.has(head)) return `'${path}' is a Graph user property the sync does not read`;
    return `'${path}' is not a Microsoft Graph user property`;
  }
  if (
    segments.length === 2 &&
    head === EXTENSION_BAG &&
    child !== undefined &&
    EXTENSION_ATTRIBUTE_NAMES.includes(child)
  ) {
    return null;
  }
  return `'${path}' is not a Microsoft Graph user property path`;
}
