import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet, readRound } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

describe('GET /v1.0/users (learn.microsoft.com/graph/api/user-list: $top 1..999, $skiptoken paging)', () => {
  let sim: GraphSimulator;
  let token: string;
  before(async () => {
    sim = await startGraphSimulator({ fixture: smallTenant(7) });
    token = (await fetchToken(sim)).json.access_token as string;
  });
  after(() => sim.close());

  it('pages by $top with @odata.nextLink and returns the selected properties', async () => {
    const round = await readRound(sim, '/v1.0/users?$select=id,userPrincipalName&$top=3', token);
    assert.equal(round.items.length, 7);
    assert.equal(round.pages, 3);
    assert.deepEqual(Object.keys(round.items[0]).sort(), ['id', 'userPrincipalName']);
    assert.equal(new Set(round.items.map((i) => i.id)).size, 7, 'no user twice');
  });

  it('refuses $top above 999', async () => {
    const response = await graphGet(sim, '/v1.0/users?$top=1000', token);
    assert.equal(response.status, 400);
    assert.match((response.json.error as { message: string }).message, /between 1 and 999/);
  });

  it('does not list soft-deleted users', async () => {
    sim.directory.applyOps([{ op: 'softDeleteUser', id: smallTenant(7).users[0].id }]);
    const round = await readRound(sim, '/v1.0/users?$top=999', token);
    assert.equal(round.items.length, 6);
  });
});

describe('GET /v1.0/users: never-set properties and expired page tokens', () => {
  let sim: GraphSimulator;
  let token: string;
  before(async () => {
    sim = await startGraphSimulator({ fixture: smallTenant(7) });
    token = (await fetchToken(sim)).json.access_token as string;
  });
  after(() => sim.close());

  it('returns null for a selected property never set (List users, example 1: "givenName": null)', async () => {
    const round = await readRound(sim, '/v1.0/users?$select=id,jobTitle&$top=999', token);
    assert.equal(round.items[0].jobTitle, null);
  });

  it('answers an expired $skiptoken with 400 Directory_ExpiredPageToken (expiredPageToken fault)', async () => {
    sim.faults.configure({ expiredPageToken: { every: 1, limit: 1 } });
    const first = await graphGet(sim, '/v1.0/users?$top=3', token);
    const next = await graphGet(sim, first.json['@odata.nextLink'] as string, token);
    assert.equal(next.status, 400);
    assert.deepEqual(
      {
        code: (next.json.error as { code: string }).code,
        message: (next.json.error as { message: string }).message,
      },
      {
        code: 'Directory_ExpiredPageToken',
        message: 'The specified page token value has expired and can no longer be included in your request.',
      },
    );
    const again = await readRound(sim, '/v1.0/users?$top=3', token);
    assert.equal(again.items.length, 7, 'starting over works');
    sim.faults.configure({});
  });
});
