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

/** Projects a user to the selected properties plus `id`; a selected property the user lacks comes back as null, as Graph does. */
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
