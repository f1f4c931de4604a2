import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet, readRound } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

describe("GET /v1.0/groups/delta?$filter=id eq '…'&$select=members (learn.microsoft.com/graph/api/group-delta)", () => {
  let sim: GraphSimulator;
  let token: string;
  const users = smallTenant(5).users;
  before(async () => {
    sim = await startGraphSimulator({ fixture: smallTenant(5), pageSize: 2 });
    token = (await fetchToken(sim)).json.access_token as string;
  });
  after(() => sim.close());

  it('lists current members as members@delta on the first round, paging large member lists', async () => {
    const round = await readRound(sim, "/v1.0/groups/delta?$filter=id eq 'group-support'&$select=members", token);
    assert.equal(round.pages, 2, '3 members, 2 per page');
    const members = round.items.flatMap((g) => g['members@delta'] as { id: string; '@odata.type': string }[]);
    assert.deepEqual(
      members.map((m) => m.id),
      [users[0].id, users[2].id, users[4].id],
    );
    assert.equal(members[0]['@odata.type'], '#microsoft.graph.user');
    assert.equal(round.items[0].id, 'group-support');
    assert.equal(round.items[0].displayName, undefined, 'only selected properties');

    sim.directory.applyOps([
      { op: 'addMember', group: 'group-support', user: users[1].id },
      { op: 'removeMember', group: 'group-support', user: users[0].id },
    ]);
    const changes = await readRound(sim, round.deltaLink, token);
    const delta = changes.items.flatMap((g) => g['members@delta'] as Record<string, unknown>[]);
    assert.deepEqual(delta, [
      { '@odata.type': '#microsoft.graph.user', id: users[0].id, '@removed': { reason: 'deleted' } },
      { '@odata.type': '#microsoft.graph.user', id: users[1].id },
    ]);
    const quiet = await readRound(sim, changes.deltaLink, token);
    assert.deepEqual(quiet.items, [], 'a group without membership changes is not returned');
  });

  it('answers 410 Gone for an expired group delta token, restarting at groups/delta', async () => {
    const round = await readRound(sim, "/v1.0/groups/delta?$filter=id eq 'group-support'&$select=members", token);
    sim.expireDeltaTokens();
    const response = await graphGet(sim, round.deltaLink, token);
    assert.equal(response.status, 410);
    assert.equal((response.json.error as { code: string }).code, 'syncStateNotFound');
    // "a Location header containing a request URL with an empty $deltaToken (same as the initial query)"
    assert.match(
      response.headers.get('location') ?? '',
      /\/v1\.0\/groups\/delta\?\$filter=id%20eq%20'group-support'&\$select=members$/,
    );
  });

  it('rejects filters other than id eq', async () => {
    const response = await graphGet(sim, "/v1.0/groups/delta?$filter=displayName eq 'x'", token);
    assert.equal(response.status, 400);
  });
});

describe('groups/delta: deleted groups, nested groups, members@delta only on a membership change (group: delta, delta-query-groups)', () => {
  let sim: GraphSimulator;
  let token: string;
  const users = smallTenant(5).users;
  const readAll = (link: string) => readRound(sim, link, token);
  before(async () => {
    const fixture = smallTenant(5);
    fixture.groups.push(
      { id: 'group-parent', displayName: 'Parent', members: ['group-support', users[1].id] },
      { id: 'group-empty', displayName: 'Empty', members: [] },
    );
    sim = await startGraphSimulator({ fixture, pageSize: 10 });
    token = (await fetchToken(sim)).json.access_token as string;
  });
  after(() => sim.close());

  it('types a nested group member #microsoft.graph.group, and leaves members@delta out of a group without members', async () => {
    const round = await readAll('/v1.0/groups/delta?$select=displayName,members');
    const parent = round.items.find((g) => g.id === 'group-parent')!;
    assert.deepEqual(parent['members@delta'], [
      { '@odata.type': '#microsoft.graph.user', id: users[1].id },
      { '@odata.type': '#microsoft.graph.group', id: 'group-support' },
    ]);
    const empty = round.items.find((g) => g.id === 'group-empty')!;
    assert.deepEqual(empty, { id: 'group-empty', displayName: 'Empty' }, '"TestGroup2 does not contain that property"');
  });

  it('reports a deleted group with @removed, a new group with its members, and its parent losing it as a removed member', async () => {
    const initial = await readAll('/v1.0/groups/delta?$select=displayName,members');
    sim.directory.applyOps([
      { op: 'addGroup', group: { id: 'group-new', displayName: 'New', members: [users[3].id] } },
      { op: 'addGroup', group: { id: 'group-new-empty', displayName: 'New and empty', members: [] } },
      { op: 'deleteGroup', group: 'group-support' },
      { op: 'deleteGroup', group: 'group-empty', restorable: true },
      { op: 'addMember', group: 'group-parent', member: 'group-new' },
    ]);
    const changes = await readAll(initial.deltaLink);
    const byId = new Map(changes.items.map((g) => [g.id, g]));
    assert.deepEqual(byId.get('group-support'), { id: 'group-support', '@removed': { reason: 'deleted' } });
    assert.deepEqual(byId.get('group-empty'), { id: 'group-empty', '@removed': { reason: 'changed' } });
    assert.deepEqual(byId.get('group-new'), {
      id: 'group-new',
      displayName: 'New',
      'members@delta': [{ '@odata.type': '#microsoft.graph.user', id: users[3].id }],
    });
    assert.deepEqual(byId.get('group-new-empty'), { id: 'group-new-empty', displayName: 'New and empty' });
    assert.deepEqual(byId.get('group-parent')!['members@delta'], [
      { '@odata.type': '#microsoft.graph.group', id: 'group-new' },
      { '@odata.type': '#microsoft.graph.group', id: 'group-support', '@removed': { reason: 'deleted' } },
    ]);
    const quiet = await readAll(changes.deltaLink);
    assert.deepEqual(quiet.items, [], 'nothing changed: no group, no members@delta');
  });

  it('filters by id: a deleted filtered group comes as @removed', async () => {
    const initial = await readAll("/v1.0/groups/delta?$filter=id eq 'group-parent'&$select=members");
    assert.equal(initial.items.length, 1);
    sim.directory.applyOps([{ op: 'deleteGroup', group: 'group-parent' }]);
    const changes = await readAll(initial.deltaLink);
    assert.deepEqual(changes.items, [{ id: 'group-parent', '@removed': { reason: 'deleted' } }]);
  });
});

describe('groups/delta replays (delta-query-overview, "Replays")', () => {
  it('replays the closing page of a first round as the same page, never as a silent full re-listing', async () => {
    const users = smallTenant(5).users;
    const sim = await startGraphSimulator({ fixture: smallTenant(5), pageSize: 10 });
    try {
      const token = (await fetchToken(sim)).json.access_token as string;
      sim.faults.configure({ replayPages: { every: 1, limit: 1 } });
      const first = await readRound(sim, "/v1.0/groups/delta?$filter=id eq 'group-support'&$select=members", token);
      assert.equal(first.pages, 2, 'the one page, then the same page again');
      assert.deepEqual(first.items[0], first.items[1]);
      sim.directory.applyOps([{ op: 'removeMember', group: 'group-support', user: users[0].id }]);
      const next = await readRound(sim, first.deltaLink, token);
      assert.deepEqual(next.items, [
        {
          id: 'group-support',
          'members@delta': [
            { '@odata.type': '#microsoft.graph.user', id: users[0].id, '@removed': { reason: 'deleted' } },
          ],
        },
      ]);
    } finally {
      await sim.close();
    }
  });

  it('replays a round of changes through its deltaLink: the changes come again, @removed included', async () => {
    const users = smallTenant(5).users;
    const sim = await startGraphSimulator({ fixture: smallTenant(5), pageSize: 10 });
    try {
      const token = (await fetchToken(sim)).json.access_token as string;
      const first = await readRound(sim, "/v1.0/groups/delta?$filter=id eq 'group-support'&$select=members", token);
      sim.directory.applyOps([{ op: 'removeMember', group: 'group-support', user: users[0].id }]);
      sim.faults.configure({ replayPages: { every: 1, limit: 1 } });
      const changes = await readRound(sim, first.deltaLink, token);
      const again = await readRound(sim, changes.deltaLink, token);
      assert.deepEqual(again.items, changes.items);
      assert.equal(
        ((again.items[0]['members@delta'] as unknown[])[0] as { '@removed'?: unknown })['@removed'] !== undefined,
        true,
      );
    } finally {
      await sim.close();
    }
  });
});
