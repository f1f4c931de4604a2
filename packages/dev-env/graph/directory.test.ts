import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Directory } from './directory.ts';
import { smallTenant } from './testTenant.ts';

describe('the simulated directory', () => {
  it('never reuses the id of a hard-deleted user (Entra gives every new object a new id)', () => {
    const directory = new Directory(smallTenant(2));
    const user = smallTenant(2).users[0];
    directory.applyOps([{ op: 'hardDeleteUser', id: user.id }]);
    assert.throws(
      () => directory.applyOps([{ op: 'addUser', user }]),
      /LOCAL_GRAPH_CHANGE_INVALID: addUser: .*hard-deleted/,
    );
  });

  it('removes a deleted group from the groups it was nested in, and keeps deleted groups out of the snapshot', () => {
    const fixture = smallTenant(2);
    fixture.groups.push({ id: 'parent', displayName: 'Parent', members: ['group-support'] });
    const directory = new Directory(fixture);
    directory.applyOps([{ op: 'deleteGroup', group: 'group-support' }]);
    const from = 0;
    assert.deepEqual(directory.membershipChanges('parent', from, directory.currentSeq), [
      { memberId: 'group-support', kind: 'group', member: false },
    ]);
    assert.deepEqual(
      directory.snapshot().groups.map((g) => g.id),
      ['parent'],
    );
    assert.throws(() => directory.applyOps([{ op: 'addMember', group: 'group-support', user: fixture.users[0].id }]));
  });
});
