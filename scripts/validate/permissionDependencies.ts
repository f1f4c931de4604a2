/**
 * User permissions that need other user permissions enabled in the same permission set: a deploy rejects a
 * permission set that enables one without the other ("Permission X depends on permission(s): Y").
 *
 * The authoritative list lives in each org as the Tooling API object PermissionDependency ("Represents permission
 * dependencies for a specified permission", Tooling API Developer Guide, "PermissionDependency",
 * https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm).
 * Rows are keyed by Metadata API name (the `<name>` of `<userPermissions>`, Metadata API Developer Guide,
 * "PermissionSet"); refresh them from a real org with
 * `sf data query --use-tooling-api -q "SELECT Permission, RequiredPermission FROM PermissionDependency WHERE PermissionType = 'User Permission'"`
 * when a new permission is enabled. Only permissions the package enables (and what they pull in) need rows.
 */

export interface PermissionDependency {
  /** Metadata API name of the dependent user permission */
  permission: string;
  /** Metadata API names it requires (direct dependencies; the check follows them transitively) */
  requires: readonly string[];
  /** the documentation page the row relies on */
  source: string;
}

const HELP_USER_PERMISSIONS =
  'Salesforce Help, "User Permissions" (https://help.salesforce.com/s/articleView?id=sf.admin_userperms.htm)';
const TOOLING_DEPENDENCY =
  'Tooling API, "PermissionDependency" (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm)';
/**
 * What enabling Manage Users turns on with it, as observed in Setup and reported independently of this project
 * (Salesforce Stack Exchange 413777, "Minimum permissions for a Salesforce Integration license user to create users":
 * Reset User Passwords and Unlock Users, View All Users, Manage Profiles and Permission Sets, Assign Permission Sets,
 * Manage Roles, Manage IP Addresses, Manage Sharing, View Setup and Configuration, View Roles and Role Hierarchy,
 * Manage Internal Users, Manage Password Policies, Manage Login Access Policies). A real org's PermissionDependency
 * rows are the authority: refresh this table from them with the query above before each release.
 */
const MANAGE_USERS_SOURCES = `${HELP_USER_PERMISSIONS}; ${TOOLING_DEPENDENCY}; Salesforce Stack Exchange (https://salesforce.stackexchange.com/questions/413777)`;

export const USER_PERMISSION_DEPENDENCIES: readonly PermissionDependency[] = [
  {
    permission: 'ManageUsers',
    requires: [
      'ManageInternalUsers',
      'ManageIpAddresses',
      'ManageLoginAccessPolicies',
      'ManagePasswordPolicies',
      'ManageProfilesPermissionsets',
      'ManageRoles',
      'ManageSharing',
      'ResetPasswords',
      'ViewAllUsers',
      'ViewSetup',
      'AssignPermissionSets',
      'MonitorLoginHistory',
      'ViewRoles',
      'ViewAllProfiles',
    ],
    source: MANAGE_USERS_SOURCES,
  },
  { permission: 'ManageInternalUsers', requires: ['ViewAllUsers', 'ViewSetup'], source: TOOLING_DEPENDENCY },
  {
    permission: 'ManageProfilesPermissionsets',
    requires: ['ViewSetup', 'ViewAllProfiles'],
    source: TOOLING_DEPENDENCY,
  },
  { permission: 'ManageRoles', requires: ['ViewRoles', 'ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ManageSharing', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ManageIpAddresses', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ManageLoginAccessPolicies', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ManagePasswordPolicies', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ResetPasswords', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'MonitorLoginHistory', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'AssignPermissionSets', requires: ['ViewSetup'], source: HELP_USER_PERMISSIONS },
  { permission: 'ViewAllUsers', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ViewRoles', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ViewAllProfiles', requires: ['ViewSetup'], source: TOOLING_DEPENDENCY },
  { permission: 'ManageExternalUsers', requires: ['ViewSetup'], source: HELP_USER_PERMISSIONS },
];

/** Every permission `permission` needs, transitively (without itself), as written in the table. */
export function requiredPermissions(
  permission: string,
  table: readonly PermissionDependency[] = USER_PERMISSION_DEPENDENCIES,
): string[] {
  const byName = new Map(table.map((row) => [row.permission.toLowerCase(), row]));
  const seen = new Map<string, string>();
  const pending = [...(byName.get(permission.toLowerCase())?.requires ?? [])];
  while (pending.length > 0) {
    const next = pending.shift() ?? '';
    const lower = next.toLowerCase();
    if (seen.has(lower) || lower === permission.toLowerCase()) continue;
    seen.set(lower, next);
    pending.push(...(byName.get(lower)?.requires ?? []));
  }
  return [...seen.values()];
}
