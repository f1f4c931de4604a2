import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeProcessRunner } from './fakeProcess.ts';
import { createSfClient, parseSfOutput, sfEnvironment, sfExecutable, subcommandOf, withJsonFlag } from './sf.ts';

describe('sf client', () => {
  it('sets all four variables that keep sf from updating or phoning home (docs/TOOLCHAIN.md: SF_AUTOUPDATE_DISABLE alone is not enough)', () => {
    const env = sfEnvironment({ PATH: '/bin' });
    assert.deepEqual(
      [env.SF_DISABLE_AUTOUPDATE, env.SF_AUTOUPDATE_DISABLE, env.SF_DISABLE_TELEMETRY, env.SF_SKIP_NEW_VERSION_CHECK],
      ['true', 'true', 'true', 'true'],
    );
    assert.equal(env.PATH, '/bin');
  });

  it('prefers the pinned CLI in node_modules/.bin', () => {
    assert.equal(
      sfExecutable('/p', () => true),
      '/p/node_modules/.bin/sf',
    );
    assert.equal(
      sfExecutable('/p', () => false),
      'sf',
    );
  });

  it('adds --json exactly once', () => {
    assert.deepEqual(withJsonFlag(['org', 'list']), ['org', 'list', '--json']);
    assert.deepEqual(withJsonFlag(['org', 'list', '--json']), ['org', 'list', '--json']);
  });

  it('names the sub-command from the words before the first flag', () => {
    assert.equal(subcommandOf(['package', 'version', 'create', '--package', 'X']), 'package version create');
  });

  it('reads the JSON envelope even after warning lines', () => {
    const envelope = parseSfOutput<{ a: number }>('x', 'Warning: something\n{"status":0,"result":{"a":1}}', '');
    assert.deepEqual(envelope.result, { a: 1 });
  });

  it('reports a crash without JSON with ENTRASYNC_SF_NO_JSON and the tail of stderr', () => {
    assert.throws(
      () => parseSfOutput('org list', '', 'TypeError: bind\n  at undici'),
      /ENTRASYNC_SF_NO_JSON: "sf org list" printed no JSON answer\. TypeError: bind/,
    );
  });

  it('turns a failed command into ENTRASYNC_SF_FAILED with the CLI error name and message', async () => {
    const { runner } = fakeProcessRunner({
      'project deploy start': { status: 1, name: 'DeployFailed', message: 'Field Foo__c does not exist' },
    });
    const sf = createSfClient(runner, '/p', {});
    await assert.rejects(
      sf.run(['project', 'deploy', 'start']),
      /ENTRASYNC_SF_FAILED: "sf project deploy start" failed \(DeployFailed\): Field Foo__c does not exist/,
    );
  });

  it('returns the result of a non-zero exit when asked (apex run test exits 100 when a test fails)', async () => {
    const { runner, calls } = fakeProcessRunner({ 'apex run test': { status: 100, result: { tests: [] } } });
    const sf = createSfClient(runner, '/p', {});
    const envelope = await sf.run(['apex', 'run', 'test'], { acceptResultOnFailure: true });
    assert.equal(envelope.status, 100);
    assert.deepEqual(calls[0]?.args, ['apex', 'run', 'test', '--json']);
    assert.equal(calls[0]?.options.env?.SF_DISABLE_TELEMETRY, 'true');
  });
});
