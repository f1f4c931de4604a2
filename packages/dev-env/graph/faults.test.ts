import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startGraphSimulator, type GraphSimulator } from './server.ts';
import { fetchToken, graphGet, readRound } from './simulatorTestClient.ts';
import { smallTenant } from './testTenant.ts';

describe('faults on request', () => {
  let sim: GraphSimulator;
  let token: string;
  const start = async (): Promise<void> => {
    sim = await startGraphSimulator({ fixture: smallTenant(6), pageSize: 2 });
    token = (await fetchToken(sim)).json.access_token as string;
  };
  afterEach(() => sim.close());

  it('answers every Nth request with 429 and Retry-After (learn.microsoft.com/graph/throttling), up to the limit', async () => {
    await start();
    sim.faults.configure({ throttle: { every: 2, retryAfterSeconds: 3, limit: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await graphGet(sim, '/v1.0/organization', token);
      statuses.push(response.status);
      if (response.status === 429) {
        assert.equal(response.headers.get('retry-after'), '3');
        assert.equal((response.json.error as { code: string }).code, 'TooManyRequests');
      }
    }
    assert.deepEqual(statuses, [200, 429, 200, 200]);
  });

  it('answers 503 ServiceUnavailable at its rate', async () => {
    await start();
    sim.faults.configure({ unavailable: { every: 1, limit: 1 } });
    assert.equal((await graphGet(sim, '/v1.0/organization', token)).status, 503);
    assert.equal((await graphGet(sim, '/v1.0/organization', token)).status, 200);
  });

  it('sends a truncated JSON body as a malformed response', async () => {
    await start();
    sim.faults.configure({ malformed: { every: 1, limit: 1 } });
    const response = await graphGet(sim, '/v1.0/users/delta', token);
    assert.equal(response.status, 200);
    assert.throws(() => JSON.parse(response.text));
  });

  it('replays pages: a nextLink serves the same page again once, and the round still ends with every user', async () => {
    await start();
    sim.faults.configure({ replayPages: { every: 1, limit: 1 } });
    const round = await readRound(sim, '/v1.0/users/delta?$select=id,accountEnabled', token);
    assert.equal(round.pages, 4, '3 pages + 1 replayed');
    assert.equal(round.items.length, 8, 'the first page arrives twice');
    assert.equal(new Set(round.items.map((i) => i.id)).size, 6);
    assert.equal(sim.faults.injected.replayPages, 1);
  });

  it('throttles a fraction of requests (0.5 = every 2nd) with a Retry-After above 600 s', async () => {
    await start();
    sim.faults.configure({ throttle: { fraction: 0.5, retryAfterSeconds: 900 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await graphGet(sim, '/v1.0/organization', token);
      statuses.push(response.status);
      if (response.status === 429) assert.equal(response.headers.get('retry-after'), '900');
    }
    assert.deepEqual(statuses, [200, 429, 200, 429, 200, 429]);
    sim.faults.configure({ throttle: { fraction: 0.25, retryAfterSeconds: 1 } });
    const quarter: number[] = [];
    for (let i = 0; i < 8; i++) quarter.push((await graphGet(sim, '/v1.0/organization', token)).status);
    assert.equal(quarter.filter((s) => s === 429).length, 2);
  });

  it('refuses a delta token with a documented 4xx: resyncRequired / syncStateNotFound (deltaTokenRejected)', async () => {
    await start();
    const initial = await readRound(sim, '/v1.0/users/delta?$select=id,accountEnabled', token);
    sim.faults.configure({ deltaTokenRejected: { every: 1, limit: 1, status: 400, code: 'resyncRequired' } });
    const refused = await graphGet(sim, initial.deltaLink, token);
    assert.equal(refused.status, 400);
    assert.equal((refused.json.error as { code: string }).code, 'resyncRequired');
    assert.equal((await graphGet(sim, initial.deltaLink, token)).status, 200, 'limit 1: the next try is served');

    const groups = await readRound(sim, "/v1.0/groups/delta?$filter=id eq 'group-support'&$select=members", token);
    sim.faults.configure({ deltaTokenRejected: { every: 1, limit: 1 } });
    const gone = await graphGet(sim, groups.deltaLink, token);
    assert.equal(gone.status, 410);
    assert.equal((gone.json.error as { code: string }).code, 'syncStateNotFound');
    assert.match(gone.headers.get('location') ?? '', /\/v1\.0\/groups\/delta\?/);
    assert.equal(sim.faults.injected.deltaTokenRejected, 2, 'the stats count both');
  });

  it('varies delta page sizes (variablePageSizes), empty pages included, and still delivers every user once per round', async () => {
    await start();
    sim.faults.configure({ variablePageSizes: { sizes: [1, 0, 3] } });
    const round = await readRound(sim, '/v1.0/users/delta?$select=id,accountEnabled', token);
    assert.equal(round.items.length, 6);
    assert.equal(new Set(round.items.map((i) => i.id)).size, 6);
    assert.ok(round.pages >= 4, `pages of 1, 0, 3, 1, …: ${round.pages}`);
  });

  it('replays the closing page of a first users/delta round as the same page, not as a new full listing', async () => {
    await start();
    sim.faults.configure({ replayPages: { every: 3, limit: 1 } });
    const round = await readRound(sim, '/v1.0/users/delta?$select=id,accountEnabled', token);
    assert.equal(round.pages, 4, '3 pages, the 3rd (closing) one twice');
    sim.faults.configure({});
    const next = await readRound(sim, round.deltaLink, token);
    assert.deepEqual(next.items, [], 'the deltaLink does not restart the full listing');
  });

  it('rejects a fault plan with a bad rate', async () => {
    await start();
    assert.throws(() => sim.faults.configure({ throttle: { fraction: 1.5, retryAfterSeconds: 1 } }), /fraction/);
    assert.throws(
      () => sim.faults.configure({ throttle: { every: 2, fraction: 0.5, retryAfterSeconds: 1 } }),
      /exactly one of every/,
    );
    assert.throws(() => sim.faults.configure({ variablePageSizes: { sizes: [0] } }), /at least one size/);
    assert.throws(
      () => sim.faults.configure({ deltaTokenRejected: { every: 1, status: 500 as 400 } }),
      /status must be one of/,
    );
    assert.throws(() => sim.faults.configure({ flood: { every: 1 } } as never), /unknown fault 'flood'/);
  });

  it('rejects a fault plan with a bad rate', () => {
    return start().then(() =>
      assert.throws(
        () => sim.faults.configure({ throttle: { every: 0, retryAfterSeconds: 1 } }),
        /LOCAL_GRAPH_FAULT_INVALID/,
      ),
    );
  });
});
