/**
 * `GET /v1.0/groups/delta?$filter=id eq '…'&$select=members` — group: delta
 * (https://learn.microsoft.com/graph/api/group-delta) and Get incremental changes for groups
 * (https://learn.microsoft.com/graph/delta-query-groups):
 * - `$select=members` tracks membership; "Only the id property of the related resource is returned" (group: delta),
 *   as `members@delta: [{ "@odata.type", id }]`. The type is the member's: `#microsoft.graph.user`, or
 *   `#microsoft.graph.group` for a nested group (members "can be users, devices, other groups, or service
 *   principals", group resource https://learn.microsoft.com/graph/api/resources/group).
 * - members removed since the token carry `"@removed": { "reason": "deleted" }` ("The first user in the list has been
 *   removed from the group - either by removing the membership or by deleting the user object itself").
 * - the first round lists current groups with their current members; `members@delta` is left out of a group without
 *   members ("TestGroup2 does not contain that property because the group does not have any members").
 * - later rounds return only groups that were created, deleted, or whose membership changed ("Changes include: Newly
 *   created group objects. Deleted group objects. … Group objects for which member objects have been added or
 *   removed."); a group returned for another reason carries no `members@delta`.
 * - a deleted group comes as `{ id, "@removed": { reason: "deleted" | "changed" } }` (Use delta query,
 *   https://learn.microsoft.com/graph/delta-query-overview, "Resource representation in the delta query response":
 *   "Removed instances are represented by their id and an @removed object"; `changed` = restorable, `deleted` = not).
 * - large member lists are paged; the group object repeats on each page ("Paging through members in a large group").
 * - `$select` is bound to the tokens, as for users (group: delta, "Query parameters").
 */
import { graphError, parseGroupIdFilter, parseSelect } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import type { MembershipChange } from './directory.ts';
import { tokenRefused, type DeltaContext } from './usersDelta.ts';
import { decodeToken, encodeToken, type GroupDeltaLinkToken, type GroupDeltaPageToken } from './tokens.ts';

export function groupsDelta(ctx: DeltaContext, params: URLSearchParams): GraphResponse {
  const deltaToken = params.get('$deltatoken');
  const skipToken = params.get('$skiptoken');
  let page: GroupDeltaPageToken;

  if (skipToken !== null) {
    const token = decodeToken(skipToken, ['groupDeltaPage']);
    if (!token) return bad('The $skiptoken is not valid for this request.');
    if (token.gen < ctx.tokenGeneration)
      return tokenRefused(ctx, ctx.expiredAnswer, token.select, 'groups', token.filter);
    page = token;
  } else if (deltaToken !== null && deltaToken !== 'latest') {
    const token = decodeToken(deltaToken, ['groupDeltaLink']);
    if (!token) return bad('The $deltatoken is not valid for this request.');
    if (token.gen < ctx.tokenGeneration)
      return tokenRefused(ctx, ctx.expiredAnswer, token.select, 'groups', token.filter);
    const rejection = ctx.rejectDeltaToken();
    if (rejection) return tokenRefused(ctx, rejection, token.select, 'groups', token.filter);
    page = {
      kind: 'groupDeltaPage',
      filter: token.filter,
      from: token.from,
      to: ctx.directory.currentSeq,
      group: null,
      after: null,
      select: token.select,
      gen: token.gen,
    };
  } else {
    const filtered = parseGroupIdFilter(params.get('$filter'));
    if (filtered === 'invalid')
      return bad("Only $filter=id eq '<group id>' (joined with 'or') is supported on groups/delta.");
    const select = parseSelect(params.get('$select'));
    if (deltaToken === 'latest') {
      const link: GroupDeltaLinkToken = {
        kind: 'groupDeltaLink',
        filter: filtered,
        from: ctx.directory.currentSeq,
        select,
        gen: ctx.tokenGeneration,
      };
      return {
        status: 200,
        paged: true,
        body: { '@odata.context': context(ctx), value: [], '@odata.deltaLink': deltaLink(ctx, link) },
      };
    }
    page = {
      kind: 'groupDeltaPage',
      filter: filtered,
      from: -1,
      to: ctx.directory.currentSeq,
      group: null,
      after: null,
      select,
      gen: ctx.tokenGeneration,
    };
  }
  return servePage(ctx, page);
}

/** What one group has to report in a round. */
type GroupReport =
  | { kind: 'removed'; reason: 'deleted' | 'changed' }
  | { kind: 'group'; displayName: string; members: MembershipChange[] };

function reportOf(ctx: DeltaContext, page: GroupDeltaPageToken, groupId: string): GroupReport | undefined {
  const group = ctx.directory.group(groupId);
  if (!group) return undefined;
  if (page.from < 0) {
    if (group.state !== 'active' || group.seq > page.to) return undefined;
    return {
      kind: 'group',
      displayName: group.displayName,
      members: ctx.directory.membershipChanges(groupId, -1, page.to),
    };
  }
  const changedItself = group.seq > page.from && group.seq <= page.to;
  if (group.state !== 'active')
    return changedItself
      ? { kind: 'removed', reason: group.state === 'softDeleted' ? 'changed' : 'deleted' }
      : undefined;
  // membership changes count only when members are tracked ($select=members, or no $select)
  const tracked = page.select === null || page.select.includes('members');
  const members = tracked ? ctx.directory.membershipChanges(groupId, page.from, page.to) : [];
  if (!changedItself && members.length === 0) return undefined;
  return { kind: 'group', displayName: group.displayName, members };
}

/** The round's groups in paging order, from the page's position on, with what each reports. */
function nextReport(
  ctx: DeltaContext,
  page: GroupDeltaPageToken,
  startGroup: string | null,
  after: string | null,
  inclusive: boolean,
): { groupId: string; report: GroupReport } | undefined {
  const ids = page.filter ? [...new Set(page.filter)].sort() : ctx.directory.allGroupIds();
  for (const groupId of ids) {
    if (startGroup !== null && (inclusive ? groupId < startGroup : groupId <= startGroup)) continue;
    const report = reportOf(ctx, page, groupId);
    if (!report) continue;
    if (groupId === startGroup && after !== null) {
      // continuing a group's member list: only when members remain after the last one returned
      if (report.kind !== 'group' || !report.members.some((m) => m.memberId > after)) continue;
    }
    return { groupId, report };
  }
  return undefined;
}

function servePage(ctx: DeltaContext, page: GroupDeltaPageToken): GraphResponse {
  const withMembers = page.select === null || page.select.includes('members');
  const found = nextReport(ctx, page, page.group, page.after, true);
  const value: Record<string, unknown>[] = [];
  let next: GroupDeltaPageToken | undefined;
  const size = ctx.nextPageSize();

  if (found && size > 0) {
    const { groupId, report } = found;
    if (report.kind === 'removed') {
      value.push({ id: groupId, '@removed': { reason: report.reason } });
    } else {
      const after = groupId === page.group ? page.after : null;
      const remaining = withMembers ? report.members.filter((m) => after === null || m.memberId > after) : [];
      const slice = remaining.slice(0, size);
      const item: Record<string, unknown> = { id: groupId };
      if (page.select === null || page.select.includes('displayName')) item.displayName = report.displayName;
      if (slice.length > 0) item['members@delta'] = slice.map(memberItem);
      value.push(item);
      if (remaining.length > slice.length)
        next = { ...page, group: groupId, after: slice[slice.length - 1].memberId, replay: undefined };
    }
    const following = next ? undefined : nextReport(ctx, page, groupId, null, false);
    if (following) next = { ...page, group: following.groupId, after: null, replay: undefined };
  } else if (found) {
    next = { ...page, replay: undefined }; // an empty page (page size 0): same position, more to come
  }

  const replay = !page.replay && ctx.shouldReplayPage();
  const body: Record<string, unknown> = { '@odata.context': context(ctx), value };
  const samePageAgain: GroupDeltaPageToken = { ...page, replay: true };
  if (next || (replay && page.from < 0)) {
    // a replayed page repeats itself; so does the closing page of a first round (never a silent full re-listing)
    const token = replay ? samePageAgain : next!;
    body['@odata.nextLink'] =
      `${ctx.publicBaseUrl}/v1.0/groups/delta?$skiptoken=${encodeToken(JSON.parse(JSON.stringify(token)))}`;
  } else {
    const link: GroupDeltaLinkToken = {
      kind: 'groupDeltaLink',
      filter: page.filter,
      // a replayed closing page of a round of changes: the next round repeats this round's changes
      from: replay ? page.from : page.to,
      select: page.select,
      gen: page.gen,
    };
    body['@odata.deltaLink'] = deltaLink(ctx, link);
  }
  return { status: 200, paged: true, body };
}

function memberItem(change: MembershipChange): Record<string, unknown> {
  const item: Record<string, unknown> = { '@odata.type': `#microsoft.graph.${change.kind}`, id: change.memberId };
  if (!change.member) item['@removed'] = { reason: 'deleted' };
  return item;
}

function deltaLink(ctx: DeltaContext, token: GroupDeltaLinkToken): string {
  return `${ctx.publicBaseUrl}/v1.0/groups/delta?$deltatoken=${encodeToken(token)}`;
}

function context(ctx: DeltaContext): string {
  return `${ctx.publicBaseUrl}/v1.0/$metadata#groups`;
}

function bad(message: string): GraphResponse {
  return { status: 400, body: graphError('BadRequest', message) };
}
