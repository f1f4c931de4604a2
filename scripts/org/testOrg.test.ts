import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { createContext } from './lib/context.ts';
import { fakeProcessRunner } from './lib/fakeProcess.ts';
import { fixtureProject } from './lib/fixtureProject.ts';
import { testOrg } from './testOrg.ts';

describe('npm run test:org', () => {
  const $$ = new TestContext({ setup: false });
  const project = fixtureProject({
    'force-app/main/sync/classes/EntraSyncScheduler.cls': 'public class EntraSyncScheduler {}',
    'force-app/tests/sync/classes/EntraSyncScheduler_Tests.cls':
      '@IsTest\nprivate class EntraSyncScheduler_Tests {\n  @IsTest\n  static void shouldEnqueue() {}\n}',
    'force-app/tests/shared/classes/EntraSyncGraphFake.cls': '@IsTest\npublic class EntraSyncGraphFake {}',
  });
  let org: MockTestOrgData;

  beforeEach(async () => {
    $$.init();
    org = new MockTestOrgData();
    await $$.stubAuths(org);
    await $$.stubConfig({ 'target-org': org.username });
  });
  afterEach(() => $$.restore());

  const result = (outcome: string) => ({
    summary: { outcome: outcome === 'Pass' ? 'Passed' : 'Failed' },
    tests: [
      { MethodName: 'shouldEnqueue', Outcome: outcome, ApexClass: { Name: 'EntraSyncScheduler_Tests' }, RunTime: 7 },
    ],
    coverage: { coverage: [{ name: 'EntraSyncScheduler', totalLines: 4, totalCovered: 4 }] },
  });

  it('runs the package test classes in the default org and prints the local report shape', async () => {
    const { runner, calls } = fakeProcessRunner({ 'apex run test': { status: 0, result: result('Pass') } });
    const log: string[] = [];
    const code = await testOrg(createContext({ projectDir: project.dir, argv: [], runner, log: (l) => log.push(l) }));
    assert.equal(code, 0);
    assert.ok(calls[0]?.args.includes('EntraSyncScheduler_Tests'));
    assert.ok(!calls[0]?.args.includes('EntraSyncScheduler'), 'non-test classes are not passed as test classes');
    assert.ok(!calls[0]?.args.includes('EntraSyncGraphFake'), 'test support classes without test methods are not run');
    assert.deepEqual(log.slice(1), [
      'PASS EntraSyncScheduler_Tests.shouldEnqueue (7 ms)',
      '',
      'Coverage',
      '  100%  EntraSyncScheduler (4/4)',
      '  100%  total (4/4)',
      '',
      '1 passed, 0 failed',
    ]);
  });

  it('exits 1 when a test fails (sf exits 100 with the result)', async () => {
    const { runner } = fakeProcessRunner({ 'apex run test': { status: 100, result: result('Fail') } });
    const log: string[] = [];
    const code = await testOrg(createContext({ projectDir: project.dir, argv: [], runner, log: (l) => log.push(l) }));
    assert.equal(code, 1);
    assert.equal(log.at(-1), '0 passed, 1 failed');
  });

  after(() => project.remove());
});
