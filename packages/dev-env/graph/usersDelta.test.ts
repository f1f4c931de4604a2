import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet, readRound } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

const SELECT = 'id,userPrincipalName,givenName,surname,department,accountEnabled,jobTitle';

describe('GET /v1.0/users/delta (learn.microsoft.com/graph/api/user-delta, /graph/delta-query-users)', () => {
  let sim: GraphSimulator;
  let token: string;
  const start = async (pageSize = 2): Promise<void> => {
    sim = await startGraphSimulator({ fixture: smallTenant(5), pageSize });
    token = (await fetchToken(sim)).json.access_token as string;
  };
  afterEach(() => sim.close());

  it('pages the initial round with opaque $skiptoken nextLinks and ends with a $deltatoken deltaLink, never both on a page', async () => {
    await start(2);
    const first = await graphGet(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    assert.equal(first.status, 200);
    assert.equal((first.json.value as unknown[]).length, 2);
    const next = first.json['@odata.nextLink'] as string;
    assert.match(next, /^https:\/\/graph\.microsoft\.com\/v1\.0\/users\/delta\?\$skiptoken=[A-Za-z0-9_-]+$/);
    assert.equal(first.json['@odata.deltaLink'], undefined);
    const round = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    assert.equal(round.items.length, 5);
    assert.equal(round.pages, 3);
    assert.match(round.deltaLink, /\/v1\.0\/users\/delta\?\$deltatoken=[A-Za-z0-9_-]+$/);
  });

  it('returns the selected properties plus id, leaving out a selected property never set (user: delta, "Default: …")', async () => {
    await start(10);
    const round = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    assert.deepEqual(Object.keys(round.items[0]).sort(), [
      'accountEnabled',
      'department',
      'givenName',
      'id',
      'surname',
      'userPrincipalName',
    ]);
    assert.equal('jobTitle' in round.items[0], false, 'never set: omitted, not null');
    assert.equal(round.items[0].onPremisesExtensionAttributes, undefined);
  });

  it('reports a property set to null as null, and returns unchanged selected properties on later rounds', async () => {
    await start(10);
    const users = smallTenant(5).users;
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    sim.directory.applyOps([
      { op: 'updateUser', id: users[0].id, set: { department: null } },
      { op: 'updateUser', id: users[1].id, set: { jobTitle: 'Lead' } },
    ]);
    const changes = await readRound(sim, initial.deltaLink, token);
    const byId = new Map(changes.items.map((i) => [i.id, i]));
    assert.equal(byId.get(users[0].id)!.department, null, 'set to null: included as null');
    assert.equal('jobTitle' in byId.get(users[0].id)!, false, 'still never set: omitted');
    assert.equal(byId.get(users[1].id)!.jobTitle, 'Lead');
    assert.equal(byId.get(users[1].id)!.givenName, 'User', 'unchanged properties keep coming (default behaviour)');
  });

  it('binds $select to the tokens: a $select appended to a deltaLink or nextLink is ignored (user: delta, "Query parameters")', async () => {
    await start(2);
    const initial = await readRound(sim, '/v1.0/users/delta?$select=id,department', token);
    sim.directory.applyOps([{ op: 'updateUser', id: smallTenant().users[0].id, set: { jobTitle: 'New' } }]);
    const page = await graphGet(sim, `${initial.deltaLink}&$select=id,jobTitle,givenName`, token);
    assert.equal(page.status, 200);
    for (const item of page.json.value as Record<string, unknown>[])
      assert.deepEqual(Object.keys(item).sort(), ['department', 'id']);
    const first = await graphGet(sim, '/v1.0/users/delta?$select=id,department', token);
    const next = await graphGet(sim, `${first.json['@odata.nextLink'] as string}&$select=givenName`, token);
    for (const item of next.json.value as Record<string, unknown>[])
      assert.deepEqual(Object.keys(item).sort(), ['department', 'id']);
  });

  it('answers an expired token with the 4xx and code the control asks for (resyncRequired, no Location unless 410)', async () => {
    await start(10);
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    sim.expireDeltaTokens({ status: 400, code: 'resyncRequired' });
    const response = await graphGet(sim, initial.deltaLink, token);
    assert.equal(response.status, 400);
    assert.equal((response.json.error as { code: string }).code, 'resyncRequired');
    assert.equal(response.headers.get('location'), null);
  });

  it("keeps the first request's $select in the tokens: later pages need not repeat it", async () => {
    await start(2);
    const round = await readRound(sim, '/v1.0/users/delta?$select=id,department', token);
    for (const item of round.items) assert.deepEqual(Object.keys(item).sort(), ['department', 'id']);
  });

  it('returns only users changed since the deltaLink, with @removed reason changed (soft delete) or deleted (hard delete)', async () => {
    await start(10);
    const users = smallTenant(5).users;
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    const unchanged = await readRound(sim, initial.deltaLink, token);
    assert.equal(unchanged.items.length, 0, 'nothing changed yet');

    sim.directory.applyOps([
      { op: 'updateUser', id: users[0].id, set: { jobTitle: 'Team Lead' } },
      { op: 'disableUser', id: users[1].id },
      { op: 'softDeleteUser', id: users[2].id },
      { op: 'hardDeleteUser', id: users[3].id },
    ]);
    const changes = await readRound(sim, unchanged.deltaLink, token);
    const byId = new Map(changes.items.map((i) => [i.id, i]));
    assert.equal(changes.items.length, 4);
    assert.equal(byId.get(users[0].id)!.jobTitle, 'Team Lead');
    assert.equal(byId.get(users[1].id)!.accountEnabled, false, 'a disabled account is an ordinary update');
    assert.deepEqual(byId.get(users[2].id), { id: users[2].id, '@removed': { reason: 'changed' } });
    assert.deepEqual(byId.get(users[3].id), { id: users[3].id, '@removed': { reason: 'deleted' } });

    sim.directory.applyOps([{ op: 'restoreUser', id: users[2].id }]);
    const restored = await readRound(sim, changes.deltaLink, token);
    assert.equal(restored.items.length, 1);
    assert.equal(restored.items[0].userPrincipalName, users[2].userPrincipalName);
  });

  it('answers $deltatoken=latest with an empty page whose deltaLink tracks changes from now', async () => {
    await start(2);
    sim.directory.applyOps([{ op: 'updateUser', id: smallTenant().users[0].id, set: { jobTitle: 'Before pin' } }]);
    const latest = await graphGet(sim, `/v1.0/users/delta?$deltatoken=latest&$select=${SELECT}`, token);
    assert.equal(latest.status, 200);
    assert.deepEqual(latest.json.value, []);
    assert.equal(latest.json['@odata.nextLink'], undefined);
    const pinned = latest.json['@odata.deltaLink'] as string;
    assert.equal((await readRound(sim, pinned, token)).items.length, 0);
    sim.directory.applyOps([{ op: 'updateUser', id: smallTenant().users[4].id, set: { jobTitle: 'After pin' } }]);
    const after = await readRound(sim, pinned, token);
    assert.deepEqual(
      after.items.map((i) => i.jobTitle),
      ['After pin'],
    );
  });

  it('answers 410 Gone with code syncStateNotFound for an expired delta token (devblogs: delta links live 7 days)', async () => {
    await start(10);
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    sim.expireDeltaTokens();
    const response = await graphGet(sim, initial.deltaLink, token);
    assert.equal(response.status, 410);
    assert.equal((response.json.error as { code: string }).code, 'syncStateNotFound');
    assert.match(response.headers.get('location') ?? '', /\/v1\.0\/users\/delta\?\$select=/);
    const fresh = await readRound(sim, `/v1.0/users/delta?$select=${SELECT}`, token);
    assert.equal(fresh.items.length, 5, 'a new full round works after expiry');
  });

  it('rejects a token that is not one of its own with 400', async () => {
    await start(2);
    const response = await graphGet(sim, '/v1.0/users/delta?$skiptoken=garbage', token);
    assert.equal(response.status, 400);
  });
});
