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
 *
 * HR dates (user resource, https://learn.microsoft.com/graph/api/resources/user: `employeeHireDate`,
 * `employeeLeaveDateTime`, ISO 8601 UTC), relative to the local run's fixed start LOCAL_RUN_START (2026-12-07T09:00Z):
 * nine in ten employees carry a past hire date (the rest never had one set); the weekly update's hires started this
 * morning, except the first service-desk hire, a future joiner who starts on Friday 2026-12-11 (created inactive, an
 * Inactive Employee2 until then); and a support agent announces their departure: a leave date on Thursday
 * 2026-12-10 while the account stays enabled (a dated leaver; the sync turns them off once the date has passed).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import type { ChangeOp, TenantFixture } from '../graph/tenantFixture.ts';
import { PINNACLE_SPEC } from './pinnacleSpec.ts';
import { generateTenant, hireOps, type GeneratedTenant } from './tenantGenerator.ts';

/** The weekly update's hires started at 08:00 UTC on the local run's first day (LOCAL_RUN_START is 09:00). */
export const PINNACLE_HIRED_TODAY = '2026-12-07T08:00:00Z';
/** The future joiner's first day: four days after LOCAL_RUN_START. */
export const PINNACLE_FUTURE_HIRE = '2026-12-11T08:00:00Z';
/** The dated leaver's last moment: three days after LOCAL_RUN_START, still enabled. */
export const PINNACLE_LEAVE_DATE = '2026-12-10T17:00:00Z';

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

  // nine in ten employees have a hire date in the past (2012…2026); the others never had one set in Entra
  fixture.users.forEach((user, i) => {
    if (i % 10 !== 9) user.employeeHireDate = pastHireDate(i);
  });

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
  const branchHire = hireOps(tenant, 'Branch Partners');
  for (const op of [...supportHires, ...branchHire])
    if (op.op === 'addUser') op.user.employeeHireDate = PINNACLE_HIRED_TODAY;
  // the first service-desk hire is a future joiner: in Entra already, starting four days after the first run
  const futureJoiner = supportHires.find((op) => op.op === 'addUser' && op.user.id === deskHires[0]);
  if (futureJoiner?.op === 'addUser') futureJoiner.user.employeeHireDate = PINNACLE_FUTURE_HIRE;

  const weekly: ChangeOp[] = [
    ...supportHires,
    ...deskHires.map((user): ChangeOp => ({ op: 'addMember', group: serviceDesk, user })),
    ...branchHire,
    { op: 'updateUser', id: support[5], set: { jobTitle: 'Support Team Lead' } },
    // promoted and moving to Atlanta, but leaving Pinnacle on Thursday: a dated leaver, still enabled
    {
      op: 'updateUser',
      id: support[6],
      set: {
        jobTitle: 'Escalations Specialist',
        officeLocation: 'Atlanta Office',
        employeeLeaveDateTime: PINNACLE_LEAVE_DATE,
      },
    },
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

/** A deterministic past hire date (weekday-agnostic), 08:00 UTC, between 2012 and mid-2026. */
function pastHireDate(index: number): string {
  const day = new Date(Date.UTC(2012, 0, 9) + ((index * 769) % 5290) * 86_400_000);
  return `${day.toISOString().slice(0, 10)}T08:00:00Z`;
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
