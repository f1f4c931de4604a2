/**
 * `GET /v1.0/users/delta` — https://learn.microsoft.com/graph/api/user-delta and
 * https://learn.microsoft.com/graph/delta-query-users:
 * - the first request's `$select` decides the tracked properties; it is carried inside the opaque tokens of every
 *   later `@odata.nextLink` / `@odata.deltaLink`, so later requests need not repeat it;
 * - pages of about 200 users; a page carries either `@odata.nextLink` (`$skiptoken`) or, at the end of a round,
 *   `@odata.deltaLink` (`$deltatoken`), never both;
 * - `$deltatoken=latest` answers an empty page whose deltaLink tracks changes "from now";
 * - a round from a delta token returns only users changed since it; removed users come as
 *   `{ id, "@removed": { reason: "changed" | "deleted" } }` (changed = soft-deleted, restorable; deleted = gone);
 * - an expired token answers 410 Gone with code `syncStateNotFound`
 *   (https://devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources/).
 */
import type { Directory } from './directory.ts';
import { graphError, parseSelect, projectUser } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import { decodeToken, encodeToken, type UserDeltaPageToken } from './tokens.ts';

export interface DeltaContext {
  directory: Directory;
  publicBaseUrl: string;
  pageSize: number;
  tokenGeneration: number;
  shouldReplayPage: () => boolean;
}

export function usersDelta(ctx: DeltaContext, params: URLSearchParams): GraphResponse {
  const deltaToken = params.get('$deltatoken');
  const skipToken = params.get('$skiptoken');
  let page: UserDeltaPageToken;

  if (deltaToken === 'latest') {
    const select = parseSelect(params.get('$select'));
    return {
      status: 200,
      paged: true,
      body: {
        '@odata.context': context(ctx, select),
        value: [],
        '@odata.deltaLink': deltaLink(ctx, {
          kind: 'userDeltaLink',
          from: ctx.directory.currentSeq,
          select,
          gen: ctx.tokenGeneration,
        }),
      },
    };
  } else if (deltaToken !== null) {
    const token = decodeToken(deltaToken, ['userDeltaLink']);
    if (!token) return badToken('$deltatoken');
    if (token.gen < ctx.tokenGeneration) return expired(ctx, token.select);
    page = {
      kind: 'userDeltaPage',
      from: token.from,
      to: ctx.directory.currentSeq,
      after: null,
      select: token.select,
      gen: token.gen,
    };
  } else if (skipToken !== null) {
    const token = decodeToken(skipToken, ['userDeltaPage']);
    if (!token) return badToken('$skiptoken');
    if (token.gen < ctx.tokenGeneration) return expired(ctx, token.select);
    page = token;
  } else {
    page = {
      kind: 'userDeltaPage',
      from: -1,
      to: ctx.directory.currentSeq,
      after: null,
      select: parseSelect(params.get('$select')),
      gen: ctx.tokenGeneration,
    };
  }
  return servePage(ctx, page);
}

function servePage(ctx: DeltaContext, page: UserDeltaPageToken): GraphResponse {
  const candidates =
    page.from < 0
      ? ctx.directory.activeUsers().map((user) => ({ id: user.id, item: projectUser(user, page.select) }))
      : ctx.directory.changedUsers(page.from, page.to).map(({ id, entry }) => ({
          id,
          item:
            entry.state === 'active'
              ? projectUser(entry.user, page.select)
              : { id, '@removed': { reason: entry.state === 'softDeleted' ? 'changed' : 'deleted' } },
        }));
  const remaining = page.after === null ? candidates : candidates.filter((c) => c.id > page.after!);
  const slice = remaining.slice(0, ctx.pageSize);
  const hasMore = remaining.length > slice.length;
  const replay = !page.replay && ctx.shouldReplayPage();

  const body: Record<string, unknown> = {
    '@odata.context': context(ctx, page.select),
    value: slice.map((c) => c.item),
  };
  if (hasMore) {
    const next: UserDeltaPageToken = replay
      ? { ...page, replay: true }
      : { ...page, after: slice[slice.length - 1].id, replay: undefined };
    body['@odata.nextLink'] = `${ctx.publicBaseUrl}/v1.0/users/delta?$skiptoken=${encodeToken(stripUndefined(next))}`;
  } else {
    const from = replay ? page.from : page.to;
    body['@odata.deltaLink'] = deltaLink(ctx, { kind: 'userDeltaLink', from, select: page.select, gen: page.gen });
  }
  return { status: 200, paged: true, body };
}

function deltaLink(
  ctx: DeltaContext,
  token: { kind: 'userDeltaLink'; from: number; select: string[] | null; gen: number },
): string {
  return `${ctx.publicBaseUrl}/v1.0/users/delta?$deltatoken=${encodeToken(token)}`;
}

function context(ctx: DeltaContext, select: string[] | null): string {
  return `${ctx.publicBaseUrl}/v1.0/$metadata#users${select ? `(${select.join(',')})` : ''}`;
}

function badToken(name: string): GraphResponse {
  return { status: 400, body: graphError('BadRequest', `The ${name} is not valid for this request.`) };
}

/** 410 Gone + syncStateNotFound; Location restarts tracking of the same resource with the same $select (a new full round). */
export function expired(
  ctx: DeltaContext,
  select: string[] | null,
  resource: 'users' | 'groups' = 'users',
): GraphResponse {
  const restart = `${ctx.publicBaseUrl}/v1.0/${resource}/delta${select ? `?$select=${select.join(',')}` : ''}`;
  return {
    status: 410,
    headers: { Location: restart },
    body: graphError(
      'syncStateNotFound',
      'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
    ),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
