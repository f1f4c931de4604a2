/**
 * Callouts — Apex Developer Guide, "Named Credentials as Callout Endpoints" (callout:Name/path), "Testing HTTP
 * Callouts" (tests can't call out without a mock: "Methods defined as TestMethod do not support Web service
 * callouts"), remote site settings for literal URLs, and the callout governor limit (100 per transaction).
 * Real HTTP is synchronous for the interpreter (worker thread + Atomics.wait); the server runs in a child process.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { OrgError } from './api.ts';
import { stopHttpWorker } from './httpSync.ts';
import { fixtureOrg } from './testSupport.ts';

let server: ChildProcess;
let baseUrl = '';

before(async () => {
  const source = `require('node:http').createServer((req, res) => { let b=''; req.on('data', c => b += c); req.on('end', () => {
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization || null, body: b })); }); })
    .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  server = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  baseUrl = `http://127.0.0.1:${port}`;
});

after(async () => {
  server.kill();
  await stopHttpWorker();
});

const get = (endpoint: string) => ({
  method: 'POST',
  endpoint,
  headers: { 'content-type': 'text/plain' },
  body: 'hello',
  timeoutMs: 5000,
});

test('callout:Name/path resolves to the configured base URL and sends a real request synchronously', () => {
  const org = fixtureOrg();
  org.setNamedCredentialEndpoint('Api', baseUrl);
  org.setNamedCredentialHeaders('Api', { Authorization: 'Bearer local' });
  org.beginTransaction({ async: true, test: false });
  const res = org.api.callout(get('callout:Api/v1.0/users?$top=2'));
  assert.equal(res.statusCode, 200);
  assert.deepEqual(JSON.parse(res.body), {
    method: 'POST',
    url: '/v1.0/users?$top=2',
    auth: 'Bearer local',
    body: 'hello',
  });
  assert.equal(org.api.limits().find((l) => l.name === 'Callouts')!.used, 1);
  org.rollback();
});

test('an unknown Named Credential and an unregistered literal URL fail with CalloutException', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: false });
  assert.throws(
    () => org.api.callout(get('callout:Nope/x')),
    (e: unknown) =>
      e instanceof OrgError && e.apexType === 'System.CalloutException' && /named credential "Nope"/.test(e.message),
  );
  assert.throws(
    () => org.api.callout(get(`${baseUrl}/x`)),
    (e: unknown) =>
      e instanceof OrgError &&
      e.message.startsWith('Unauthorized endpoint, please check Setup->Security->Remote site settings.'),
  );
  org.rollback();
});

test('an unmocked callout inside a test fails: "Methods defined as TestMethod do not support Web service callouts"', () => {
  const org = fixtureOrg();
  org.setNamedCredentialEndpoint('Api', baseUrl);
  org.beginTransaction({ async: false, test: true });
  assert.throws(
    () => org.api.callout(get('callout:Api/x')),
    (e: unknown) =>
      e instanceof OrgError && e.message === 'Methods defined as TestMethod do not support Web service callouts',
  );
  org.rollback();
});

test('a request slower than its timeout fails with CalloutException "Read timed out"', () => {
  const org = fixtureOrg();
  org.setNamedCredentialEndpoint('Api', baseUrl);
  org.beginTransaction({ async: true, test: false });
  assert.throws(
    () => org.api.callout({ ...get('callout:Api/slow'), timeoutMs: 300 }),
    (e: unknown) => e instanceof OrgError && e.apexType === 'System.CalloutException' && e.message === 'Read timed out',
  );
  org.rollback();
});

test('the 101st callout (mocked or real) raises "Too many callouts: 101"', () => {
  const org = fixtureOrg();
  org.beginTransaction({ async: true, test: true });
  for (let i = 0; i < 100; i++) org.api.countMockCallout(get('callout:Api/x'));
  assert.throws(
    () => org.api.countMockCallout(get('callout:Api/x')),
    (e: unknown) =>
      e instanceof OrgError && e.apexType === 'System.LimitException' && e.message === 'Too many callouts: 101',
  );
  org.rollback();
});
