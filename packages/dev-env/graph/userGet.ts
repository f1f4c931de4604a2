/**
 * One user, for "sync one user now" (provision on demand):
 *
 * - `GET /v1.0/users/{id | userPrincipalName}?$select=…` — Get user (https://learn.microsoft.com/graph/api/user-get):
 *   the user addressed by object id or UPN; `$select` as on List users (a selected property the user lacks comes back
 *   as null). An unknown (or soft-deleted: it lives in directory/deletedItems) user answers 404
 *   `Request_ResourceNotFound`, "Resource '{key}' does not exist or one of its queried reference-property objects
 *   are not present." (Microsoft Graph error responses, https://learn.microsoft.com/graph/errors).
 * - `GET /v1.0/users?$filter=mail eq '…'` — List users with `$filter` on `mail` (equality, case-insensitive:
 *   List users, "Get a user account using a sign-in name"/`$filter` examples; Use the $filter query parameter,
 *   https://learn.microsoft.com/graph/filter-query-parameter). Only `mail eq` and `userPrincipalName eq` are served.
 * - `GET /v1.0/users/{id | userPrincipalName}/transitiveMemberOf/microsoft.graph.group?$select=id` — List a user's
 *   memberships, direct and transitive (https://learn.microsoft.com/graph/api/user-list-transitivememberof): the
 *   OData cast keeps groups only; application permission User.Read.All is the least privileged (GroupMember.Read.All
 *   also allows it); default and maximum page size 100 and 999 — a tenant's user is in far fewer groups here, so the
 *   simulator answers one page.
 *
 * A `$select` naming `employeeLeaveDateTime` answers 403 `Authorization_RequestDenied` while the app lacks
 * User-LifeCycleInfo.Read.All (appPermissions.ts), on `/users/{id}` and on the `$filter` listing alike.
 */
import { checkSelectedProperties } from './appPermissions.ts';
import { graphError, parseSelect, projectUser } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import type { Directory } from './directory.ts';
import type { GraphUser } from './tenantFixture.ts';

/** The Graph path of one user, or of their transitive group memberships (cast to groups). */
export const USER_PATH = /^\/v1\.0\/users\/([^/]+)$/;
export const USER_GROUPS_PATH = /^\/v1\.0\/users\/([^/]+)\/transitiveMemberOf\/microsoft\.graph\.group$/;

function findUser(directory: Directory, key: string): GraphUser | undefined {
  const wanted = decodeURIComponent(key).toLowerCase();
  return directory
    .activeUsers()
    .find((u) => u.id.toLowerCase() === wanted || String(u.userPrincipalName ?? '').toLowerCase() === wanted);
}

function notFound(key: string): GraphResponse {
  return {
    status: 404,
    body: graphError(
      'Request_ResourceNotFound',
      `Resource '${decodeURIComponent(key)}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  };
}

export function userGet(
  directory: Directory,
  publicBaseUrl: string,
  key: string,
  params: URLSearchParams,
  permissions: ReadonlySet<string>,
): GraphResponse {
  const select = parseSelect(params.get('$select'));
  const denied = checkSelectedProperties(select, permissions);
  if (denied) return denied;
  const user = findUser(directory, key);
  if (!user) return notFound(key);
  return {
    status: 200,
    body: {
      '@odata.context': `${publicBaseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}/$entity`,
      ...projectUser(user, select),
    },
  };
}

const EQUALITY_FILTER = /^\s*(mail|userPrincipalName)\s+eq\s+'((?:[^']|'')*)'\s*$/i;

/** `GET /v1.0/users?$filter=mail eq '…'` (or userPrincipalName): every active user whose value matches. */
export function usersFiltered(
  directory: Directory,
  publicBaseUrl: string,
  params: URLSearchParams,
  permissions: ReadonlySet<string>,
): GraphResponse {
  const denied = checkSelectedProperties(parseSelect(params.get('$select')), permissions);
  if (denied) return denied;
  const match = EQUALITY_FILTER.exec(params.get('$filter') ?? '');
  if (!match)
    return {
      status: 400,
      body: graphError('Request_UnsupportedQuery', `Unsupported query: ${params.get('$filter') ?? ''}`),
    };
  const property = match[1].toLowerCase() === 'mail' ? 'mail' : 'userPrincipalName';
  const value = match[2].replace(/''/g, "'").toLowerCase();
  const select = parseSelect(params.get('$select'));
  const users = directory.activeUsers().filter((u) => String(u[property] ?? '').toLowerCase() === value);
  return {
    status: 200,
    body: {
      '@odata.context': `${publicBaseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}`,
      value: users.map((u) => projectUser(u, select)),
    },
  };
}

/** The groups a user is in, directly or through nested groups (active groups only), as `{ id }` (or `$select`ed). */
export function userTransitiveGroups(directory: Directory, key: string, params: URLSearchParams): GraphResponse {
  const user = findUser(directory, key);
  if (!user) return notFound(key);
  const groups = directory.allGroups().filter((g) => g.state === 'active');
  const found = new Set<string>();
  let frontier = new Set<string>([user.id]);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const group of groups) {
      if (found.has(group.id)) continue;
      for (const memberId of frontier) {
        if (group.members.get(memberId)?.member) {
          found.add(group.id);
          next.add(group.id);
          break;
        }
      }
    }
    frontier = next;
  }
  const select = parseSelect(params.get('$select'));
  const value = groups
    .filter((g) => found.has(g.id))
    .map((g) => {
      const full: Record<string, unknown> = {
        '@odata.type': '#microsoft.graph.group',
        id: g.id,
        displayName: g.displayName,
      };
      if (!select) return full;
      return Object.fromEntries([['id', g.id], ...select.filter((p) => p !== 'id').map((p) => [p, full[p] ?? null])]);
    });
  return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups', value } };
}
