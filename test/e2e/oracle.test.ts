/**
 * The e2e oracle's own facts about the Pinnacle fixture, checked by hand-picked cases so that "the engine agrees
 * with the oracle" means something.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadTenantFixture } from '../../packages/dev-env/graph/tenantFixture.ts';
import { expectedUsers } from '../oracle/expectedUsers.ts';

const fixture = loadTenantFixture(
  fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url)),
);
const group = (name: string) => fixture.groups.find((g) => g.displayName === name)!;
const weekly = fixture.changeSets[0].ops;

describe('the oracle on Pinnacle', () => {
  const initial = expectedUsers(fixture, 0);
  const afterWeekly = expectedUsers(fixture, 1);

  it('leaves Human Resources out (no rule) and provisions everyone else', () => {
    for (const id of group('Human Resources').members) assert.equal(initial.has(id), false);
    assert.equal(initial.size, 300 - group('Human Resources').members.length);
  });

  it('gives the support leads who are Salesforce admins the admin profile and both rules’ permission sets', () => {
    const [lead] = group('Salesforce Admins').members.filter((id) => group('Support Operations').members.includes(id));
    assert.equal(initial.get(lead)?.Profile, 'System Administrator');
    assert.deepEqual(initial.get(lead)?.PermissionSets, ['EntraSyncAdmin', 'PinnacleServiceConsole']);
  });

  it('makes branch partners external users under their Account', () => {
    const partner = initial.get(group('Branch Partners').members[0])!;
    assert.equal(partner.external, true);
    assert.equal(partner.Profile, 'Customer Community Plus User');
    assert.equal(partner.Account, 'Pinnacle Branch Partners');
  });

  it('after the weekly update: the Sales → Finance move, the disabled account frozen, leavers inactive', () => {
    const moved = weekly.find((op) => op.op === 'removeMember')!;
    assert.equal(afterWeekly.get((moved as { user: string }).user)?.PermissionSets.join(), 'PinnacleFinanceReports');
    const disabled = weekly.find((op) => op.op === 'disableUser') as { id: string };
    assert.deepEqual([afterWeekly.get(disabled.id)?.IsActive, afterWeekly.get(disabled.id)?.IsFrozen], [true, true]);
    for (const op of weekly.filter((o) => o.op === 'softDeleteUser' || o.op === 'hardDeleteUser'))
      assert.equal(afterWeekly.get((op as { id: string }).id)?.IsActive, false);
    assert.equal(afterWeekly.size, initial.size + 6, 'six hires, nobody deleted');
  });
});
