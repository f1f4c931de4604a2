import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

describe('token endpoint and bearer check (client credentials flow, learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow)', () => {
  let sim: GraphSimulator;
  before(async () => {
    sim = await startGraphSimulator({ fixture: smallTenant() });
  });
  after(() => sim.close());

  it('issues a Bearer token for the right client secret', async () => {
    const response = await fetchToken(sim);
    assert.equal(response.status, 200);
    assert.equal(response.json.token_type, 'Bearer');
    assert.equal(typeof response.json.access_token, 'string');
    assert.equal(response.json.expires_in, 3599);
  });

  it("rejects a wrong secret with Entra's invalid_client / AADSTS7000215 error body", async () => {
    const response = await fetchToken(sim, 'not-the-secret');
    assert.equal(response.status, 401);
    assert.equal(response.json.error, 'invalid_client');
    assert.deepEqual(response.json.error_codes, [7000215]);
    assert.match(String(response.json.error_description), /^AADSTS7000215: Invalid client secret provided/);
    assert.equal(typeof response.json.trace_id, 'string');
    assert.equal(typeof response.json.correlation_id, 'string');
  });

  it('rejects an unknown tenant with AADSTS90002', async () => {
    const response = await fetch(`${sim.url}/other-tenant/oauth2/v2.0/token`, {
      method: 'POST',
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as { error_codes: number[] };
    assert.equal(response.status, 400);
    assert.deepEqual(body.error_codes, [90002]);
  });

  it('answers 401 InvalidAuthenticationToken without or with an unknown bearer token', async () => {
    const missing = await graphGet(sim, '/v1.0/organization');
    assert.equal(missing.status, 401);
    assert.equal((missing.json.error as { code: string }).code, 'InvalidAuthenticationToken');
    const unknown = await graphGet(sim, '/v1.0/organization', 'forged');
    assert.equal(unknown.status, 401);
  });

  it('serves /v1.0/organization for the connection test with a valid token', async () => {
    const token = (await fetchToken(sim)).json.access_token as string;
    const response = await graphGet(sim, '/v1.0/organization', token);
    assert.equal(response.status, 200);
    const [org] = response.json.value as { id: string; displayName: string; verifiedDomains: { name: string }[] }[];
    assert.equal(org.id, 'tenant-1');
    assert.equal(org.displayName, 'Test Tenant');
    assert.equal(org.verifiedDomains[0].name, 'pinnacle.example');
  });
});
