/**
 * Writes packages/dev-env/tenants/pinnacle.json deterministically: `npx tsx packages/dev-env/tenants/generatePinnacle.ts`.
 * The JSON is committed; re-running this script must reproduce it byte for byte.
 *
 * Change sets:
 * 1. "weekly org update": new hires in Support Operations, who join the service desk and so become Unified Employee
 *    users (and one branch partner), role changes (promotions and a move from Sales to Finance), departures (two
 *    soft-deleted, one hard-deleted) and a disabled account.
 * 2. "regional branch closure": a quarter of the synced users leave at once, which the deactivation guard
 *    (default 20 %) must hold for approval.
 * 3. "re-hires": a departed employee is restored and the disabled account is enabled again; a service-desk employee
 *    leaves (Employee2 Terminated).
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

  // The Support Operations service desk: its members are Unified Employee users (a Person Account, the Unified
  // Employee licence and profile, an Employee2 record). Empty at first; the weekly update's new support hires join.
  const serviceDesk = SERVICE_DESK_GROUP_ID;
  fixture.groups.push({ id: serviceDesk, displayName: 'Support Operations Service Desk', members: [] });
  fixture.rules.push({ group: serviceDesk, priority: 55, licence: 'employee', permissionSets: ['ITSMPortalUelUser'] });
  const supportHires = hires(tenant, 'Support Operations', 5);
  const deskHires = supportHires.flatMap((op) => (op.op === 'addUser' ? [op.user.id] : []));

  const weekly: ChangeOp[] = [
    ...supportHires,
    ...deskHires.map((user): ChangeOp => ({ op: 'addMember', group: serviceDesk, user })),
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
    // a service-desk employee leaves: the user is deactivated, the Employee2 record Terminated
    { op: 'softDeleteUser', id: deskHires[4]! },
  ];

  fixture.changeSets = [
    { name: 'weekly org update', ops: weekly },
    { name: 'regional branch closure', ops: closure },
    { name: 're-hires', ops: rehires },
  ];
  return fixture;
}

/** A fixed id: the group is added after generation, so the generated tenant (and its ids) stay as they were. */
const SERVICE_DESK_GROUP_ID = '5d0e5c1a-7e11-4c2b-9a6f-0c3e5d9f4b21';

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
