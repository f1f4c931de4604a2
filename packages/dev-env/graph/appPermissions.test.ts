/**
 * The HR dates of the user resource (https://learn.microsoft.com/graph/api/resources/user) on users/delta, /users and
 * /users/{id}, and the application permissions the simulated app holds (appPermissions.ts): without
 * User-LifeCycleInfo.Read.All a `$select` naming employeeLeaveDateTime answers 403 Authorization_RequestDenied (the
 * fail-closed reading; Microsoft Graph error responses, https://learn.microsoft.com/graph/errors).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DEFAULT_APP_PERMISSIONS } from './appPermissions.ts';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet, readRound } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';
import type { TenantFixture } from './tenantFixture.ts';

const HR = 'id,userPrincipalName,accountEnabled,employeeHireDate,employeeLeaveDateTime';
const HIRE_ONLY = 'id,userPrincipalName,accountEnabled,employeeHireDate';

function hrTenant(permissions?: string[]): TenantFixture {
  const tenant = smallTenant(3);
  tenant.users[0].employeeHireDate = '2020-03-02T08:00:00Z';
  tenant.users[0].employeeLeaveDateTime = '2026-12-10T17:00:00Z';
  tenant.users[1].employeeHireDate = '2026-12-11T08:00:00Z';
  if (permissions) tenant.app = { permissions };
  return tenant;
}

describe('HR dates and the app permissions (user resource; Microsoft Graph error responses)', () => {
  let sim: GraphSimulator;
  let token: string;
  const start = async (fixture: TenantFixture): Promise<void> => {
    sim = await startGraphSimulator({ fixture, pageSize: 10 });
    token = (await fetchToken(sim)).json.access_token as string;
  };
  afterEach(() => sim.close());
  const [u1, u2, u3] = smallTenant(3).users.map((u) => u.id);
  const errorCode = (json: Record<string, unknown>) => (json.error as { code: string; message: string }).code;

  it('grants User.Read.All, GroupMember.Read.All and User-LifeCycleInfo.Read.All when the fixture names none', async () => {
    await start(hrTenant());
    assert.deepEqual(sim.appPermissions.list(), [...DEFAULT_APP_PERMISSIONS]);
    const state = await fetch(`${sim.url}/_sim/state`).then((r) => r.json() as Promise<{ appPermissions: string[] }>);
    assert.deepEqual(state.appPermissions, [...DEFAULT_APP_PERMISSIONS]);
  });

  it('users/delta serves the HR dates when selected, omits them when never set, and reports a cleared one as null', async () => {
    await start(hrTenant());
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${HR}`, token);
    const byId = new Map(initial.items.map((i) => [i.id, i]));
    assert.equal(byId.get(u1)!.employeeHireDate, '2020-03-02T08:00:00Z');
    assert.equal(byId.get(u1)!.employeeLeaveDateTime, '2026-12-10T17:00:00Z');
    assert.equal(byId.get(u2)!.employeeHireDate, '2026-12-11T08:00:00Z');
    assert.equal('employeeLeaveDateTime' in byId.get(u2)!, false, 'never set: omitted');
    assert.equal('employeeHireDate' in byId.get(u3)!, false, 'never set: omitted');
    sim.directory.applyOps([{ op: 'updateUser', id: u1, set: { employeeLeaveDateTime: null } }]);
    const changes = await readRound(sim, initial.deltaLink, token);
    assert.equal(changes.items.length, 1);
    assert.equal(changes.items[0].employeeLeaveDateTime, null, 'cleared: null');
    assert.equal(changes.items[0].employeeHireDate, '2020-03-02T08:00:00Z');
  });

  it('/users and /users/{id} return a selected HR date never set as null', async () => {
    await start(hrTenant());
    const list = await readRound(sim, `/v1.0/users?$select=${HR}&$top=999`, token);
    const third = list.items.find((i) => i.id === u3)!;
    assert.deepEqual([third.employeeHireDate, third.employeeLeaveDateTime], [null, null]);
    const one = await graphGet(sim, `/v1.0/users/${u2}?$select=${HR}`, token);
    assert.equal(one.status, 200);
    assert.deepEqual([one.json.employeeHireDate, one.json.employeeLeaveDateTime], ['2026-12-11T08:00:00Z', null]);
  });

  it('without User-LifeCycleInfo.Read.All, a $select naming employeeLeaveDateTime answers 403 Authorization_RequestDenied on each users route', async () => {
    await start(hrTenant(['User.Read.All', 'GroupMember.Read.All']));
    for (const path of [
      `/v1.0/users/delta?$select=${HR}`,
      `/v1.0/users/delta?$select=${HR}&$deltatoken=latest`,
      `/v1.0/users?$select=${HR}&$top=999`,
      `/v1.0/users/${u1}?$select=${HR}`,
      `/v1.0/users?$filter=${encodeURIComponent("mail eq 'x@y'")}&$select=${HR}`,
    ]) {
      const response = await graphGet(sim, path, token);
      assert.equal(response.status, 403, path);
      assert.equal(errorCode(response.json), 'Authorization_RequestDenied', path);
      assert.equal(
        (response.json.error as { message: string }).message,
        'Insufficient privileges to complete the operation.',
      );
    }
    const hireOnly = await readRound(sim, `/v1.0/users/delta?$select=${HIRE_ONLY}`, token);
    assert.equal(
      hireOnly.items.find((i) => i.id === u1)!.employeeHireDate,
      '2020-03-02T08:00:00Z',
      'hire date: no extra permission',
    );
  });

  it('a delta link bound to employeeLeaveDateTime is refused once the permission is revoked, and served again once granted', async () => {
    await start(hrTenant());
    const initial = await readRound(sim, `/v1.0/users/delta?$select=${HR}`, token);
    sim.appPermissions.replace(['User.Read.All', 'GroupMember.Read.All']);
    const refused = await graphGet(sim, initial.deltaLink, token);
    assert.equal(refused.status, 403);
    sim.appPermissions.replace([...DEFAULT_APP_PERMISSIONS]);
    assert.equal((await graphGet(sim, initial.deltaLink, token)).status, 200);
  });

  it('User-LifeCycleInfo.ReadWrite.All also reads the leave date', async () => {
    await start(hrTenant(['User.Read.All', 'GroupMember.Read.All', 'User-LifeCycleInfo.ReadWrite.All']));
    assert.equal((await graphGet(sim, `/v1.0/users?$select=${HR}`, token)).status, 200);
  });

  it('refuses users routes without a user-reading permission and groups/delta without a group-reading one', async () => {
    await start(hrTenant(['GroupMember.Read.All']));
    assert.equal((await graphGet(sim, '/v1.0/users?$select=id', token)).status, 403);
    assert.equal((await graphGet(sim, '/v1.0/groups/delta?$select=members', token)).status, 200);
    sim.appPermissions.replace(['User.Read.All']);
    assert.equal((await graphGet(sim, '/v1.0/users?$select=id', token)).status, 200);
    assert.equal((await graphGet(sim, '/v1.0/groups/delta?$select=members', token)).status, 403);
  });

  it('the control API replaces the permissions and refuses unknown names', async () => {
    await start(hrTenant());
    const put = (body: unknown) =>
      fetch(`${sim.url}/_sim/app-permissions`, { method: 'PUT', body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as { permissions?: string[]; code?: string },
      }));
    const ok = await put({ permissions: ['User.Read.All', 'GroupMember.Read.All'] });
    assert.deepEqual(ok, { status: 200, json: { permissions: ['User.Read.All', 'GroupMember.Read.All'] } });
    assert.equal((await graphGet(sim, `/v1.0/users?$select=${HR}`, token)).status, 403);
    const bad = await put({ permissions: ['User.Read.Everything'] });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, 'LOCAL_GRAPH_PERMISSIONS_INVALID');
  });
});
