/**
 * The application permissions granted to the sync's app registration, and what the simulator refuses without them.
 *
 * - Reading users (`users/delta`, `/users`, `/users/{id}`) needs User.Read.All (least privileged; User.ReadWrite.All,
 *   Directory.Read.All and Directory.ReadWrite.All are higher): user: delta (https://learn.microsoft.com/graph/api/user-delta),
 *   List users (https://learn.microsoft.com/graph/api/user-list), Get user (https://learn.microsoft.com/graph/api/user-get).
 * - `groups/delta` and `/groups` need GroupMember.Read.All (least privileged; Group.Read.All, Directory.Read.All
 *   higher): group: delta (https://learn.microsoft.com/graph/api/group-delta); a user's `transitiveMemberOf` takes
 *   User.Read.All or GroupMember.Read.All (https://learn.microsoft.com/graph/api/user-list-transitivememberof).
 * - `employeeLeaveDateTime`: "To read this property, the calling app must be assigned the
 *   User-LifeCycleInfo.Read.All permission" (user resource, https://learn.microsoft.com/graph/api/resources/user);
 *   User-LifeCycleInfo.ReadWrite.All includes reading. `employeeHireDate` needs nothing beyond reading users
 *   ("Returned only on $select").
 *
 * Without them Graph answers 403 `Authorization_RequestDenied`, "Insufficient privileges to complete the operation."
 * (Microsoft Graph error responses, https://learn.microsoft.com/graph/errors). For `employeeLeaveDateTime` the docs do
 * not say what Graph answers when the permission is missing (an error, or the property left out or null): the
 * simulator models the fail-closed reading — a request whose `$select` names it is refused as a whole — so a client
 * that would silently read "no leave date" is caught by the tests. See graph/README.md.
 */
import { graphError } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';

export const USER_READ = 'User.Read.All';
export const GROUP_MEMBER_READ = 'GroupMember.Read.All';
export const LIFECYCLE_READ = 'User-LifeCycleInfo.Read.All';

/** Granted when a tenant fixture names none: the sync's documented permissions plus the lifecycle one. */
export const DEFAULT_APP_PERMISSIONS: readonly string[] = [USER_READ, GROUP_MEMBER_READ, LIFECYCLE_READ];

/** The application permissions a fixture or scenario may grant (names as Microsoft Graph permissions reference spells them). */
export const KNOWN_APP_PERMISSIONS: readonly string[] = [
  USER_READ,
  'User.ReadWrite.All',
  GROUP_MEMBER_READ,
  'Group.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  LIFECYCLE_READ,
  'User-LifeCycleInfo.ReadWrite.All',
  'Organization.Read.All',
];

/** User properties that need a permission beyond reading users. */
const PROPERTY_PERMISSIONS: Record<string, readonly string[]> = {
  employeeleavedatetime: [LIFECYCLE_READ, 'User-LifeCycleInfo.ReadWrite.All'],
};

const USER_READERS = [USER_READ, 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const GROUP_READERS = [GROUP_MEMBER_READ, 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/** What each Graph route of the simulator needs: any one of the listed permissions. */
const ROUTE_PERMISSIONS: Record<string, readonly string[]> = {
  usersDelta: USER_READERS,
  users: USER_READERS,
  user: USER_READERS,
  userGroups: [...USER_READERS, ...GROUP_READERS],
  groupsDelta: GROUP_READERS,
  groups: GROUP_READERS,
};

export function insufficientPrivileges(): GraphResponse {
  return {
    status: 403,
    body: graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  };
}

/** 403 when the app may not call the route at all; undefined otherwise (routes without a rule are open). */
export function checkRoute(route: string, granted: ReadonlySet<string>): GraphResponse | undefined {
  const needed = ROUTE_PERMISSIONS[route];
  if (!needed || needed.some((p) => granted.has(p))) return undefined;
  return insufficientPrivileges();
}

/** 403 when a selected user property needs a permission the app lacks (fail closed: the whole request is refused). */
export function checkSelectedProperties(
  select: readonly string[] | null,
  granted: ReadonlySet<string>,
): GraphResponse | undefined {
  for (const property of select ?? []) {
    const needed = PROPERTY_PERMISSIONS[property.toLowerCase()];
    if (needed && !needed.some((p) => granted.has(p))) return insufficientPrivileges();
  }
  return undefined;
}

export class AppPermissionError extends Error {
  readonly code = 'LOCAL_GRAPH_PERMISSIONS_INVALID';
  constructor(detail: string) {
    super(`LOCAL_GRAPH_PERMISSIONS_INVALID: ${detail}`);
  }
}

/** Checks a list of permission names; returns the detail of the first problem, or undefined. */
export function permissionListProblem(value: unknown): { index?: number; detail: string } | undefined {
  if (!Array.isArray(value)) return { detail: 'expected an array of application permission names' };
  for (const [index, name] of value.entries())
    if (typeof name !== 'string' || !KNOWN_APP_PERMISSIONS.includes(name))
      return {
        index,
        detail: `unknown application permission '${String(name)}' (one of ${KNOWN_APP_PERMISSIONS.join(', ')})`,
      };
  return undefined;
}

/** The granted permissions of the simulated app: from the fixture, changeable through the control API. */
export class AppPermissions {
  private granted: Set<string>;

  constructor(initial: readonly string[] = DEFAULT_APP_PERMISSIONS) {
    this.granted = new Set(initial);
  }

  get current(): ReadonlySet<string> {
    return this.granted;
  }

  list(): string[] {
    return [...this.granted];
  }

  replace(permissions: unknown): void {
    const problem = permissionListProblem(permissions);
    if (problem)
      throw new AppPermissionError(
        problem.index === undefined ? problem.detail : `[${problem.index}]: ${problem.detail}`,
      );
    this.granted = new Set(permissions as string[]);
  }
}
