import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clockAdvanceMillis, parseScenario, loadScenario, stepKind } from './scenarioFile.ts';

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
      assert.equal(path.dirname(scenario.tenantFile), path.dirname(path.join(SCENARIOS, 'x')), 'a bundled tenant');
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
          { advanceClock: { days: 3, hours: 1, minutes: 30 } },
          { appPermissions: ['User.Read.All', 'GroupMember.Read.All'] },
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
      'advanceClock',
      'appPermissions',
    ]);
    assert.equal(clockAdvanceMillis({ days: 3, hours: 1, minutes: 30 }), ((3 * 24 + 1) * 60 + 30) * 60_000);
  });

  it('reads a start time given as "now" (ISO 8601 UTC)', () => {
    const scenario = parseScenario({ tenant: 'tiny.tenant.json', now: '2026-12-07T09:00:00Z', steps: [] }, FILE);
    assert.equal(scenario.now, '2026-12-07T09:00:00Z');
    assert.equal(parseScenario({ tenant: 'tiny.tenant.json', steps: [] }, FILE).now, undefined);
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
      [{ tenant: 'tiny.tenant.json', now: '2026-12-07 09:00', steps: [] }, /: now: expected an ISO 8601 UTC/],
      [{ tenant: 'tiny.tenant.json', steps: [{ advanceClock: {} }] }, /steps\[0\]\.advanceClock: expected \{ "days"/],
      [
        { tenant: 'tiny.tenant.json', steps: [{ advanceClock: { days: -1 } }] },
        /steps\[0\]\.advanceClock\.days: expected a whole/,
      ],
      [
        { tenant: 'tiny.tenant.json', steps: [{ advanceClock: { hours: 1.5 } }] },
        /advanceClock\.hours: expected a whole/,
      ],
      [{ tenant: 'tiny.tenant.json', steps: [{ advanceClock: { weeks: 1 } }] }, /advanceClock\.weeks: unknown key/],
      [
        { tenant: 'tiny.tenant.json', steps: [{ appPermissions: 'User.Read.All' }] },
        /steps\[0\]\.appPermissions: expected an array/,
      ],
      [
        { tenant: 'tiny.tenant.json', steps: [{ appPermissions: ['User.Read.All', 'Mail.Read'] }] },
        /steps\[0\]\.appPermissions\[1\]: unknown application permission 'Mail.Read'/,
      ],
      [
        {
          tenant: 'tiny.tenant.json',
          steps: [{ ops: [{ op: 'updateUser', id: ADA, set: { employeeHireDate: 'Monday' } }] }],
        },
        /steps\[0\]\.ops\[0\]\.set\.employeeHireDate: expected an ISO 8601 UTC/,
      ],
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
