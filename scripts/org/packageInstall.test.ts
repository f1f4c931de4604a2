import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { createContext } from './lib/context.ts';
import { fakeProcessRunner, flagValue } from './lib/fakeProcess.ts';
import { fixtureProject } from './lib/fixtureProject.ts';
import { installPackage } from './packageInstall.ts';

describe('npm run package:install', () => {
  const $$ = new TestContext({ setup: false });
  let org: MockTestOrgData;

  beforeEach(async () => {
    $$.init();
    org = new MockTestOrgData();
    await $$.stubAuths(org);
    $$.stubAliases({ customer: org.username });
  });
  afterEach(() => $$.restore());

  it('installs the newest recorded version into the named org', async () => {
    const project = fixtureProject(
      {},
      { EntraUserSync: '0Ho1', 'EntraUserSync@0.1.0-2': '04t2', 'EntraUserSync@0.1.0-10': '04t10' },
    );
    try {
      const { runner, calls } = fakeProcessRunner({ 'package install': { status: 0, result: { Status: 'SUCCESS' } } });
      const code = await installPackage(
        createContext({ projectDir: project.dir, argv: ['--target-org', 'customer'], runner, log: () => {} }),
      );
      assert.equal(code, 0);
      assert.equal(flagValue(calls[0]?.args ?? [], '--package'), 'EntraUserSync@0.1.0-10');
      assert.equal(flagValue(calls[0]?.args ?? [], '--target-org'), org.username);
    } finally {
      project.remove();
    }
  });

  it('says to run package:version first when no version is recorded', async () => {
    const project = fixtureProject();
    try {
      const { runner } = fakeProcessRunner({});
      await assert.rejects(
        installPackage(createContext({ projectDir: project.dir, argv: ['-o', 'customer'], runner, log: () => {} })),
        /ENTRASYNC_NO_PACKAGE_VERSION: .*Run npm run package:version first/,
      );
    } finally {
      project.remove();
    }
  });
});
