/**
 * `GET /v1.0/users` — List users (https://learn.microsoft.com/graph/api/user-list): `$select`, `$top` (1..999,
 * default 100) and `@odata.nextLink` paging with an opaque `$skiptoken` (Paging Microsoft Graph data,
 * https://learn.microsoft.com/graph/paging). Soft-deleted users are not listed. A selected property the user lacks
 * comes back as null (List users, example 1), unlike users/delta, which leaves it out. A page may hold fewer users
 * than `$top` (Paging Microsoft Graph data: "A page of results may contain zero or more results"): the
 * variablePageSizes fault makes pages smaller.
 *
 * An expired page token (the expiredPageToken fault) answers 400 `Directory_ExpiredPageToken`, "The specified page
 * token value has expired and can no longer be included in your request." — the code and message Graph answers
 * (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2254); the client must start the listing again.
 *
 * A `$select` naming `employeeLeaveDateTime` answers 403 `Authorization_RequestDenied` while the app lacks
 * User-LifeCycleInfo.Read.All (see appPermissions.ts); on later pages the `$select` bound to the token counts.
 */
import { checkSelectedProperties } from './appPermissions.ts';
import { graphError, parseSelect, projectUser } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import type { DeltaContext } from './usersDelta.ts';
import { decodeToken, encodeToken, type UserListToken } from './tokens.ts';

export const MAX_USERS_PAGE = 999;
const DEFAULT_USERS_PAGE = 100;

export function usersList(ctx: DeltaContext, params: URLSearchParams): GraphResponse {
  const skipToken = params.get('$skiptoken');
  let page: { after: string | null; top: number; select: string[] | null; replay?: true };
  if (skipToken !== null) {
    const token = decodeToken(skipToken, ['userList']);
    if (!token)
      return { status: 400, body: graphError('Request_BadRequest', 'The $skiptoken is not valid for this request.') };
    if (ctx.expirePageToken())
      return {
        status: 400,
        body: graphError(
          'Directory_ExpiredPageToken',
          'The specified page token value has expired and can no longer be included in your request.',
        ),
      };
    page = token;
  } else {
    const topText = params.get('$top');
    const top = topText === null ? DEFAULT_USERS_PAGE : Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > MAX_USERS_PAGE)
      return {
        status: 400,
        body: graphError(
          'Request_UnsupportedQuery',
          `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_USERS_PAGE} inclusive.`,
        ),
      };
    page = { after: null, top, select: parseSelect(params.get('$select')) };
  }
  const denied = checkSelectedProperties(page.select, ctx.permissions);
  if (denied) return denied;

  const users = ctx.directory.activeUsers().filter((u) => page.after === null || u.id > page.after);
  const slice = users.slice(0, ctx.nextListPageSize(page.top));
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.publicBaseUrl}/v1.0/$metadata#users${page.select ? `(${page.select.join(',')})` : ''}`,
    value: slice.map((u) => projectUser(u, page.select)),
  };
  if (users.length > slice.length) {
    const replay = !page.replay && ctx.shouldReplayPage();
    const next: UserListToken = replay
      ? { kind: 'userList', after: page.after ?? '', top: page.top, select: page.select, replay: true }
      : { kind: 'userList', after: slice[slice.length - 1].id, top: page.top, select: page.select };
    body['@odata.nextLink'] = `${ctx.publicBaseUrl}/v1.0/users?$skiptoken=${encodeToken(next)}`;
  }
  return { status: 200, body, paged: users.length > slice.length };
}
