/**
 * `npm run sync` on a fixture that is not the bundled one: a hand-written five-person tenant in the documented
 * format (packages/dev-env/tenants/README.md) with an all-users rule, a rules file that replaces it, and one change set.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT_DIR } from '../../packages/dev-env/localRun/localRun.ts';

const run = promisify(execFile);
const person = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `1b6f0c2e-0000-4000-8000-00000000000${n}`,
  userPrincipalName: `person${n}@smallco.example`,
  mail: `person${n}@smallco.example`,
  mailNickname: `person${n}`,
  givenName: 'Person',
  surname: `Number${n}`,
  displayName: `Person ${n}`,
  accountEnabled: true,
  jobTitle: 'Analyst',
  ...extra,
});

describe('npm run sync on any fixture in the documented format', { timeout: 300_000 }, () => {
  it('syncs a five-person tenant, applies a change set and prints { runs, users, errors }', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-sync-'));
    const tenant = path.join(dir, 'smallco.json');
    const rules = path.join(dir, 'rules.json');
    writeFileSync(
      tenant,
      JSON.stringify({
        users: [1, 2, 3, 4, 5].map((n) => person(n)),
        groups: [],
        rules: [{ group: '*', priority: 1, licence: 'internal', profile: 'Read Only' }],
        settings: { UsernameSuffix__c: '.local' },
        changeSets: [
          {
            name: 'promotion and a leaver',
            ops: [
              { op: 'updateUser', id: person(1).id, set: { jobTitle: 'Lead Analyst' } },
              { op: 'softDeleteUser', id: person(2).id },
            ],
          },
        ],
      }),
    );
    writeFileSync(
      rules,
      JSON.stringify({ rules: [{ group: '*', priority: 5, licence: 'internal', profile: 'Standard User' }] }),
    );

    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'packages/dev-env/cli/sync.ts',
        '--tenant',
        tenant,
        '--rules',
        rules,
        '--change-sets',
        '1',
        '--json',
      ],
      { cwd: PROJECT_DIR, maxBuffer: 32 * 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as {
      runs: { status: string; counters: Record<string, number> }[];
      users: { Username: string; Profile: string; IsActive: boolean; Title: string }[];
      errors: unknown[];
    };
    assert.deepEqual(
      result.runs.map((r) => r.status),
      ['Completed', 'Completed'],
    );
    assert.equal(result.runs[0].counters.created, 5);
    assert.deepEqual(result.errors, []);
    const byName = new Map(result.users.map((u) => [u.Username, u]));
    assert.equal(byName.size, 5);
    assert.equal(
      byName.get('person1@smallco.example.local')?.Title,
      'Lead Analyst',
      'the username suffix setting applies',
    );
    assert.equal(byName.get('person2@smallco.example.local')?.IsActive, false);
    assert.ok(
      result.users.every((u) => u.Profile === 'Standard User'),
      'the --rules file replaced the fixture rules',
    );
  });

  it('stops with a readable LOCAL_FIXTURE_INVALID error naming the bad path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-sync-'));
    const tenant = path.join(dir, 'broken.json');
    writeFileSync(tenant, JSON.stringify({ users: [{ id: 'x' }] }));
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', 'packages/dev-env/cli/sync.ts', '--tenant', tenant, '--json'], {
        cwd: PROJECT_DIR,
      }),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.match(
          error.stderr,
          /LOCAL_FIXTURE_INVALID: .*broken\.json: users\[0\]\.userPrincipalName: expected a non-empty string/,
        );
        return true;
      },
    );
  });
});
