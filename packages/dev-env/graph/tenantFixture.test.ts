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
        /groups\[0\]\.members\[0\]: unknown user or group id 'nobody'/,
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

  it('refuses to reuse the id of a hard-deleted user: Entra never hands out an object id again', () => {
    const fixture = valid();
    const id = (fixture.users as { id: string }[])[0].id;
    (fixture.changeSets as unknown[]).push({
      name: 'delete and re-add',
      ops: [
        { op: 'hardDeleteUser', id },
        { op: 'addUser', user: { id, userPrincipalName: 'again@x' } },
      ],
    });
    assert.throws(
      () => parseTenantFixture(fixture, 'bad.json'),
      /ops\[1\]\.user\.id: .*hard-deleted earlier; Entra never reuses/,
    );
  });

  it('accepts nested groups, addGroup, deleteGroup and group members in addMember / removeMember', () => {
    const fixture = valid();
    const userId = (fixture.users as { id: string }[])[0].id;
    const groups = fixture.groups as { id: string; displayName: string; members: string[] }[];
    groups.push({ id: 'parent', displayName: 'Parent', members: ['child'] });
    groups.push({ id: 'child', displayName: 'Child', members: [userId] });
    (fixture.changeSets as unknown[]).push({
      name: 'groups',
      ops: [
        { op: 'addGroup', group: { id: 'new-group', displayName: 'New', members: [userId, 'child'] } },
        { op: 'addMember', group: 'parent', member: 'new-group' },
        { op: 'removeMember', group: 'parent', user: 'child' },
        { op: 'deleteGroup', group: 'new-group' },
      ],
    });
    assert.equal(parseTenantFixture(fixture).changeSets.length, 2);
    const cases: [unknown[], RegExp][] = [
      [
        [
          { op: 'deleteGroup', group: 'child' },
          { op: 'addMember', group: 'child', user: userId },
        ],
        /group 'child' was deleted earlier/,
      ],
      [[{ op: 'addMember', group: 'child', member: 'child' }], /cannot be a member of itself/],
      [[{ op: 'addGroup', group: { id: 'child', displayName: 'again' } }], /already exists/],
      [
        [{ op: 'addGroup', group: { id: 'g2', displayName: 'G2', members: ['ghost'] } }],
        /members\[0\]: unknown user or group id 'ghost'/,
      ],
    ];
    for (const [ops, message] of cases) {
      const broken = valid();
      (broken.groups as unknown[]).push({ id: 'child', displayName: 'Child', members: [] });
      (broken.changeSets as unknown[]).push({ name: 'bad', ops });
      assert.throws(() => parseTenantFixture(broken, 'bad.json'), message);
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
