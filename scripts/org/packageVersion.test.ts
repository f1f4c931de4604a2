import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { createContext } from './lib/context.ts';
import { fakeProcessRunner, sfCommandOf } from './lib/fakeProcess.ts';
import { fixtureProject } from './lib/fixtureProject.ts';
import { createPackageVersion } from './packageVersion.ts';

describe('npm run package:version', () => {
  const $$ = new TestContext({ setup: false });
  let hub: MockTestOrgData;

  beforeEach(async () => {
    $$.init();
    hub = new MockTestOrgData();
    hub.makeDevHub();
    await $$.stubAuths(hub);
    await $$.stubConfig({ 'target-dev-hub': hub.username });
  });
  afterEach(() => $$.restore());

  const aliasesOf = (dir: string): Record<string, string> =>
    (
      JSON.parse(readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8')) as {
        packageAliases: Record<string, string>;
      }
    ).packageAliases;

  it('creates the package on first use, builds, creates a version with coverage and records both aliases', async () => {
    const project = fixtureProject();
    try {
      const { runner, calls } = fakeProcessRunner({
        'package create': { status: 0, result: { Id: '0Ho000000000001AAA' } },
        'package version create': {
          status: 0,
          result: { Status: 'Success', SubscriberPackageVersionId: '04t000000000001AAA', VersionNumber: '0.1.0.1' },
        },
      });
      const code = await createPackageVersion(
        createContext({ projectDir: project.dir, argv: [], runner, log: () => {} }),
      );
      assert.equal(code, 0);
      assert.deepEqual(
        calls.map((c) => (c.command === 'npm' ? 'npm' : sfCommandOf(c))),
        ['package create', 'npm', 'package version create'],
      );
      assert.ok(calls[2]?.args.includes('--code-coverage'));
      assert.deepEqual(aliasesOf(project.dir), {
        EntraUserSync: '0Ho000000000001AAA',
        'EntraUserSync@0.1.0-1': '04t000000000001AAA',
      });
    } finally {
      project.remove();
    }
  });

  it('asks for the version number when the create result lacks it', async () => {
    const project = fixtureProject({}, { EntraUserSync: '0Ho000000000001AAA' });
    try {
      const { runner, calls } = fakeProcessRunner({
        'package version create': { status: 0, result: { Status: 'Success', SubscriberPackageVersionId: '04tB' } },
        'package version report': { status: 0, result: { Version: '0.1.0.7' } },
      });
      await createPackageVersion(
        createContext({ projectDir: project.dir, argv: ['--skip-build'], runner, log: () => {} }),
      );
      assert.deepEqual(calls.map(sfCommandOf), ['package version create', 'package version report']);
      assert.equal(aliasesOf(project.dir)['EntraUserSync@0.1.0-7'], '04tB');
    } finally {
      project.remove();
    }
  });

  it('records nothing when the version fails', async () => {
    const project = fixtureProject({}, { EntraUserSync: '0Ho000000000001AAA' });
    try {
      const { runner } = fakeProcessRunner({
        'package version create': { status: 0, result: { Status: 'Error', Error: ['Code coverage 60% < 75%'] } },
      });
      await assert.rejects(
        createPackageVersion(createContext({ projectDir: project.dir, argv: ['--skip-build'], runner, log: () => {} })),
        /ENTRASYNC_PACKAGE_VERSION_FAILED: version create ended with status Error: Code coverage 60% < 75%/,
      );
      assert.deepEqual(aliasesOf(project.dir), { EntraUserSync: '0Ho000000000001AAA' });
    } finally {
      project.remove();
    }
  });

  it('fails with ENTRASYNC_NO_DEVHUB when no Dev Hub is authorised, before calling sf', async () => {
    $$.restore();
    $$.init();
    const project = fixtureProject();
    try {
      const { runner, calls } = fakeProcessRunner({});
      await assert.rejects(
        createPackageVersion(createContext({ projectDir: project.dir, argv: [], runner, log: () => {} })),
        /ENTRASYNC_NO_DEVHUB: No Dev Hub is authorised\. Run sf org login web --set-default-dev-hub/,
      );
      assert.equal(calls.length, 0);
    } finally {
      project.remove();
    }
  });
});
