/** A tiny tenant for the simulator's own tests. */
import type { TenantFixture } from './tenantFixture.ts';

export function smallTenant(userCount = 5): TenantFixture {
  const users = Array.from({ length: userCount }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    userPrincipalName: `user${i + 1}@pinnacle.example`,
    displayName: `User ${i + 1}`,
    givenName: 'User',
    surname: String(i + 1),
    department: i % 2 === 0 ? 'Support' : 'Sales',
    accountEnabled: true,
    onPremisesExtensionAttributes: { extensionAttribute3: `E${i + 1}` },
  }));
  return {
    tenant: { id: 'tenant-1', displayName: 'Test Tenant', domain: 'pinnacle.example' },
    users,
    groups: [
      { id: 'group-support', displayName: 'Support', members: users.filter((_, i) => i % 2 === 0).map((u) => u.id) },
    ],
    rules: [],
    settings: {},
    changeSets: [{ name: 'first', ops: [{ op: 'updateUser', id: users[1].id, set: { department: 'Finance' } }] }],
  };
}
