import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

const tenant = () => {
  const fixture = smallTenant(4);
  // user1 is in Support directly; Support is nested in Everyone (transitive), which has no direct user member here.
  fixture.groups.push({ id: 'group-everyone', displayName: 'Everyone', members: ['group-support'] });
  fixture.users[0].mail = 'User.One@pinnacle.example';
  return fixture;
};
const USER1 = '00000000-0000-4000-8000-000000000001';
const USER2 = '00000000-0000-4000-8000-000000000002';

describe('one user for sync on demand (learn.microsoft.com/graph/api/user-get, user-list-transitivememberof)', () => {
  let sim: GraphSimulator;
  let token: string;
  before(async () => {
    sim = await startGraphSimulator({ fixture: tenant() });
    token = (await fetchToken(sim)).json.access_token as string;
  });
  after(() => sim.close());

  it('GET /users/{id} returns the selected properties, null for those the user lacks', async () => {
    const response = await graphGet(sim, `/v1.0/users/${USER1}?$select=id,userPrincipalName,jobTitle`, token);
    assert.equal(response.status, 200);
    assert.equal(response.json.userPrincipalName, 'user1@pinnacle.example');
    assert.equal(response.json.jobTitle, null);
    assert.equal(response.json.id, USER1);
  });

  it('GET /users/{userPrincipalName} finds the same user, case-blind', async () => {
    const response = await graphGet(sim, '/v1.0/users/USER1@pinnacle.example?$select=id', token);
    assert.equal(response.status, 200);
    assert.equal(response.json.id, USER1);
  });

  it('GET /users/{unknown} answers 404 Request_ResourceNotFound', async () => {
    const response = await graphGet(sim, '/v1.0/users/nobody@pinnacle.example', token);
    assert.equal(response.status, 404);
    assert.equal((response.json.error as { code: string }).code, 'Request_ResourceNotFound');
  });

  it("GET /users?$filter=mail eq '…' lists the users with that mail", async () => {
    const response = await graphGet(sim, "/v1.0/users?$filter=mail eq 'user.one@pinnacle.example'&$select=id", token);
    assert.equal(response.status, 200);
    assert.deepEqual(response.json.value, [{ id: USER1 }]);
  });

  it('GET /users/{id}/transitiveMemberOf/microsoft.graph.group lists direct and nested groups', async () => {
    const direct = await graphGet(
      sim,
      `/v1.0/users/${USER1}/transitiveMemberOf/microsoft.graph.group?$select=id`,
      token,
    );
    assert.equal(direct.status, 200);
    assert.deepEqual((direct.json.value as { id: string }[]).map((g) => g.id).sort(), [
      'group-everyone',
      'group-support',
    ]);
    const none = await graphGet(sim, `/v1.0/users/${USER2}/transitiveMemberOf/microsoft.graph.group?$select=id`, token);
    assert.deepEqual(none.json.value, [], 'user2 is in no group');
  });

  it('does not find a soft-deleted user', async () => {
    sim.directory.applyOps([{ op: 'softDeleteUser', id: USER2 }]);
    const response = await graphGet(sim, `/v1.0/users/${USER2}`, token);
    assert.equal(response.status, 404);
  });
});
