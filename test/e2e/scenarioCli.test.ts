/**
 * `npm run scenario -- FILE.json --json` end to end: a small scenario in the documented format
 * (packages/dev-env/scenarios/README.md) on the bundled six-person tenant — initial sync, a change set, ad-hoc ops,
 * a new field mapping, a Graph fault, a reconcile run — and the report of a step that cannot be carried out.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';

const exec = promisify(execFile);
const TINY = path.join(PROJECT_DIR, 'packages/dev-env/scenarios/tiny.tenant.json');
const user = (n: number): string => `5c1d7a2e-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const STAFF = '7e0b1f30-1111-4c2d-9e8f-000000000001';

interface ScenarioOutput {
  steps: {
    index: number;
    kind: string;
    outcome: 'done' | 'failed' | 'notRun';
    run?: string;
    trigger?: string;
    status?: string;
    counters?: Record<string, number>;
    detail?: Record<string, unknown>;
    error?: string;
  }[];
  users: { Username: string; IsActive: boolean; Title: string | null; Division?: string | null }[];
  errors: unknown[];
}

/** Writes the scenario next to a copy-free relative path to the tiny tenant and runs the CLI on it. */
async function runScenario(steps: unknown[]): Promise<{ code: number; output: ScenarioOutput; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-scenario-'));
  const file = path.join(dir, 'test.scenario.json');
  writeFileSync(file, JSON.stringify({ tenant: path.relative(dir, TINY), steps }));
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', 'packages/dev-env/cli/scenario.ts', file, '--json'],
      { cwd: PROJECT_DIR, maxBuffer: 32 * 1024 * 1024 },
    );
    return { code: 0, output: JSON.parse(stdout) as ScenarioOutput, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: JSON.parse(failure.stdout) as ScenarioOutput, stderr: failure.stderr };
  }
}

describe('npm run scenario', { timeout: 300_000 }, () => {
  it('plays runs, Entra changes, a mapping, a fault and a reconcile run, and prints { steps, users, errors }', async () => {
    const { code, output, stderr } = await runScenario([
      { run: 'scheduled' },
      { changeSet: 'next' },
      {
        ops: [
          {
            op: 'addUser',
            user: {
              id: user(7),
              userPrincipalName: 'gia.lopez@tinytraders.example',
              mail: 'gia.lopez@tinytraders.example',
              mailNickname: 'gia.lopez',
              displayName: 'Gia Lopez',
              givenName: 'Gia',
              surname: 'Lopez',
              accountEnabled: true,
              officeLocation: 'Denver Office',
            },
          },
          { op: 'addMember', group: STAFF, member: user(7) },
        ],
      },
      { mapping: { target: 'Division', source: 'officeLocation', applyOn: 'Always' } },
      { setting: { GuardMaxPercent__c: 100 } },
      { faults: { throttle: { fraction: 0.5, retryAfterSeconds: 120, limit: 1 } } },
      { run: 'scheduled' },
      { faults: {} },
      { run: 'reconcile' },
    ]);
    const steps = output.steps;
    assert.deepEqual(
      steps.map((s) => s.kind),
      ['run', 'changeSet', 'ops', 'mapping', 'setting', 'faults', 'run', 'faults', 'run'],
    );
    assert.equal(steps[0].status, 'Completed', JSON.stringify(steps[0]));
    assert.equal(steps[0].trigger, 'Scheduled');
    assert.equal(steps[0].run, 'RUN-000001');
    assert.ok((steps[0].counters?.created ?? 0) > 0);
    assert.equal(steps[1].detail?.applied, 'a promotion and a leaver');
    assert.deepEqual(steps[3].detail, { developerName: 'Local_Division', created: true });
    assert.equal(steps[6].status, 'Completed', JSON.stringify(steps[6]));
    // the reconcile step runs when the Apex has the entry point, and is reported as unsupported when it has not
    if (steps[8].outcome === 'failed') assert.match(steps[8].error ?? '', /^LOCAL_SCENARIO_UNSUPPORTED_STEP: /);
    else assert.equal(steps[8].trigger, 'Reconcile');
    assert.equal(code, steps[8].outcome === 'done' ? 0 : 1, stderr);

    const byName = new Map(output.users.map((u) => [u.Username.split('@')[0], u]));
    assert.equal(byName.get('ben.okafor')?.Title, 'Senior Account Executive', 'the change set reached Salesforce');
    assert.equal(byName.get('dev.patel')?.IsActive, false, 'the soft-deleted user is deactivated');
    assert.equal(byName.get('gia.lopez')?.IsActive, true, 'the ad-hoc hire is created');
    assert.equal(byName.get('gia.lopez')?.Division, 'Denver Office', 'the new mapping applies to the new user');
    assert.equal(byName.has('finn.berg'), false, 'a user in no ruled group is not synced');
    assert.deepEqual(output.errors, []);
  });

  it('reports a step that cannot be carried out, leaves the rest unplayed and exits 1', async () => {
    const { code, output } = await runScenario([{ approve: true }, { run: 'manual' }]);
    assert.equal(code, 1);
    assert.deepEqual(
      output.steps.map((s) => s.outcome),
      ['failed', 'notRun'],
    );
    assert.match(output.steps[0].error ?? '', /^LOCAL_SCENARIO_NO_HELD_RUN: /);
    assert.deepEqual(output.users, []);
  });

  it('stops with a readable LOCAL_SCENARIO_INVALID error naming the bad path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-scenario-'));
    const file = path.join(dir, 'bad.scenario.json');
    writeFileSync(file, JSON.stringify({ tenant: path.relative(dir, TINY), steps: [{ run: 'hourly' }] }));
    await assert.rejects(
      exec(process.execPath, ['--import', 'tsx', 'packages/dev-env/cli/scenario.ts', file], { cwd: PROJECT_DIR }),
      (error: { stderr: string }) => {
        assert.match(error.stderr, /LOCAL_SCENARIO_INVALID: .*bad\.scenario\.json: steps\[0\]\.run: expected one of/);
        return true;
      },
    );
  });
});
