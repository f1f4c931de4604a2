/**
 * `GET /v1.0/groups/delta?$filter=id eq '…'&$select=members` — https://learn.microsoft.com/graph/api/group-delta and
 * https://learn.microsoft.com/graph/delta-query-groups: each group object carries `members@delta`, a list of
 * `{ "@odata.type": "#microsoft.graph.user", id }`; members removed since the token also carry
 * `"@removed": { "reason": "deleted" }`. The first round lists current members; later rounds only groups whose
 * membership changed. Large member lists are paged (the group object repeats on each page).
 */
import { graphError, parseGroupIdFilter, parseSelect } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';
import { expired, type DeltaContext } from './usersDelta.ts';
import { decodeToken, encodeToken, type GroupDeltaLinkToken, type GroupDeltaPageToken } from './tokens.ts';

export function groupsDelta(ctx: DeltaContext, params: URLSearchParams): GraphResponse {
  const deltaToken = params.get('$deltatoken');
  const skipToken = params.get('$skiptoken');
  let page: GroupDeltaPageToken;

  if (skipToken !== null) {
    const token = decodeToken(skipToken, ['groupDeltaPage']);
    if (!token) return bad('The $skiptoken is not valid for this request.');
    if (token.gen < ctx.tokenGeneration) return expired(ctx, null, 'groups');
    page = token;
  } else if (deltaToken !== null && deltaToken !== 'latest') {
    const token = decodeToken(deltaToken, ['groupDeltaLink']);
    if (!token) return bad('The $deltatoken is not valid for this request.');
    if (token.gen < ctx.tokenGeneration) return expired(ctx, null, 'groups');
    page = {
      kind: 'groupDeltaPage',
      groups: token.groups,
      from: token.from,
      to: ctx.directory.currentSeq,
      groupIndex: 0,
      after: null,
      select: token.select,
      gen: token.gen,
    };
  } else {
    const filtered = parseGroupIdFilter(params.get('$filter'));
    if (filtered === 'invalid')
      return bad("Only $filter=id eq '<group id>' (joined with 'or') is supported on groups/delta.");
    const groups = filtered ?? ctx.directory.allGroups().map((g) => g.id);
    const select = parseSelect(params.get('$select'));
    if (deltaToken === 'latest') {
      const link: GroupDeltaLinkToken = {
        kind: 'groupDeltaLink',
        groups,
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
      groups,
      from: -1,
      to: ctx.directory.currentSeq,
      groupIndex: 0,
      after: null,
      select,
      gen: ctx.tokenGeneration,
    };
  }
  return servePage(ctx, page);
}

function servePage(ctx: DeltaContext, page: GroupDeltaPageToken): GraphResponse {
  const withMembers = page.select === null || page.select.includes('members');
  const groupIndex = nextGroupWithChanges(ctx, page, page.groupIndex, page.after);
  const value: Record<string, unknown>[] = [];
  let next: GroupDeltaPageToken | undefined;

  if (groupIndex !== undefined) {
    const group = ctx.directory.group(page.groups[groupIndex])!;
    const changes = changesAfter(ctx, page, group.id, groupIndex === page.groupIndex ? page.after : null);
    const slice = changes.slice(0, ctx.pageSize);
    const item: Record<string, unknown> = { id: group.id };
    if (page.select === null || page.select.includes('displayName')) item.displayName = group.displayName;
    if (withMembers)
      item['members@delta'] = slice.map((c) =>
        c.member
          ? { '@odata.type': '#microsoft.graph.user', id: c.userId }
          : { '@odata.type': '#microsoft.graph.user', id: c.userId, '@removed': { reason: 'deleted' } },
      );
    value.push(item);
    if (changes.length > slice.length)
      next = { ...page, groupIndex, after: slice[slice.length - 1].userId, replay: undefined };
    else if (nextGroupWithChanges(ctx, page, groupIndex + 1, null) !== undefined)
      next = { ...page, groupIndex: groupIndex + 1, after: null, replay: undefined };
  }

  const replay = !page.replay && ctx.shouldReplayPage();
  const body: Record<string, unknown> = { '@odata.context': context(ctx), value };
  if (next) {
    const token = replay ? { ...page, replay: true as const } : next;
    body['@odata.nextLink'] =
      `${ctx.publicBaseUrl}/v1.0/groups/delta?$skiptoken=${encodeToken(JSON.parse(JSON.stringify(token)))}`;
  } else {
    const link: GroupDeltaLinkToken = {
      kind: 'groupDeltaLink',
      groups: page.groups,
      from: replay ? page.from : page.to,
      select: page.select,
      gen: page.gen,
    };
    body['@odata.deltaLink'] = deltaLink(ctx, link);
  }
  return { status: 200, paged: true, body };
}

/** The first group index >= start that has something to report (any group on the first round). */
function nextGroupWithChanges(
  ctx: DeltaContext,
  page: GroupDeltaPageToken,
  start: number,
  after: string | null,
): number | undefined {
  for (let i = start; i < page.groups.length; i++) {
    const group = ctx.directory.group(page.groups[i]);
    if (!group) continue;
    if (page.from < 0 && (i !== start || after === null)) return i;
    if (changesAfter(ctx, page, group.id, i === start ? after : null).length > 0) return i;
  }
  return undefined;
}

function changesAfter(ctx: DeltaContext, page: GroupDeltaPageToken, groupId: string, after: string | null) {
  return ctx.directory.membershipChanges(groupId, page.from, page.to).filter((c) => after === null || c.userId > after);
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
