import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { createScratchOrg } from './create.ts';
import { createContext } from './lib/context.ts';
import { fakeProcessRunner, flagValue, sfCommandOf } from './lib/fakeProcess.ts';
import { fixtureProject } from './lib/fixtureProject.ts';

describe('npm run org:create', () => {
  const $$ = new TestContext({ setup: false });
  let org: MockTestOrgData;

  beforeEach(async () => {
    $$.init();
    org = new MockTestOrgData();
    org.makeDevHub();
    await $$.stubAuths(org);
    $$.stubAliases({ customer: org.username });
  });
  afterEach(() => $$.restore());

  it('creates a scratch org from the project definition file with the given Dev Hub', async () => {
    const project = fixtureProject();
    try {
      const { runner, calls } = fakeProcessRunner({
        'org create scratch': { status: 0, result: { username: 'test-x@example.com', orgId: '00Dx' } },
        'data create record': { status: 0, result: { id: '00E000000000001AAA', success: true } },
        'data update record': { status: 0, result: { id: '005000000000001AAA', success: true } },
      });
      const log: string[] = [];
      await createScratchOrg(
        createContext({
          projectDir: project.dir,
          argv: ['-v', 'customer', '--alias', 'mine'],
          runner,
          log: (l) => log.push(l),
        }),
      );
      assert.equal(sfCommandOf(calls[0]!), 'org create scratch');
      assert.equal(flagValue(calls[0]?.args ?? [], '--definition-file'), 'config/project-scratch-def.json');
      assert.equal(flagValue(calls[0]?.args ?? [], '--alias'), 'mine');
      assert.ok(log.some((line) => line.includes('test-x@example.com')));
      assert.deepEqual(calls.map(sfCommandOf), ['org create scratch', 'data create record', 'data update record']);
      assert.equal(flagValue(calls[1]?.args ?? [], '--sobject'), 'UserRole');
      assert.equal(flagValue(calls[2]?.args ?? [], '--values'), "UserRoleId='00E000000000001AAA'");
      assert.equal(flagValue(calls[2]?.args ?? [], '--where'), "Username='test-x@example.com'");
    } finally {
      project.remove();
    }
  });

  it('rejects unknown flags with ENTRASYNC_BAD_ARGS', async () => {
    await assert.rejects(
      createScratchOrg(createContext({ argv: ['--frobnicate'], runner: fakeProcessRunner({}).runner, log: () => {} })),
      /ENTRASYNC_BAD_ARGS/,
    );
  });
});
