/**
 * Undo of a run, end to end on the local org against the Graph simulator (issue 15): a run that an admin regrets —
 * a provisioning rule switched off by mistake (its only members deactivated, another member's permission set
 * removed) while Entra changed that member's title and department — is undone after the rule is switched back on. The users the
 * run touched are then exactly as they were before it: fields, profile, active and frozen state, permission sets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalRun } from '../../packages/dev-env/localRun/localRun.ts';
import { applyRules } from '../../packages/dev-env/localRun/orgSetup.ts';
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';

const TENANT = fileURLToPath(new URL('../scenarios/findings-tenant.json', import.meta.url));
const ID = (n: number) => `5c3a0d10-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ALICE, CAROL, FRANK] = [ID(1), ID(3), ID(6)];
/** Support's rule (grants FindingsServiceConsole); carol and frank are only in Support, alice also in Sales. */
const SUPPORT_RULE = 'Local_Rule_1';

const byObjectId = (users: UserReport[]) =>
  new Map(users.map((u) => [u.EntraSyncObjectId__c, { ...u, PermissionSets: [...u.PermissionSets].sort() }]));

describe('undo a run', { timeout: 600_000 }, () => {
  let run: LocalRun;

  before(async () => {
    run = await LocalRun.start({ tenantFile: TENANT });
  });
  after(() => run?.stop());

  it('puts every user the run touched back as it was before the run', async () => {
    const first = await run.runManual();
    assert.equal(first.run.status, 'Completed', `the first sync completes: ${first.run.errorMessage}`);
    const beforeRun = byObjectId(run.users());

    // The regretted run: Support's rule switched off by mistake, while Entra changed alice.
    setRuleActive(run, SUPPORT_RULE, false);
    await run.simulator.control.applyOps([
      { op: 'updateUser', id: ALICE, set: { jobTitle: 'Head of Sales', department: 'Sales' } },
    ]);
    const regretted = await run.runReconcile();
    assert.equal(regretted.run.status, 'Completed', `the regretted run completes: ${regretted.run.errorMessage}`);
    const afterRun = byObjectId(run.users());
    assert.equal((afterRun.get(ALICE) as Record<string, unknown>).Title, 'Head of Sales', 'the run changed alice');
    assert.ok(!afterRun.get(ALICE)!.PermissionSets.includes('FindingsServiceConsole'), 'the run removed a grant');
    assert.equal(afterRun.get(CAROL)!.IsActive, false, 'the run deactivated carol');
    assert.equal(afterRun.get(FRANK)!.IsActive, false, 'the run deactivated frank');

    // The admin switches the rule back on and undoes the run.
    setRuleActive(run, SUPPORT_RULE, true);
    run.runApex(`EntraSyncRunService.undo('${regretted.run.id}');`);
    const undo = run.latestRun()!;
    assert.equal(undo.trigger, 'Undo', 'the undo is a run of its own');
    assert.equal(undo.status, 'Completed', `the undo completes: ${undo.errorMessage}`);
    assert.equal(undo.counters.reactivated, 2, 'carol and frank are reactivated');
    assert.equal(undo.counters.updated, 1, 'alice is put back');

    const afterUndo = byObjectId(run.users());
    assert.deepEqual(
      [...afterUndo.keys()].sort(),
      [...beforeRun.keys()].sort(),
      'the same users are linked before the run and after the undo',
    );
    for (const [objectId, before] of beforeRun) {
      assert.deepEqual(afterUndo.get(objectId), before, `${before.Username} is as it was before the run`);
    }
  });

  it('undoing the same run again leaves alone every user changed since (the undo changed them)', async () => {
    const runs = run.runs();
    const regretted = runs.at(-2)!;
    run.runApex(`EntraSyncRunService.undo('${regretted.id}');`);
    const again = run.latestRun()!;
    assert.equal(again.trigger, 'Undo');
    assert.equal(again.counters.updated + again.counters.reactivated, 0, 'nothing is undone twice');
    const codes = run.runtime.query(`SELECT ErrorCode__c FROM EntraSyncChange__c WHERE Run__c = '${again.id}'`);
    assert.deepEqual(
      codes.map((e) => e.ErrorCode__c),
      ['ENTRASYNC_UNDO_CHANGED_SINCE', 'ENTRASYNC_UNDO_CHANGED_SINCE', 'ENTRASYNC_UNDO_CHANGED_SINCE'],
      'each of the three users is skipped with the stable code',
    );
  });
});

function setRuleActive(run: LocalRun, developerName: string, active: boolean): void {
  const index = Number(developerName.replace('Local_Rule_', '')) - 1;
  applyRules(run.org, run.rules, run.fixture);
  if (!active) {
    const rule = run.rules[index]!;
    run.org.upsertCustomMetadata('EntraSyncProvisioningRule__mdt', developerName, `Local rule ${index + 1}`, {
      GroupId__c: rule.group,
      Active__c: false,
    });
  }
}
