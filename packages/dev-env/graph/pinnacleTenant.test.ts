import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildPinnacle } from '../tenants/generatePinnacle.ts';
import { spawnGraphSimulator, type SpawnedSimulator } from './spawn.ts';
import { loadTenantFixture } from './tenantFixture.ts';

const PINNACLE = fileURLToPath(new URL('../tenants/pinnacle.json', import.meta.url));

describe('the bundled Pinnacle tenant', () => {
  it('is valid and is exactly what generatePinnacle.ts produces (deterministic, committed)', () => {
    const fixture = loadTenantFixture(PINNACLE);
    assert.equal(fixture.users.length, 300);
    assert.deepEqual(JSON.parse(readFileSync(PINNACLE, 'utf8')), JSON.parse(JSON.stringify(buildPinnacle())));
    assert.deepEqual(
      fixture.changeSets.map((c) => c.name),
      ['weekly org update', 'regional branch closure', 're-hires'],
    );
    const external = fixture.rules.filter((r) => r.licence === 'external');
    assert.deepEqual(
      external.map((r) => [r.profile, r.account]),
      [['Customer Community Plus User', 'Pinnacle Branch Partners']],
    );
  });
});

describe('the simulator as a separate process, driven through the control API', () => {
  let sim: SpawnedSimulator;
  before(async () => {
    sim = await spawnGraphSimulator({ tenantFile: PINNACLE });
  });
  after(() => sim.stop());

  const token = async (): Promise<string> => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    const response = await fetch(`${sim.url}/${sim.credentials.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form,
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const round = async (
    first: string,
    bearer: string,
  ): Promise<{ items: Record<string, unknown>[]; pages: number; deltaLink: string }> => {
    const items: Record<string, unknown>[] = [];
    let link: string | undefined = first;
    let pages = 0;
    let deltaLink = '';
    while (link) {
      const response = await fetch(link.replace('https://graph.microsoft.com', sim.url), {
        headers: { Authorization: `Bearer ${bearer}` },
      });
      const page = (await response.json()) as Record<string, unknown>;
      pages++;
      items.push(...(page.value as Record<string, unknown>[]));
      link = page['@odata.nextLink'] as string | undefined;
      deltaLink = (page['@odata.deltaLink'] as string) ?? deltaLink;
    }
    return { items, pages, deltaLink };
  };

  it('serves 300 users in delta pages of 200 and reports the weekly update as a delta', async () => {
    const bearer = await token();
    const initial = await round(`${sim.url}/v1.0/users/delta?$select=id,accountEnabled,jobTitle`, bearer);
    assert.equal(initial.items.length, 300);
    assert.equal(initial.pages, 2);

    const applied = await sim.control.applyNextChangeSet();
    assert.deepEqual(applied, { applied: 'weekly org update', appliedChangeSets: 1 });
    const weekly = await round(initial.deltaLink, bearer);
    const removed = weekly.items.filter((i) => i['@removed']).map((i) => (i['@removed'] as { reason: string }).reason);
    assert.deepEqual(removed.sort(), ['changed', 'changed', 'deleted']);
    assert.equal(weekly.items.filter((i) => i.accountEnabled === false).length, 1, 'one disabled account');
    assert.equal(weekly.items.length, 14, '6 hires + 4 updated + 3 departures + 1 disabled');

    const state = await sim.control.state();
    assert.equal(state.users.filter((u) => u.state === 'active').length, 303);
    const stats = await sim.control.stats();
    assert.equal(stats.byRoute.usersDelta, 3);
  });
});
