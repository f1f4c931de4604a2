/**
 * Benchmark tenants: N employees (deterministic seed), every one in scope through a `*` rule, and one change set of
 * exactly 1,000 changes for the incremental run (updates, hires, disabled accounts and departures).
 */
import type { ChangeOp, TenantFixture } from '../../packages/dev-env/graph/tenantFixture.ts';
import { generateTenant, hireOps } from '../../packages/dev-env/tenants/tenantGenerator.ts';

export const INCREMENTAL_CHANGES = 1000;

export function benchTenant(employees: number): TenantFixture {
  const tenant = generateTenant({
    seed: 1000 + employees,
    employees,
    domain: 'bench.example.com',
    companyName: 'Benchmark Corp',
    tenantDisplayName: `Benchmark tenant (${employees} users)`,
    departments: [
      { name: 'Operations', weight: 3, titles: ['Associate', 'Senior Associate', 'Manager'], office: 'Denver Office' },
      { name: 'Sales', weight: 2, titles: ['Account Executive', 'Sales Manager'], office: 'Austin Office' },
    ],
    settings: {},
  });
  const { fixture } = tenant;
  fixture.rules = [{ group: '*', priority: 1, licence: 'internal', profile: 'Standard User', permissionSets: [] }];

  // 1,000 changes: 800 updates, 100 hires, 50 disabled, 50 departures (10 % of the 1k tier: below the 20 % guard)
  const users = fixture.users;
  const pickIndex = (i: number): number => Math.floor((i * users.length) / 1000) % users.length;
  const ops: ChangeOp[] = [];
  for (let i = 0; i < 800; i++)
    ops.push({ op: 'updateUser', id: users[pickIndex(i)].id, set: { jobTitle: `Title revision ${i}` } });
  const hires: ChangeOp[] = [];
  for (let i = 0; i < 100; i++) hires.push(hireOps(tenant, i % 2 ? 'Sales' : 'Operations')[0]);
  ops.push(...hires);
  for (let i = 0; i < 50; i++)
    ops.push({ op: 'disableUser', id: users[pickIndex(800 + i) + 1 < users.length ? pickIndex(800 + i) + 1 : 0].id });
  for (let i = 0; i < 50; i++)
    ops.push({ op: 'softDeleteUser', id: users[(pickIndex(900 + i) + 2) % users.length].id });
  fixture.changeSets = [{ name: `${INCREMENTAL_CHANGES} changes`, ops }];
  return fixture;
}
