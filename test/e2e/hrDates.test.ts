/**
 * HR dates end to end (issue 13): the package's real Apex on the local org, syncing from the Graph simulator loaded
 * with packages/dev-env/scenarios/hr-dates.tenant.json, while the org's virtual clock moves.
 *
 * Entra's facts (user resource, https://learn.microsoft.com/graph/api/resources/user): `employeeHireDate` is "the
 * date and time when the user was hired or will start work in a future hire"; `employeeLeaveDateTime` "when the user
 * left or will leave the organization", readable only with User-LifeCycleInfo.Read.All (without it the simulator
 * answers 403 Authorization_RequestDenied: packages/dev-env/graph/README.md).
 *
 * The tenant, at the local run's start (Monday 2026-12-07 09:00 UTC): Ben (internal) and Cara (Service Desk, Unified
 * Employee) start on Thursday 2026-12-10 08:00; Dan (Service Desk) and Eve leave on Wednesday 2026-12-09 17:00 with
 * their accounts still enabled.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { LOCAL_RUN_START, LocalRun, PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';

const exec = promisify(execFile);
const SCENARIOS = path.join(PROJECT_DIR, 'packages/dev-env/scenarios');
const TENANT = path.join(SCENARIOS, 'hr-dates.tenant.json');
const ID = (n: number): string => `6d2e8b3f-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const [AVA, BEN, CARA, DAN, EVE, FINN, GINA] = [1, 2, 3, 4, 5, 6, 7].map(ID);
const OPERATIONS = '7a3c9e21-2222-4d3e-8f90-000000000001';
const JOINERS_START = '2026-12-10T08:00:00Z';
const GINA_STARTS = '2026-12-14T08:00:00Z';
const LEAVE_NOTICE = 'ENTRASYNC_LEAVE_DATES_UNREADABLE';
const DAY = 24 * 60 * 60 * 1000;

const isOff = (u: UserReport): boolean => !u.IsActive || u.IsFrozen;
const sameInstant = (actual: string | null | undefined, expected: string): boolean =>
  typeof actual === 'string' && Date.parse(actual) === Date.parse(expected);
const finished = (status: string): boolean => status === 'Completed';

describe(
  'HR dates: future joiners, dated leavers, re-hires, and an app without the lifecycle permission',
  { timeout: 600_000 },
  () => {
    let run: LocalRun;
    before(async () => {
      run = await LocalRun.start({ tenantFile: TENANT });
    });
    after(() => run?.stop());

    const user = (id: string): UserReport => {
      const found = run.users().find((u) => u.EntraSyncObjectId__c === id);
      assert.ok(found, `a Salesforce user linked to ${id}`);
      return found;
    };

    it('starts the org clock at the documented fixed time', () => {
      const drift = run.now().getTime() - Date.parse(LOCAL_RUN_START);
      assert.ok(drift >= 0 && drift < 10 * 60 * 1000, `virtual now ${run.now().toISOString()} is LOCAL_RUN_START`);
    });

    it('before the hire date: future joiners exist inactive; a UEL joiner has a Person Account and an Inactive Employee2', async () => {
      const outcome = await run.scheduleAndRunFirst();
      assert.ok(
        finished(outcome.run.status),
        `${outcome.run.status} ${outcome.run.errorCode}: ${outcome.run.errorMessage}`,
      );
      assert.deepEqual(run.errors(), []);
      assert.equal(user(AVA).IsActive, true, 'hired years ago');
      assert.equal(user(FINN).IsActive, true, 'no hire date: nothing to wait for');
      const ben = user(BEN);
      assert.equal(ben.IsActive, false, 'Ben starts on Thursday: created, inactive');
      const cara = user(CARA);
      assert.equal(cara.LicenceKind, 'UnifiedEmployee');
      assert.equal(cara.IsActive, false, 'Cara starts on Thursday');
      assert.ok(cara.PersonAccountId, 'the Person Account exists ahead of the start');
      // Inactive from now on (StatusStartDate: when the current status began, not after the hire date); the Active
      // status then starts on the hire date (next test)
      assert.equal(cara.Employee?.EmployeeStatus, 'Inactive');
      const inactiveSince = Date.parse(String(cara.Employee?.StatusStartDate));
      assert.ok(
        inactiveSince <= Date.parse(JOINERS_START),
        `Inactive since ${cara.Employee?.StatusStartDate}, on or before the hire date`,
      );
      assert.ok(!isOff(user(DAN)) && !isOff(user(EVE)), 'the leavers are still on before their leave date');
      assert.equal(user(DAN).Employee?.EmployeeStatus, 'Active');
    });

    it('an update keeps a Unified Employee chain in step: the same Person Account takes the new name and e-mail', async () => {
      const before = user(DAN);
      assert.ok(before.PersonAccountId && before.Employee);
      await run.simulator.control.applyOps([
        { op: 'updateUser', id: DAN, set: { surname: 'Murphy-Hale', mail: 'dan.murphyhale@harborhr.example' } },
      ]);
      const outcome = await run.runScheduled();
      assert.ok(
        finished(outcome.run.status),
        `${outcome.run.status} ${outcome.run.errorCode}: ${outcome.run.errorMessage}`,
      );
      const dan = user(DAN);
      assert.equal(dan.LastName, 'Murphy-Hale', 'the user follows Entra');
      assert.equal(dan.PersonAccountId, before.PersonAccountId, 'the same Person Account');
      assert.deepEqual(dan.Employee, before.Employee, 'the same Employee2 record, still Active');
      const [account] = run.runtime.query(
        `SELECT LastName, PersonEmail FROM Account WHERE Id = '${String(dan.PersonAccountId)}'`,
      );
      assert.equal(account?.LastName, 'Murphy-Hale', "the Person Account's name follows the user");
      assert.equal(account?.PersonEmail, 'dan.murphyhale@harborhr.example', 'and its e-mail');
    });

    it('after the dates pass: the joiners are active, the dated leavers off although still enabled in Entra', async () => {
      const fired = await run.advanceClock(3 * DAY);
      assert.ok(fired, 'three days later the scheduled job has fired');
      assert.ok(finished(fired.run.status), `${fired.run.status} ${fired.run.errorCode}: ${fired.run.errorMessage}`);
      assert.equal(user(BEN).IsActive, true, 'Ben has started');
      const cara = user(CARA);
      assert.equal(cara.IsActive, true, 'Cara has started');
      assert.equal(cara.Employee?.EmployeeStatus, 'Active', 'Active, with StatusStartDate = the hire date');
      assert.ok(
        sameInstant(cara.Employee?.StatusStartDate, JOINERS_START),
        `StatusStartDate ${cara.Employee?.StatusStartDate}`,
      );

      const entra = await run.simulator.control.state();
      for (const id of [DAN, EVE])
        assert.equal(
          entra.users.find((u) => u.user.id === id)?.user.accountEnabled,
          true,
          `${id} is still enabled in Entra`,
        );
      const dan = user(DAN);
      assert.ok(isOff(dan), 'Dan has left: inactive or frozen');
      assert.equal(dan.Employee?.EmployeeStatus, 'Terminated', "Dan's Employee2 is Terminated");
      assert.ok(isOff(user(EVE)), 'Eve has left: inactive or frozen');
      assert.equal(user(AVA).IsActive, true);
      assert.deepEqual(run.errors(), []);
    });

    it('re-hire: a cleared leave date and a new hire date bring the leaver back, with the same Person Account', async () => {
      const personAccount = user(DAN).PersonAccountId;
      assert.ok(personAccount);
      await run.simulator.control.applyOps([
        { op: 'updateUser', id: DAN, set: { employeeLeaveDateTime: null, employeeHireDate: JOINERS_START } },
      ]);
      const outcome = await run.runScheduled();
      assert.ok(
        finished(outcome.run.status),
        `${outcome.run.status} ${outcome.run.errorCode}: ${outcome.run.errorMessage}`,
      );
      const dan = user(DAN);
      assert.equal(dan.IsActive, true);
      assert.equal(dan.IsFrozen, false);
      assert.equal(dan.Employee?.EmployeeStatus, 'Active');
      assert.equal(dan.PersonAccountId, personAccount, 'the same Person Account');
      assert.ok(isOff(user(EVE)), 'Eve stays gone');
    });

    it('without User-LifeCycleInfo.Read.All the run completes, hire dates still apply, and the run carries a notice', async () => {
      await run.simulator.control.setAppPermissions(['User.Read.All', 'GroupMember.Read.All']);
      await run.simulator.control.applyOps([
        {
          op: 'addUser',
          user: {
            id: GINA,
            userPrincipalName: 'gina.park@harborhr.example',
            mail: 'gina.park@harborhr.example',
            mailNickname: 'gina.park',
            displayName: 'Gina Park',
            givenName: 'Gina',
            surname: 'Park',
            accountEnabled: true,
            employeeHireDate: GINA_STARTS,
          },
        },
        { op: 'addMember', group: OPERATIONS, member: GINA },
      ]);
      const outcome = await run.runScheduled();
      assert.ok(
        finished(outcome.run.status),
        `${outcome.run.status} ${outcome.run.errorCode}: ${outcome.run.errorMessage}`,
      );
      assert.ok(
        outcome.run.notices.some((line) => line.startsWith(LEAVE_NOTICE)),
        `a ${LEAVE_NOTICE} notice on the run (notices: ${JSON.stringify(outcome.run.notices)})`,
      );
      assert.equal(user(GINA).IsActive, false, 'Gina starts next Monday: the hire date still applies');
      assert.equal(user(BEN).IsActive, true, 'nobody else changes');
      assert.equal(user(DAN).IsActive, true);
    });

    it('the bundled scenario (scenarios/hr-dates.scenario.json) tells the same story through npm run scenario', async () => {
      const { stdout } = await exec(
        process.execPath,
        [
          '--import',
          'tsx',
          'packages/dev-env/cli/scenario.ts',
          path.join(SCENARIOS, 'hr-dates.scenario.json'),
          '--json',
        ],
        { cwd: PROJECT_DIR, maxBuffer: 32 * 1024 * 1024 },
      );
      const output = JSON.parse(stdout) as {
        steps: {
          kind: string;
          outcome: string;
          status?: string;
          notices?: string[];
          detail?: Record<string, unknown>;
        }[];
        users: UserReport[];
      };
      assert.deepEqual(
        output.steps.map((s) => s.outcome),
        output.steps.map(() => 'done'),
      );
      const clock = output.steps.find((s) => s.kind === 'advanceClock')!;
      assert.equal(
        clock.detail?.now !== undefined && Date.parse(String(clock.detail.now)) >= Date.parse('2026-12-10T09:00:00Z'),
        true,
      );
      assert.ok(clock.status && finished(clock.status), 'the scheduled job fired as the clock passed its time');
      const last = output.steps.at(-1)!;
      assert.ok(
        last.notices?.some((line) => line.startsWith(LEAVE_NOTICE)),
        JSON.stringify(last.notices),
      );
      const byId = (id: string) => output.users.find((u) => u.EntraSyncObjectId__c === id)!;
      assert.equal(byId(BEN).IsActive, true);
      assert.equal(byId(CARA).Employee?.EmployeeStatus, 'Active');
      assert.equal(byId(DAN).IsActive, true, 're-hired');
      assert.ok(isOff(byId(EVE)));
      assert.equal(byId(GINA).IsActive, false);
    });
  },
);
