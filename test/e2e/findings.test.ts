/**
 * One scenario per finding of the sync-safety review (test/scenarios/*.json, run by `npm run scenario`): each failed
 * before the fix and passes now. The tenant (test/scenarios/findings-tenant.json) has rule groups Sales, Support and
 * Field Staff; OnDisable is Freeze, OnRemove Deactivate.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';

const run = promisify(execFile);
const ID = (n: number) => `5c3a0d10-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GINA] = [1, 2, 3, 4, 5, 6, 7].map(ID);

interface ScenarioUser {
  EntraSyncObjectId__c: string;
  Username: string;
  IsActive: boolean;
  IsFrozen: boolean;
  PermissionSets: string[];
  [field: string]: unknown;
}
interface ScenarioStep {
  run?: string;
  status?: string;
  counters?: Record<string, number>;
  [key: string]: unknown;
}
interface ScenarioOutput {
  steps: ScenarioStep[];
  users: ScenarioUser[];
  errors: { entraObjectId: string; code: string | null; message: string | null }[];
}

async function scenario(name: string): Promise<ScenarioOutput> {
  const file = path.join(PROJECT_DIR, 'test', 'scenarios', `${name}.json`);
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'packages/dev-env/cli/scenario.ts', file, '--json'],
    { cwd: PROJECT_DIR, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as ScenarioOutput;
}

function user(output: ScenarioOutput, id: string): ScenarioUser {
  const found = output.users.find((u) => u.EntraSyncObjectId__c === id);
  assert.ok(found, `a Salesforce user linked to ${id}`);
  return found;
}

const isOff = (u: ScenarioUser) => !u.IsActive || u.IsFrozen;
const runs = (output: ScenarioOutput) => output.steps.filter((s) => typeof s.status === 'string');

describe('the sync-safety findings, each as a scenario', { timeout: 900_000 }, () => {
  it('1: a disabled account stays off when a later delta brings only a group change', async () => {
    const out = await scenario('01-disabled-then-group-change');
    assert.ok(isOff(user(out, BOB)), 'bob, disabled then added to Support, stays frozen');
    assert.ok(isOff(user(out, ALICE)), 'alice, disabled then removed from one of two groups, stays frozen');
  });

  it('2: members of a deleted rule group fall out of scope', async () => {
    const out = await scenario('02-deleted-rule-group');
    assert.ok(isOff(user(out, CAROL)), 'carol was only in the deleted Support group');
    assert.ok(isOff(user(out, FRANK)), 'frank was only in the deleted Support group');
    assert.ok(!isOff(user(out, ALICE)), 'alice is still in Sales');
  });

  it('3: a reconcile run repairs membership the store got wrong', async () => {
    const out = await scenario('03-group-state-heals');
    assert.ok(isOff(user(out, ERIN)), 'erin left Sales; the stale membership row and her reactivation are repaired');
  });

  it('4: adding a mapping fills the new field and blanks nothing', async () => {
    const out = await scenario('04-new-mapping-keeps-data');
    assert.equal(user(out, ALICE).Title, 'Head of Accounts');
    assert.equal(user(out, ALICE).Division, 'Leeds', 'the new mapping reaches a changed user');
    assert.equal(user(out, BOB).Division, 'Leeds', 'the new mapping reaches every user (a full read)');
    assert.equal(user(out, BOB).Title, 'Sales Rep', 'no field is blanked');
  });

  it('5: expired delta tokens answered with 4xx codes restart the read instead of failing every run', async () => {
    const out = await scenario('05-expired-tokens');
    for (const step of runs(out)) assert.match(String(step.status), /^Completed/, JSON.stringify(step));
    assert.equal(user(out, CAROL).Title, 'Senior Support Agent');
  });

  it('6: throttling on every second request and a Retry-After beyond the queue maximum still complete', async () => {
    const out = await scenario('06-throttling');
    for (const step of runs(out)) assert.match(String(step.status), /^Completed/, JSON.stringify(step));
    assert.equal(
      user(out, BOB).Title,
      'Senior Sales Rep',
      'the run throttled on every second page applied its changes',
    );
    assert.equal(user(out, CAROL).Title, 'Support Lead', 'the run told to wait 15 minutes applied its changes');
  });

  it('7: case-only changes reach Salesforce', async () => {
    const out = await scenario('07-case-only-changes');
    assert.equal(user(out, FRANK).LastName, 'McDonald');
    assert.equal(user(out, FRANK).FederationIdentifier, 'Frank@findings.example');
  });

  it('8: people in a group nested under a rule group are in scope, and leave with it', async () => {
    const out = await scenario('08-nested-groups');
    const dave = user(out, DAVE);
    assert.ok(isOff(dave), 'dave left Field North, the nested group, so is out of scope again');
    const created = runs(out)[1];
    assert.equal(created?.counters?.created, 1, 'dave was created through the nested group');
  });

  it('9: values that do not fit never block a person', async () => {
    const out = await scenario('09-values-that-do-not-fit');
    const bob = user(out, BOB);
    assert.equal(String(bob.Title).length <= 80, true, 'the overlong title is truncated to the field length');
    assert.ok(String(bob.Title).startsWith('Regional Sales Representative'));
    const erin = user(out, ERIN);
    assert.ok(!isOff(erin), 'erin is created although another user has her nickname');
    assert.notEqual(erin.CommunityNickname, 'erin');
  });

  it('10: a held run holds only the deactivations; joiners and updates flow; approval applies the rest', async () => {
    const out = await scenario('10-held-run-holds-only-deactivations');
    const [, held, whileHeld] = runs(out);
    assert.equal(held?.status, 'AwaitingApproval', 'two leavers trip the guard (GuardMaxCount 1)');
    assert.equal(held?.counters?.created, 1, 'gina, a joiner in the held run, is created at once');
    assert.match(String(whileHeld?.status), /^Completed|^AwaitingApproval/, 'a later run is not skipped');
    assert.equal(whileHeld?.counters?.updated, 1, 'alice is updated while removals wait');
    assert.ok(!isOff(user(out, GINA)), 'gina has access');
    assert.equal(user(out, ALICE).Title, 'Sales Director');
    assert.ok(isOff(user(out, BOB)) && isOff(user(out, CAROL)), 'approved removals are applied');
    assert.ok(isOff(user(out, ERIN)), 'a leaver of a later run joined the pending set and is off after approval');
  });

  it('10b: rejected removals are not held again on every run', async () => {
    const out = await scenario('11-rejected-removals-are-not-held-again');
    const last = runs(out).at(-1)!;
    assert.notEqual(last.status, 'AwaitingApproval', 'the same removals are not held again');
  });
});
