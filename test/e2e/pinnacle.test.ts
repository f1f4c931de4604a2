/**
 * End to end on the bundled Pinnacle tenant: the package's Apex on the local org syncs from the Graph simulator;
 * after the initial sync and after the "weekly org update" the Salesforce users are exactly what the oracle computes
 * from the fixture alone (test/oracle/expectedUsers.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareUsers } from '../oracle/compareUsers.ts';
import { expectedUsers } from '../oracle/expectedUsers.ts';
import { LocalRun } from '../../packages/dev-env/localRun/localRun.ts';

const PINNACLE = fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url));

describe('Pinnacle: initial sync and every change set', { timeout: 300_000 }, () => {
  let run: LocalRun;
  before(async () => {
    run = await LocalRun.start({ tenantFile: PINNACLE });
  });
  after(() => run?.stop());

  it('initial sync: the scheduled job creates exactly the in-scope users, with rules and mapped fields applied', async () => {
    const outcome = await run.scheduleAndRunFirst();
    assert.equal(outcome.run.status, 'Completed', `${outcome.run.errorCode}: ${outcome.run.errorMessage}`);
    assert.equal(outcome.run.mode, 'Full');
    assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 0)), []);
    assert.deepEqual(run.errors(), []);
    assert.equal(outcome.run.counters.created, 280);
    assert.equal(outcome.run.counters.skipped, 20, 'Human Resources has no rule');
  });

  it('weekly org update: hires, role changes, a group move, departures and a disabled account reach Salesforce', async () => {
    assert.equal((await run.applyNextChangeSet()).applied, 'weekly org update');
    const outcome = await run.runScheduled();
    assert.equal(outcome.run.status, 'Completed', `${outcome.run.errorCode}: ${outcome.run.errorMessage}`);
    assert.equal(outcome.run.mode, 'Incremental');
    assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 1)), []);
    assert.deepEqual(run.errors(), []);
    assert.equal(outcome.run.counters.created, 6);
    assert.equal(outcome.run.counters.deactivated, 3);
    assert.equal(outcome.run.counters.frozen, 1);
    const employees = run.users().filter((u) => u.LicenceKind === 'UnifiedEmployee');
    assert.equal(employees.length, 5, 'the five service-desk hires are Unified Employee users');
    for (const u of employees) {
      // the first desk hire is a future joiner (employeeHireDate 2026-12-11, after the local run's start): waiting
      const joiner = u.Username.startsWith('john.reyes@');
      assert.equal(u.Profile, 'Unified Employee', `${u.Username}: the rule names no profile`);
      assert.ok(u.PermissionSets.includes('ITSMPortalUelUser'), `${u.Username}: the employee permission set`);
      assert.ok(u.PersonAccountId, `${u.Username}: a Person Account`);
      assert.equal(u.IsActive, !joiner, `${u.Username}: active unless a future joiner`);
      assert.equal(u.Employee?.EmployeeStatus, joiner ? 'Inactive' : 'Active', `${u.Username}: the Employee2 status`);
      assert.ok(u.Employee?.StatusStartDate, `${u.Username}: with its start`);
    }
  });

  it('regional branch closure: the deactivation guard holds the run; after approval exactly the expected users', async () => {
    assert.equal((await run.applyNextChangeSet()).applied, 'regional branch closure');
    const held = await run.runScheduled();
    assert.equal(held.run.status, 'AwaitingApproval', '75 of 283 active linked users is above the 20 % guard');
    assert.equal(held.run.pendingDeactivations, 75);
    assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 1)), [], 'nothing applied while held');
    const approved = await run.approve(held.run.id);
    assert.equal(approved.run.status, 'Completed', `${approved.run.errorCode}: ${approved.run.errorMessage}`);
    assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 2)), []);
  });

  it('re-hires: a restored user is reactivated and the disabled account unfrozen; a service-desk employee leaves', async () => {
    assert.equal((await run.applyNextChangeSet()).applied, 're-hires');
    const outcome = await run.runScheduled();
    assert.equal(outcome.run.status, 'Completed', `${outcome.run.errorCode}: ${outcome.run.errorMessage}`);
    assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 3)), []);
    assert.deepEqual(run.errors(), []);
    const leavers = run.users().filter((u) => u.Employee?.EmployeeStatus === 'Terminated');
    assert.equal(leavers.length, 1, 'the leaver is Terminated');
    assert.equal(leavers[0]!.IsActive, false, 'and deactivated');
    assert.ok(leavers[0]!.Employee!.StatusEndDate, 'with the end date');
    assert.ok(leavers[0]!.PersonAccountId, 'the Person Account is kept');
  });

  it('an incremental run with no Entra changes changes nothing', async () => {
    const before = JSON.stringify(run.users());
    const outcome = await run.runScheduled();
    assert.equal(outcome.run.status, 'Completed');
    assert.equal(outcome.run.counters.created + outcome.run.counters.updated + outcome.run.counters.deactivated, 0);
    assert.equal(JSON.stringify(run.users()), before);
  });
});
