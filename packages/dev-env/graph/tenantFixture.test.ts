import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTenantFixture } from './tenantFixture.ts';
import { smallTenant } from './testTenant.ts';

describe('tenant fixture validation', () => {
  const valid = (): Record<string, unknown> => JSON.parse(JSON.stringify(smallTenant(3))) as Record<string, unknown>;

  it('accepts a valid fixture and fills absent sections', () => {
    const fixture = parseTenantFixture({ users: [{ id: 'a', userPrincipalName: 'a@x' }] });
    assert.deepEqual(fixture.groups, []);
    assert.deepEqual(fixture.changeSets, []);
    assert.equal(parseTenantFixture(valid()).users.length, 3);
  });

  it('names the bad path in a LOCAL_FIXTURE_INVALID error', () => {
    const cases: [(f: Record<string, unknown>) => void, RegExp][] = [
      [(f) => ((f.users as Record<string, unknown>[])[1].id = 7), /users\[1\]\.id: expected a non-empty string/],
      [(f) => (f.users as unknown[]).push({ ...(f.users as object[])[0] }), /users\[3\]\.id: duplicate user id/],
      [
        (f) => ((f.groups as { members: string[] }[])[0].members = ['nobody']),
        /groups\[0\]\.members\[0\]: unknown user id 'nobody'/,
      ],
      [(f) => (f.rules = [{ group: '*', priority: 1, licence: 'partner', profile: 'x' }]), /rules\[0\]\.licence/],
      [
        (f) => (f.rules = [{ group: '*', priority: 1, licence: 'external', profile: 'x' }]),
        /rules\[0\]\.account: external rules need/,
      ],
      [
        (f) => ((f.changeSets as { ops: unknown[] }[])[0].ops = [{ op: 'renameUser', id: 'x' }]),
        /changeSets\[0\]\.ops\[0\]\.op: unknown op 'renameUser'/,
      ],
      [
        (f) => ((f.changeSets as { ops: unknown[] }[])[0].ops = [{ op: 'disableUser', id: 'ghost' }]),
        /changeSets\[0\]\.ops\[0\]\.id: unknown user id 'ghost'/,
      ],
      [
        (f) => ((f.changeSets as { ops: unknown[] }[])[0].ops = [{ op: 'addMember', group: 'nope', user: 'x' }]),
        /changeSets\[0\]\.ops\[0\]\.group/,
      ],
      [(f) => (f.settings = { x: [1] }), /settings\.x/],
    ];
    for (const [breakIt, message] of cases) {
      const fixture = valid();
      breakIt(fixture);
      assert.throws(
        () => parseTenantFixture(fixture, 'bad.json'),
        (error: Error) => {
          assert.match(error.message, /^LOCAL_FIXTURE_INVALID: bad\.json: /);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });

  it('lets a change set refer to users added by an earlier op', () => {
    const fixture = valid();
    (fixture.changeSets as unknown[]).push({
      name: 'hire and disable',
      ops: [
        { op: 'addUser', user: { id: 'new', userPrincipalName: 'new@x' } },
        { op: 'disableUser', id: 'new' },
      ],
    });
    assert.equal(parseTenantFixture(fixture).changeSets.length, 2);
  });
});
