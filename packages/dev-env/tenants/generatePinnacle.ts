/**
 * Writes packages/dev-env/tenants/pinnacle.json deterministically: `npx tsx packages/dev-env/tenants/generatePinnacle.ts`.
 * The JSON is committed; re-running this script must reproduce it byte for byte.
 *
 * Change sets:
 * 1. "weekly org update": new hires in Support Operations (and one branch partner), role changes (promotions and a
 *    move from Sales to Finance), departures (two soft-deleted, one hard-deleted) and a disabled account.
 * 2. "regional branch closure": a quarter of the synced users leave at once, which the deactivation guard
 *    (default 20 %) must hold for approval.
 * 3. "re-hires": a departed employee is restored and the disabled account is enabled again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { ChangeOp, TenantFixture } from '../graph/tenantFixture.ts';
import { PINNACLE_SPEC } from './pinnacleSpec.ts';
import { generateTenant, hireOps, type GeneratedTenant } from './tenantGenerator.ts';

export function buildPinnacle(): TenantFixture {
  const tenant = generateTenant(PINNACLE_SPEC);
  const { fixture } = tenant;
  const inDepartment = (name: string): string[] =>
    fixture.users.filter((u) => tenant.departmentOf.get(u.id) === name).map((u) => u.id);
  const group = (name: string): string => tenant.groupIds.get(name)!;
  const support = inDepartment('Support Operations');
  const sales = inDepartment('Sales');
  const finance = inDepartment('Finance');
  const engineering = inDepartment('Engineering');

  // Two support leads also administer Salesforce: both rules match, the higher priority (System Administrator) wins.
  const admins = fixture.groups.find((g) => g.displayName === 'Salesforce Admins')!;
  admins.members.push(support[0], support[1]);

  const weekly: ChangeOp[] = [
    ...hires(tenant, 'Support Operations', 5),
    ...hireOps(tenant, 'Branch Partners'),
    { op: 'updateUser', id: support[5], set: { jobTitle: 'Support Team Lead' } },
    { op: 'updateUser', id: support[6], set: { jobTitle: 'Escalations Specialist', officeLocation: 'Atlanta Office' } },
    { op: 'updateUser', id: engineering[3], set: { jobTitle: 'Engineering Manager' } },
    { op: 'updateUser', id: sales[4], set: { department: 'Finance', jobTitle: 'Financial Analyst' } },
    { op: 'removeMember', group: group('Sales'), user: sales[4] },
    { op: 'addMember', group: group('Finance'), user: sales[4] },
    { op: 'softDeleteUser', id: sales[10] },
    { op: 'softDeleteUser', id: engineering[10] },
    { op: 'hardDeleteUser', id: finance[7] },
    { op: 'disableUser', id: support[20] },
  ];

  const closing = [...sales.slice(20), ...engineering.slice(15)].slice(0, 75);
  const closure: ChangeOp[] = closing.map((id) => ({ op: 'softDeleteUser', id }));

  const rehires: ChangeOp[] = [
    { op: 'restoreUser', id: sales[10] },
    { op: 'updateUser', id: support[20], set: { accountEnabled: true } },
  ];

  fixture.changeSets = [
    { name: 'weekly org update', ops: weekly },
    { name: 'regional branch closure', ops: closure },
    { name: 're-hires', ops: rehires },
  ];
  return fixture;
}

function hires(tenant: GeneratedTenant, department: string, count: number): ChangeOp[] {
  return Array.from({ length: count }, () => hireOps(tenant, department)).flat();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('./pinnacle.json', import.meta.url));
  // formatted as the repository's prettier config would, so `npm run format:check` stays clean
  const options = (await prettier.resolveConfig(target)) ?? {};
  writeFileSync(target, await prettier.format(JSON.stringify(buildPinnacle()), { ...options, filepath: target }));
  console.log(`wrote ${target}`);
}
