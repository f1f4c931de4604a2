import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { deploy, deploySourceDirs, realAssignmentFailures } from './deploy.ts';
import { createContext } from './lib/context.ts';
import { fakeProcessRunner, flagValue, sfCommandOf } from './lib/fakeProcess.ts';
import { fixtureProject } from './lib/fixtureProject.ts';

describe('npm run deploy', () => {
  const $$ = new TestContext({ setup: false });
  const project = fixtureProject({ 'unpackaged/classes/.keep': '' });
  let org: MockTestOrgData;

  beforeEach(async () => {
    $$.init();
    org = new MockTestOrgData();
    await $$.stubAuths(org);
    $$.stubAliases({ scratch: org.username });
  });
  afterEach(() => $$.restore());

  it('builds, deploys force-app + unpackaged, then assigns EntraSyncAdmin to the org user', async () => {
    const { runner, calls } = fakeProcessRunner({
      'project deploy start': { status: 0, result: { status: 'Succeeded', numberComponentsDeployed: 42 } },
      'org assign permset': {
        status: 0,
        result: { successes: [{ name: org.username, value: 'EntraSyncAdmin' }], failures: [] },
      },
    });
    const log: string[] = [];
    const code = await deploy(
      createContext({ projectDir: project.dir, argv: ['--target-org', 'scratch'], runner, log: (l) => log.push(l) }),
    );

    assert.equal(code, 0);
    assert.deepEqual(
      calls.map((call) => (call.command === 'npm' ? 'npm run build' : sfCommandOf(call))),
      ['npm run build', 'project deploy start', 'org assign permset'],
    );
    assert.deepEqual(
      calls[1]?.args.filter((_, i, all) => all[i - 1] === '--source-dir'),
      ['force-app', 'unpackaged'],
    );
    assert.equal(flagValue(calls[1]?.args ?? [], '--target-org'), org.username);
    assert.equal(flagValue(calls[2]?.args ?? [], '--name'), 'EntraSyncAdmin');
    assert.ok(log.some((line) => line.includes('42 components')));
  });

  it('fails with ENTRASYNC_NO_ORG before building or calling sf when no org is authorised', async () => {
    const { runner, calls } = fakeProcessRunner({});
    await assert.rejects(
      deploy(createContext({ projectDir: project.dir, argv: [], runner, log: () => {} })),
      /ENTRASYNC_NO_ORG/,
    );
    assert.equal(calls.length, 0);
  });

  it('stops after a failed build without deploying', async () => {
    const { runner, calls } = fakeProcessRunner({}, 2);
    await assert.rejects(
      deploy(createContext({ projectDir: project.dir, argv: ['-o', 'scratch'], runner, log: () => {} })),
      /ENTRASYNC_BUILD_FAILED: npm run build exited with 2/,
    );
    assert.equal(calls.length, 1);
  });

  it('names every component the org rejected, with file and line, and does not assign the permission set', async () => {
    const { runner, calls } = fakeProcessRunner({
      'project deploy start': {
        status: 1,
        name: 'FailedDeployError',
        message: 'Deploy failed.',
        result: {
          status: 'Failed',
          files: [
            {
              state: 'Failed',
              type: 'ApexClass',
              fullName: 'EntraSyncFoo',
              filePath: 'force-app/main/sync/classes/EntraSyncFoo.cls',
              lineNumber: 12,
              error: 'Variable does not exist: x',
            },
            { state: 'Created', type: 'ApexClass', fullName: 'EntraSyncBar' },
          ],
        },
      },
    });
    await assert.rejects(
      deploy(
        createContext({ projectDir: project.dir, argv: ['-o', 'scratch', '--skip-build'], runner, log: () => {} }),
      ),
      (error: Error) => {
        assert.equal(
          error.message,
          'ENTRASYNC_DEPLOY_FAILED: deploy Failed: Deploy failed.\n  ApexClass EntraSyncFoo (force-app/main/sync/classes/EntraSyncFoo.cls:12): Variable does not exist: x',
        );
        return true;
      },
    );
    assert.deepEqual(calls.map(sfCommandOf), ['project deploy start']);
  });

  it('treats "already assigned" as success but reports any other assignment failure', () => {
    assert.deepEqual(
      realAssignmentFailures({ failures: [{ name: 'u', message: 'Duplicate PermissionSetAssignment' }] }),
      [],
    );
    assert.deepEqual(realAssignmentFailures({ failures: [{ name: 'u', message: 'Permission set not found' }] }), [
      'u: Permission set not found',
    ]);
  });

  it('adds unpackaged/ only when it exists', () => {
    const dir = { path: 'force-app', unpackagedMetadata: { path: 'unpackaged' } };
    assert.deepEqual(
      deploySourceDirs(dir, '/p', () => false),
      ['force-app'],
    );
    assert.deepEqual(
      deploySourceDirs(dir, '/p', () => true),
      ['force-app', 'unpackaged'],
    );
  });

  after(() => project.remove());
});
