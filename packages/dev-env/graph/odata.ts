/**
 * OData bits of Graph the simulator needs: `$select` projection and Graph's error body.
 *
 * Error shape per https://learn.microsoft.com/graph/errors: `{ "error": { "code", "message", "innerError": { "date",
 * "request-id", "client-request-id" } } }`.
 */
import { randomUUID } from 'node:crypto';
import type { GraphUser } from './tenantFixture.ts';

/** Properties Graph returns for a user when no `$select` is given (user resource "default properties"). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

export function parseSelect(value: string | null): string[] | null {
  if (value === null || value.trim() === '') return null;
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * `GET /v1.0/users`: projects a user to the selected properties plus `id`; a selected property the user lacks comes
 * back as null. List users (https://learn.microsoft.com/graph/api/user-list), example 1: "Conf Room Adams" is listed
 * with `"givenName": null, "surname": null, "jobTitle": null, …`.
 */
export function projectUser(user: GraphUser, select: string[] | null): Record<string, unknown> {
  const properties = select ?? DEFAULT_USER_PROPERTIES;
  const projected: Record<string, unknown> = {};
  for (const property of properties) {
    if (property === 'id') continue;
    projected[property] = property in user ? structuredClone(user[property]) : null;
  }
  projected.id = user.id;
  return projected;
}

/**
 * `users/delta`: projects a user to the selected properties plus `id`, leaving out properties never set.
 * user: delta (https://learn.microsoft.com/graph/api/user-delta), "Default: return the same properties as initial
 * delta request": "If the property has changed, the new value is included in the response. This includes properties
 * being set to null value. If the property has not changed, the old value is included in the response. If the
 * property has never been set before it will not be included in the response at all." Get incremental changes for
 * users (https://learn.microsoft.com/graph/delta-query-users), initial response: "Conf Room Adams" comes with only
 * `displayName` and `id` although `givenName,surname` were selected. (The same user on `GET /users` carries nulls.)
 * `cleared` names the properties an update set to null: those come back as null.
 */
export function projectDeltaUser(
  user: GraphUser,
  select: string[] | null,
  cleared: ReadonlySet<string>,
): Record<string, unknown> {
  const properties = select ?? DEFAULT_USER_PROPERTIES;
  const projected: Record<string, unknown> = {};
  for (const property of properties) {
    if (property === 'id') continue;
    const value = user[property];
    if (value === undefined || (value === null && !cleared.has(property))) continue;
    projected[property] = structuredClone(value);
  }
  projected.id = user.id;
  return projected;
}

export function graphError(code: string, message: string): string {
  const now = new Date().toISOString().slice(0, 19);
  const requestId = randomUUID();
  return JSON.stringify({
    error: { code, message, innerError: { date: now, 'request-id': requestId, 'client-request-id': requestId } },
  });
}

/** Group ids from `$filter=id eq 'a' or id eq 'b'` (the only filter groups/delta supports besides none). */
export function parseGroupIdFilter(filter: string | null): string[] | null | 'invalid' {
  if (filter === null || filter.trim() === '') return null;
  const parts = filter.split(/\s+or\s+/i);
  const ids: string[] = [];
  for (const part of parts) {
    const match = /^\s*id\s+eq\s+'([^']+)'\s*$/i.exec(part);
    if (!match) return 'invalid';
    ids.push(match[1]);
  }
  return ids;
}
