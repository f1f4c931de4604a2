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

  it('accepts HR dates in ISO 8601 UTC (user resource: employeeHireDate, employeeLeaveDateTime) and null to clear', () => {
    const fixture = valid();
    const [first, second] = fixture.users as Record<string, unknown>[];
    first.employeeHireDate = '2026-12-20T08:00:00Z';
    first.employeeLeaveDateTime = '2027-01-31T17:00:00.5Z';
    (fixture.changeSets as unknown[]).push({
      name: 'hr',
      ops: [
        { op: 'updateUser', id: second.id, set: { employeeLeaveDateTime: '2026-12-10T17:00:00Z' } },
        { op: 'updateUser', id: first.id, set: { employeeLeaveDateTime: null } },
        { op: 'addUser', user: { id: 'joiner', userPrincipalName: 'j@x', employeeHireDate: '2026-12-11T08:00:00Z' } },
      ],
    });
    assert.equal(parseTenantFixture(fixture).users[0].employeeHireDate, '2026-12-20T08:00:00Z');
  });

  it('refuses an HR date that is not ISO 8601 UTC, naming the path', () => {
    const cases: [(f: Record<string, unknown>) => void, RegExp][] = [
      [
        (f) => ((f.users as Record<string, unknown>[])[0].employeeHireDate = '2026-12-20'),
        /users\[0\]\.employeeHireDate: expected an ISO 8601 UTC date-time/,
      ],
      [
        (f) => ((f.users as Record<string, unknown>[])[1].employeeLeaveDateTime = '2026-12-20T08:00:00+01:00'),
        /users\[1\]\.employeeLeaveDateTime: expected an ISO 8601 UTC/,
      ],
      [(f) => ((f.users as Record<string, unknown>[])[0].employeeHireDate = '2026-02-30T08:00:00Z'), /not a real date/],
      [
        (f) =>
          (f.changeSets as { ops: unknown[] }[])[0].ops.push({
            op: 'updateUser',
            id: (f.users as { id: string }[])[0].id,
            set: { employeeLeaveDateTime: 20261210 },
          }),
        /changeSets\[0\]\.ops\[1\]\.set\.employeeLeaveDateTime: expected an ISO 8601 UTC/,
      ],
      [
        (f) =>
          (f.changeSets as { ops: unknown[] }[])[0].ops.push({
            op: 'addUser',
            user: { id: 'n', userPrincipalName: 'n@x', employeeHireDate: 'soon' },
          }),
        /changeSets\[0\]\.ops\[1\]\.user\.employeeHireDate/,
      ],
    ];
    for (const [breakIt, message] of cases) {
      const broken = valid();
      breakIt(broken);
      assert.throws(() => parseTenantFixture(broken, 'bad.json'), message);
    }
  });

  it("reads the app's granted application permissions and refuses unknown ones", () => {
    assert.equal(parseTenantFixture(valid()).app, undefined, 'absent: the simulator grants its defaults');
    const fixture = valid();
    fixture.app = { permissions: ['User.Read.All', 'GroupMember.Read.All'] };
    assert.deepEqual(parseTenantFixture(fixture).app, { permissions: ['User.Read.All', 'GroupMember.Read.All'] });
    fixture.app = { permissions: ['User.Read.All', 'User.LifeCycle'] };
    assert.throws(
      () => parseTenantFixture(fixture, 'bad.json'),
      /app\.permissions\[1\]: unknown application permission/,
    );
    fixture.app = { grants: [] };
    assert.throws(() => parseTenantFixture(fixture, 'bad.json'), /app\.grants: unknown key/);
  });
});
