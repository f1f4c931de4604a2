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
    assert.match(response.headers.get('location') ?? '', /\/v1\.0\/groups\/delta$/);
  });

  it('rejects filters other than id eq', async () => {
    const response = await graphGet(sim, "/v1.0/groups/delta?$filter=displayName eq 'x'", token);
    assert.equal(response.status, 400);
  });
});
