/** Connects the local admin page's server (packages/dev-env/ui/server.ts) to a LocalRun: Apex, users, async jobs, the tenant. */
import type { OrgBridge, TenantBridge } from '../ui/server.ts';
import type { LocalRun } from './localRun.ts';

export function orgBridge(run: LocalRun): OrgBridge {
  return {
    invokeAuraEnabled: async (className, method, params) => {
      run.tick();
      const result = run.runtime.invokeAuraEnabled(className, method, params);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    linkedUsers: async () =>
      run.users().map((u) => ({
        Id: u.Id,
        Username: u.Username,
        Name: [u.FirstName, u.LastName].filter(Boolean).join(' '),
        Title: u.Title ?? null,
        Profile: u.Profile,
        PermissionSets: u.PermissionSets.join(', '),
        IsActive: u.IsActive,
        IsFrozen: u.IsFrozen,
        ContactId: u.ContactId,
      })),
    pendingJobs: () =>
      run.runtime.query(
        "SELECT Id FROM AsyncApexJob WHERE Status IN ('Queued', 'Preparing', 'Processing') AND JobType != 'ScheduledApex'",
      ).length,
    runNextJob: async () => {
      run.tick();
      return run.runtime.runAsyncUntilIdle({ maxJobs: 1 }).length > 0;
    },
  };
}

export function tenantBridge(run: LocalRun): TenantBridge {
  return {
    summary: async () => {
      const state = await run.simulator.control.state();
      return {
        displayName: run.fixture.tenant?.displayName ?? 'Local tenant',
        domain: run.fixture.tenant?.domain ?? '',
        activeUsers: state.users.filter((u) => u.state === 'active').length,
        changeSets: state.changeSets,
        appliedChangeSets: state.appliedChangeSets,
      };
    },
    applyNextChangeSet: () => run.applyNextChangeSet(),
  };
}
