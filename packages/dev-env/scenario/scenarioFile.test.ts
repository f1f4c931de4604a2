import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseScenario, loadScenario, stepKind } from './scenarioFile.ts';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));
const FILE = path.join(SCENARIOS, 'test.scenario.json');
const ADA = '5c1d7a2e-0000-4000-8000-000000000001';
const STAFF = '7e0b1f30-1111-4c2d-9e8f-000000000001';

describe('scenario files', () => {
  it('loads every bundled example scenario', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.scenario.json'));
    assert.ok(files.length >= 2);
    for (const file of files) {
      const scenario = loadScenario(path.join(SCENARIOS, file));
      assert.ok(scenario.steps.length > 0, file);
      assert.equal(scenario.tenantFile, path.join(SCENARIOS, 'tiny.tenant.json'));
    }
  });

  it('knows each step kind', () => {
    const scenario = parseScenario(
      {
        tenant: 'tiny.tenant.json',
        steps: [
          { run: 'scheduled' },
          { changeSet: 'next' },
          { ops: [{ op: 'addMember', group: STAFF, member: ADA }] },
          { faults: { throttle: { fraction: 0.5, retryAfterSeconds: 900 } } },
          { expireDeltaTokens: { status: 400, code: 'resyncRequired' } },
          { apex: "System.debug('x');" },
          { mapping: { target: 'Division', source: 'officeLocation', applyOn: 'Always' } },
          { setting: { GuardMaxPercent__c: 50 } },
          { approve: true },
          { reject: true },
        ],
      },
      FILE,
    );
    assert.deepEqual(scenario.steps.map(stepKind), [
      'run',
      'changeSet',
      'ops',
      'faults',
      'expireDeltaTokens',
      'apex',
      'mapping',
      'setting',
      'approve',
      'reject',
    ]);
  });

  it('names the bad path, checking ops against the tenant as the steps before leave it', () => {
    const cases: [unknown, RegExp][] = [
      [{ steps: [] }, /: tenant: expected the tenant fixture file/],
      [{ tenant: 'tiny.tenant.json', steps: [{ run: 'weekly' }] }, /steps\[0\]\.run: expected one of scheduled/],
      [{ tenant: 'tiny.tenant.json', steps: [{ run: 'manual', approve: true }] }, /steps\[0\]: a step has exactly one/],
      [
        { tenant: 'tiny.tenant.json', steps: [{ changeSet: 'next' }, { changeSet: 'next' }] },
        /steps\[1\]\.changeSet: the fixture has only 1 change set/,
      ],
      [
        {
          tenant: 'tiny.tenant.json',
          steps: [
            { ops: [{ op: 'hardDeleteUser', id: ADA }] },
            { ops: [{ op: 'addUser', user: { id: ADA, userPrincipalName: 'a@x' } }] },
          ],
        },
        /steps\[1\]\.ops\[0\]\.user\.id: .*hard-deleted earlier/,
      ],
      [
        { tenant: 'tiny.tenant.json', steps: [{ faults: { throttle: { every: 0, retryAfterSeconds: 1 } } }] },
        /steps\[0\]\.faults: /,
      ],
      [{ tenant: 'tiny.tenant.json', steps: [{ mapping: { target: 'Division' } }] }, /steps\[0\]\.mapping\.source/],
      [{ tenant: 'missing.json', steps: [] }, /LOCAL_FIXTURE_INVALID: .*missing\.json/],
    ];
    for (const [json, message] of cases)
      assert.throws(
        () => parseScenario(json, FILE),
        (error: Error) => {
          assert.match(error.message, message);
          return true;
        },
      );
  });
});
