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

  it('rejects a fault plan with a bad rate', () => {
    return start().then(() =>
      assert.throws(
        () => sim.faults.configure({ throttle: { every: 0, retryAfterSeconds: 1 } }),
        /LOCAL_GRAPH_FAULT_INVALID/,
      ),
    );
  });
});
