import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startUiServer, type OrgBridge, type UiServer } from './server.ts';

describe('local admin page server', () => {
  let server: UiServer;
  const calls: unknown[][] = [];
  let queued = 2;
  const org: OrgBridge = {
    invokeAuraEnabled: async (className, method, params) => {
      calls.push([className, method, params]);
      if (method === 'fails') throw new Error('ENTRASYNC_ADMIN_FAILED: nope');
      return { started: true };
    },
    linkedUsers: async () => [{ Id: '005x', Username: 'a@b.c', IsActive: true }],
    pendingJobs: () => queued,
    runNextJob: async () => (queued > 0 ? (queued--, true) : false),
  };
  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'local-ui-'));
    const bundleFile = path.join(dir, 'app.js');
    writeFileSync(bundleFile, 'console.log("bundle")');
    server = await startUiServer({
      bundleFile,
      org,
      tenant: {
        summary: async () => ({ displayName: 'Pinnacle' }),
        applyNextChangeSet: async () => ({ applied: 'weekly org update' }),
      },
    });
  });
  after(() => server.close());

  const post = (pathname: string, body?: unknown): Promise<Response> =>
    fetch(server.url + pathname, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

  it('serves the page, the bundle and the SLDS stylesheet', async () => {
    const page = await (await fetch(server.url + '/')).text();
    assert.match(page, /<script src="\/assets\/app\.js"><\/script>/);
    assert.equal(await (await fetch(server.url + '/assets/app.js')).text(), 'console.log("bundle")');
    const css = await fetch(server.url + '/assets/slds/styles/salesforce-lightning-design-system.min.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css');
  });

  it('bridges /api/apex to the org and reports Apex errors as { ok: false, error: { message } }', async () => {
    const good = (await (
      await post('/api/apex', { className: 'EntraSyncAdminController', method: 'runNow', params: { dryRun: false } })
    ).json()) as unknown;
    assert.deepEqual(good, { ok: true, value: { started: true } });
    assert.deepEqual(calls[0], ['EntraSyncAdminController', 'runNow', { dryRun: false }]);
    const bad = (await (
      await post('/api/apex', { className: 'EntraSyncAdminController', method: 'fails' })
    ).json()) as { ok: boolean; error: { message: string } };
    assert.equal(bad.ok, false);
    assert.match(bad.error.message, /ENTRASYNC_ADMIN_FAILED/);
  });

  it('runs queued async jobs in the background after an Apex call', async () => {
    await post('/api/apex', { className: 'EntraSyncAdminController', method: 'runNow' });
    for (let i = 0; i < 20 && queued > 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(queued, 0);
  });

  it('answers the local panels: tenant, change sets and users', async () => {
    assert.deepEqual(await (await fetch(server.url + '/api/local/tenant')).json(), {
      ok: true,
      value: { displayName: 'Pinnacle' },
    });
    assert.deepEqual(await (await post('/api/local/change-sets/next')).json(), {
      ok: true,
      value: { applied: 'weekly org update' },
    });
    const users = (await (await fetch(server.url + '/api/local/users')).json()) as { value: unknown[] };
    assert.equal(users.value.length, 1);
  });

  it('refuses paths outside the SLDS assets', async () => {
    const response = await fetch(server.url + '/assets/slds/..%2F..%2F..%2Fpackage.json');
    assert.notEqual(response.status, 200);
  });
});
