/**
 * `GET /v1.0/users/delta` — user: delta (https://learn.microsoft.com/graph/api/user-delta) and Get incremental
 * changes for users (https://learn.microsoft.com/graph/delta-query-users):
 * - the first request's `$select` decides the tracked properties and is bound to every later `@odata.nextLink` /
 *   `@odata.deltaLink`: user: delta, "Query parameters": "If you use any query parameter (other than $deltatoken and
 *   $skiptoken), you must specify it in the initial delta request. Microsoft Graph automatically encodes any specified
 *   parameters into the token portion of the nextLink or deltaLink URL". A `$select` a client appends to a
 *   deltaLink / nextLink is ignored: the properties are those the token was created with. (Use delta query,
 *   https://learn.microsoft.com/graph/delta-query-overview, only announces that changing `$select` on an existing
 *   deltaLink "will be supported"; "Delta queries with both $select and $skipToken will not be supported".)
 * - properties never set are left out, even when selected; a property set to null comes back as null; later rounds
 *   return every selected property that has a value, changed or not (see `projectDeltaUser`, user: delta "Default:
 *   return the same properties as initial delta request"; `Prefer: return=minimal` is not modelled);
 * - pages of about 200 users (the sizes may vary: `variablePageSizes`); a page carries either `@odata.nextLink`
 *   (`$skiptoken`) or, at the end of a round, `@odata.deltaLink` (`$deltatoken`), never both;
 * - `$deltatoken=latest` answers an empty page whose deltaLink tracks changes "from now" (Use delta query, note on
 *   "sync from now");
 * - a round from a delta token returns only users changed since it; removed users come as
 *   `{ id, "@removed": { reason: "changed" | "deleted" } }` (delta-query-users: "When the user is deleted … "reason":
 *   "changed"", "permanently deleted … "reason": "deleted"");
 * - an expired or refused token answers a 4xx (410 `syncStateNotFound` by default; see faults.ts, deltaTokenRejected);
 * - a `$select` (the first request's, or the one bound to the token) naming `employeeLeaveDateTime` answers 403
 *   `Authorization_RequestDenied` while the app lacks User-LifeCycleInfo.Read.All (appPermissions.ts: the
 *   fail-closed reading of the user resource's "To read this property, the calling app must be assigned the
 *   User-LifeCycleInfo.Read.All permission"); `employeeHireDate` is served like any selectable property.
 */
import { checkSelectedProperties } from './appPermissions.ts';
import type { Directory } from './directory.ts';
import type { DeltaTokenRejection } from './faults.ts';
import { graphError, parseSelect, projectDeltaUser } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import { decodeToken, encodeToken, type UserDeltaPageToken } from './tokens.ts';

export interface DeltaContext {
  directory: Directory;
  publicBaseUrl: string;
  /** the size of the next delta page (the simulator's page size, or the variablePageSizes fault) */
  nextPageSize: () => number;
  /** the size of the next `/users` page: `$top`, or less under the variablePageSizes fault */
  nextListPageSize: (top: number) => number;
  tokenGeneration: number;
  /** how a token of an expired generation is answered (default 410 syncStateNotFound) */
  expiredAnswer: DeltaTokenRejection;
  shouldReplayPage: () => boolean;
  /** the deltaTokenRejected fault: called once per request presenting a valid, unexpired $deltatoken */
  rejectDeltaToken: () => DeltaTokenRejection | undefined;
  /** the expiredPageToken fault (GET /users $skiptoken) */
  expirePageToken: () => boolean;
  /** the application permissions granted to the app (appPermissions.ts) */
  permissions: ReadonlySet<string>;
}

export function usersDelta(ctx: DeltaContext, params: URLSearchParams): GraphResponse {
  const deltaToken = params.get('$deltatoken');
  const skipToken = params.get('$skiptoken');
  let page: UserDeltaPageToken;

  if (deltaToken === 'latest') {
    const select = parseSelect(params.get('$select'));
    const denied = checkSelectedProperties(select, ctx.permissions);
    if (denied) return denied;
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
    const denied = checkSelectedProperties(token.select, ctx.permissions);
    if (denied) return denied;
    if (token.gen < ctx.tokenGeneration) return tokenRefused(ctx, ctx.expiredAnswer, token.select);
    const rejection = ctx.rejectDeltaToken();
    if (rejection) return tokenRefused(ctx, rejection, token.select);
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
    const denied = checkSelectedProperties(token.select, ctx.permissions);
    if (denied) return denied;
    if (token.gen < ctx.tokenGeneration) return tokenRefused(ctx, ctx.expiredAnswer, token.select);
    page = token;
  } else {
    const select = parseSelect(params.get('$select'));
    const denied = checkSelectedProperties(select, ctx.permissions);
    if (denied) return denied;
    page = {
      kind: 'userDeltaPage',
      from: -1,
      to: ctx.directory.currentSeq,
      after: null,
      select,
      gen: ctx.tokenGeneration,
    };
  }
  return servePage(ctx, page);
}

function servePage(ctx: DeltaContext, page: UserDeltaPageToken): GraphResponse {
  const candidates =
    page.from < 0
      ? ctx.directory
          .activeUserEntries()
          .map((entry) => ({ id: entry.user.id, item: projectDeltaUser(entry.user, page.select, entry.cleared) }))
      : ctx.directory.changedUsers(page.from, page.to).map(({ id, entry }) => ({
          id,
          item:
            entry.state === 'active'
              ? projectDeltaUser(entry.user, page.select, entry.cleared)
              : { id, '@removed': { reason: entry.state === 'softDeleted' ? 'changed' : 'deleted' } },
        }));
  const remaining = page.after === null ? candidates : candidates.filter((c) => c.id > page.after!);
  const slice = remaining.slice(0, ctx.nextPageSize());
  const hasMore = remaining.length > slice.length;
  const replay = !page.replay && ctx.shouldReplayPage();

  const body: Record<string, unknown> = {
    '@odata.context': context(ctx, page.select),
    value: slice.map((c) => c.item),
  };
  const samePageAgain: UserDeltaPageToken = { ...page, replay: true };
  if (hasMore || (replay && page.from < 0)) {
    // a replayed page repeats itself; the closing page of a first round is repeated rather than restarting the
    // full listing (a replay repeats delivered changes, it never re-lists everything silently)
    const next: UserDeltaPageToken = replay
      ? samePageAgain
      : { ...page, after: slice.length > 0 ? slice[slice.length - 1].id : page.after, replay: undefined };
    body['@odata.nextLink'] = `${ctx.publicBaseUrl}/v1.0/users/delta?$skiptoken=${encodeToken(stripUndefined(next))}`;
  } else {
    // a replayed closing page of a round of changes: the next round repeats this round's changes
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

/**
 * Messages of the codes as Microsoft Graph error responses (https://learn.microsoft.com/graph/errors, "Code
 * property") describes them.
 */
const DELTA_TOKEN_MESSAGES: Record<DeltaTokenRejection['code'], string> = {
  syncStateNotFound:
    'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  resyncRequired: 'The delta token is no longer valid, and the app must reset the sync state.',
};

/**
 * An expired or refused delta token: a 4xx with `syncStateNotFound` / `resyncRequired` (Use delta query, "Token
 * duration": "a 40X-series error with error codes such as syncStateNotFound"). A 410 carries `Location`, which
 * restarts tracking of the same resource with the same $select — a new full round ("Synchronization reset").
 */
export function tokenRefused(
  ctx: DeltaContext,
  answer: DeltaTokenRejection,
  select: string[] | null,
  resource: 'users' | 'groups' = 'users',
  filter: string[] | null = null,
): GraphResponse {
  const query: string[] = [];
  if (filter) query.push(`$filter=${encodeURIComponent(filter.map((id) => `id eq '${id}'`).join(' or '))}`);
  if (select) query.push(`$select=${select.join(',')}`);
  const restart = `${ctx.publicBaseUrl}/v1.0/${resource}/delta${query.length ? `?${query.join('&')}` : ''}`;
  return {
    status: answer.status,
    headers: answer.status === 410 ? { Location: restart } : undefined,
    body: graphError(answer.code, DELTA_TOKEN_MESSAGES[answer.code]),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
