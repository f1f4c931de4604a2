/**
 * The four safety invariants of DESIGN.md §7, checked on generated histories (fast-check: seeded, shrunk): random
 * tenants, random Entra operations (disable/enable, soft/hard delete, restore, membership, nested groups, group
 * deletion, attribute and case changes, HR hire and leave dates a few days either side of the org's clock),
 * Salesforce-side drift, fault plans and the org's virtual clock moving on by days (the scheduled job firing on the
 * way), each run by the package's real Apex
 * on the local org against the Graph simulator, and judged against an independent model of Entra
 * (entraModel.ts) and of what Salesforce must then hold (salesforceOracle.ts):
 * - safety: after every completed run no Salesforce user is active and unfrozen whose Entra account is disabled,
 *   deleted or out of every rule's (transitive) scope, whose hire date is still ahead or whose leave date has passed
 *   (by the org's clock at the check);
 * - no loss: a run changes a mapped field only to the value Entra holds for it (never blanks or invents one);
 * - convergence: after a fault-free Reconcile run Salesforce equals the oracle's view of the final Entra state;
 * - idempotence: a second run with no Entra change writes nothing.
 * Right after a run an admin may also undo it or sync one user on demand (FollowUp in history.ts): safety must hold
 * after those too.
 *
 * PROPERTY_SEED replays a failure (the seed and the shrunk history are printed); PROPERTY_RUNS sets the number of
 * histories (200 in CI; `npm run bench -- --full` runs more).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { LocalRun, type SyncOutcome } from '../../packages/dev-env/localRun/localRun.ts';
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';
import { EntraModel } from './entraModel.ts';
import {
  DAY_MS,
  faultPlan,
  historyArbitrary,
  materialize,
  materializeStart,
  RULE_GROUPS,
  USER_IDS,
  type AbstractHistory,
  type FollowUp,
} from './history.ts';
import { MAPPED_FIELDS, SalesforceOracle, sameFieldValue, type OracleRule } from './salesforceOracle.ts';

const SEED = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SUFFIX = '.hist';
const RULES: OracleRule[] = [
  { group: RULE_GROUPS[0], priority: 50, profile: 'Standard User', permissionSets: ['HistoryToolsA'] },
  { group: RULE_GROUPS[1], priority: 40, profile: 'Standard User', permissionSets: ['HistoryToolsB'] },
];
const WRITE_COUNTERS = ['created', 'updated', 'deactivated', 'frozen', 'reactivated', 'adopted'];

function baseTenantFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-property-'));
  const file = path.join(dir, 'tenant.json');
  writeFileSync(
    file,
    JSON.stringify({
      tenant: { id: 'a1b2c3d4-0000-4000-8000-000000000001', displayName: 'History Co', domain: 'history.example' },
      users: [],
      groups: RULE_GROUPS.map((id, i) => ({ id, displayName: `Rule group ${i + 1}`, members: [] })),
      rules: RULES.map((r) => ({ ...r, licence: 'internal' })),
      settings: {
        UsernameSuffix__c: SUFFIX,
        OnDisable__c: 'Freeze',
        OnRemove__c: 'Deactivate',
        // the guard would hold mass removals for an admin; the invariants are about unattended runs
        GuardMaxCount__c: 100000,
        GuardMaxPercent__c: 100,
      },
      changeSets: [],
    }),
  );
  return file;
}

function baseModel(): EntraModel {
  const model = new EntraModel();
  RULE_GROUPS.forEach((id, i) =>
    model.groups.set(id, { id, displayName: `Rule group ${i + 1}`, members: new Set(), deleted: false }),
  );
  return model;
}

const isOff = (u: UserReport): boolean => !u.IsActive || u.IsFrozen;

/** `now`: the org's clock at the check (HR dates are judged against it). */
function checkSafety(users: UserReport[], model: EntraModel, oracle: SalesforceOracle, when: string, now: Date): void {
  for (const user of users) {
    const id = user.EntraSyncObjectId__c;
    if (!oracle.eligible(model, id, now) && !isOff(user))
      assert.fail(
        `safety after ${when}: ${user.Username} is active and unfrozen, but in Entra it is ` +
          oracle.describe(model, id, now),
      );
  }
}

function checkNoLoss(
  before: UserReport[],
  after: UserReport[],
  model: EntraModel,
  oracle: SalesforceOracle,
  when: string,
): void {
  const previous = new Map(before.map((u) => [u.EntraSyncObjectId__c, u]));
  for (const user of after) {
    const old = previous.get(user.EntraSyncObjectId__c);
    const entra = model.users.get(user.EntraSyncObjectId__c);
    if (!old || !entra || entra.state === 'hardDeleted') continue;
    const expected = oracle.fields(model, entra.id);
    for (const field of MAPPED_FIELDS) {
      if (sameFieldValue(field, old[field], user[field])) continue;
      if (!sameFieldValue(field, user[field], expected[field]))
        assert.fail(
          `no loss after ${when}: ${user.Username}.${field} changed from ${JSON.stringify(old[field])} to ` +
            `${JSON.stringify(user[field])}, but Entra holds ${JSON.stringify(expected[field])}`,
        );
    }
  }
}

function checkConvergence(users: UserReport[], model: EntraModel, oracle: SalesforceOracle, now: Date): void {
  const byId = new Map(users.map((u) => [u.EntraSyncObjectId__c, u]));
  const linked = oracle.expectedLinked();
  for (const user of users)
    assert.ok(linked.has(user.EntraSyncObjectId__c), `convergence: ${user.Username} should not have a Salesforce user`);
  for (const id of linked) {
    const user = byId.get(id);
    assert.ok(user, `convergence: Entra user ${id} should have a Salesforce user`);
    if (!oracle.eligible(model, id, now)) {
      assert.ok(
        isOff(user),
        `convergence: ${user.Username} should be inactive or frozen (${oracle.describe(model, id, now)})`,
      );
      continue;
    }
    assert.ok(
      !isOff(user),
      `convergence: ${user.Username} should be active and unfrozen (${oracle.describe(model, id, now)})`,
    );
    assert.deepEqual(
      user.PermissionSets,
      oracle.permissionSets(model, id),
      `convergence: ${user.Username} permission sets`,
    );
    const expected = oracle.fields(model, id);
    for (const field of MAPPED_FIELDS)
      assert.ok(
        sameFieldValue(field, user[field], expected[field]),
        `convergence: ${user.Username}.${field} is ${JSON.stringify(user[field])}, Entra holds ${JSON.stringify(expected[field])}`,
      );
  }
}

let local: LocalRun;

before(async () => {
  local = await LocalRun.start({ tenantFile: baseTenantFile() });
});

after(async () => {
  await local?.stop();
});

/**
 * Undo of the run just completed, or a one-user sync (issue 15), while Entra is as that run read it: neither may turn
 * on anyone Entra has off, a leaver (leave date passed) and a future joiner (hire date ahead) included (the undo skips
 * them with ENTRASYNC_UNDO_UNSAFE), and a one-user sync writes only what Entra holds. An undo may put back values
 * Entra no longer holds: that is what the admin asked for, so no-loss is not checked after it (the final reconcile
 * must still converge).
 */
function followUp(then: FollowUp, runId: string, model: EntraModel, oracle: SalesforceOracle, when: string): void {
  if (then.kind === 'none') return;
  const beforeFollowUp = local.users();
  const start =
    then.kind === 'undo'
      ? `EntraSyncRunService.undo('${runId}');`
      : `EntraSyncRunService.syncUser('${USER_IDS[then.user]}', false);`;
  local.runApex(start);
  const run = local.latestRun();
  assert.ok(run && run.id !== runId, `${when}, then ${then.kind}: no run was started`);
  if (!run.status.startsWith('Completed')) return;
  const afterFollowUp = local.users();
  const now = local.now();
  checkSafety(afterFollowUp, model, oracle, `${when}, then ${then.kind}`, now);
  if (then.kind === 'onDemand') {
    checkNoLoss(beforeFollowUp, afterFollowUp, model, oracle, `${when}, then onDemand`);
    // a one-user sync creates that user as a run would
    oracle.recordCompletedRun(model, now, [USER_IDS[then.user]]);
  }
}

/**
 * The checks after a run (a run step's, or the scheduled run a clock step fired): safety and no loss for a completed
 * run, then the oracle records what it linked, then the follow-up.
 */
function afterRun(
  outcome: SyncOutcome,
  beforeRun: UserReport[],
  then: FollowUp,
  model: EntraModel,
  oracle: SalesforceOracle,
  when: string,
): void {
  if (!outcome.run.status.startsWith('Completed')) return;
  const afterRun = local.users();
  const now = local.now();
  checkSafety(afterRun, model, oracle, when, now);
  checkNoLoss(beforeRun, afterRun, model, oracle, when);
  oracle.recordCompletedRun(model, now);
  followUp(then, outcome.run.id, model, oracle, when);
}

async function replay(history: AbstractHistory): Promise<void> {
  await local.reset();
  const control = local.simulator.control;
  const model = baseModel();
  const oracle = new SalesforceOracle(RULES, SUFFIX);
  await control.applyOps(materializeStart(history, model, local.now()) as never);

  const completed = (status: string) => status.startsWith('Completed');
  const first = await local.scheduleAndRunFirst();
  assert.ok(completed(first.run.status), `the first run ended ${first.run.status}: ${first.run.errorMessage ?? ''}`);
  checkSafety(local.users(), model, oracle, 'the first run', local.now());
  oracle.recordCompletedRun(model, local.now());

  for (const [index, step] of history.steps.entries()) {
    const when = `step ${index + 1} (${step.kind})`;
    if (step.kind === 'ops') {
      const now = local.now();
      const ops = step.ops.flatMap((op) => materialize(op, model, now));
      if (ops.length > 0) await control.applyOps(ops as never);
    } else if (step.kind === 'drift') {
      local.runApex(
        `List<User> users = [SELECT Id FROM User WHERE EntraSyncObjectId__c = '${USER_IDS[step.user]}'];` +
          ` for (User u : users) { u.Title = 'Edited by hand'; } update users;`,
      );
    } else if (step.kind === 'clock') {
      const beforeRun = local.users();
      const fired = await local.advanceClock(step.days * DAY_MS);
      if (fired)
        afterRun(fired, beforeRun, step.then, model, oracle, `${when}: ${step.days} days on, the scheduled run`);
    } else {
      const beforeRun = local.users();
      await control.setFaults(faultPlan(step.faults) as never);
      const outcome = step.trigger === 'reconcile' ? await local.runReconcile() : await local.runScheduled();
      await control.setFaults({});
      afterRun(outcome, beforeRun, step.then, model, oracle, when);
    }
  }

  const reconcile = await local.runReconcile();
  assert.ok(completed(reconcile.run.status), `the final reconcile ended ${reconcile.run.status}`);
  const converged = local.users();
  const now = local.now();
  checkSafety(converged, model, oracle, 'the final reconcile', now);
  oracle.recordCompletedRun(model, now);
  checkConvergence(converged, model, oracle, now);

  const again = await local.runScheduled();
  for (const counter of WRITE_COUNTERS)
    assert.equal(again.run.counters[counter], 0, `idempotence: a run with no Entra change ${counter} users`);
  assert.deepEqual(local.users(), converged, 'idempotence: a run with no Entra change changed Salesforce users');
}

test(`the safety invariants hold on ${RUNS} generated histories (seed ${SEED})`, { timeout: 3_600_000 }, async () => {
  console.log(`property: seed ${SEED}, ${RUNS} histories (replay with PROPERTY_SEED=${SEED})`);
  await fc.assert(
    fc.asyncProperty(historyArbitrary, (history) => replay(history)),
    { seed: SEED, numRuns: RUNS, verbose: 1, includeErrorInReport: true },
  );
});
