/** A typed client for the simulator's control API (`/_sim/…`, see controlApi.ts). */
import type { ClientCredentials } from './auth.ts';
import type { DeltaTokenRejection, FaultCounts, FaultPlan } from './faults.ts';
import type { UserState } from './directory.ts';
import type { ChangeOp, GraphUser } from './tenantFixture.ts';

export interface SimulatorState {
  users: { user: GraphUser; state: UserState }[];
  groups: { id: string; displayName: string; members: string[] }[];
  changeSets: string[];
  appliedChangeSets: number;
  credentials: ClientCredentials;
  /** the application permissions granted to the app */
  appPermissions: string[];
}

export interface SimulatorStats {
  graphRequests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  faultsInjected: FaultCounts;
}

export class SimulatorControl {
  constructor(readonly baseUrl: string) {}

  state(): Promise<SimulatorState> {
    return this.call('GET', '/_sim/state');
  }

  applyNextChangeSet(): Promise<{ applied: string | null; appliedChangeSets: number }> {
    return this.call('POST', '/_sim/change-sets/next');
  }

  applyOps(ops: ChangeOp[]): Promise<void> {
    return this.call('POST', '/_sim/ops', ops);
  }

  setFaults(plan: FaultPlan): Promise<void> {
    return this.call('PUT', '/_sim/faults', plan);
  }

  /** every delta token issued so far answers 410 syncStateNotFound, or the given 4xx status and code */
  expireDeltaTokens(answer?: Partial<DeltaTokenRejection>): Promise<void> {
    return this.call('POST', '/_sim/expire-delta-tokens', answer);
  }

  /** replaces the application permissions granted to the app (e.g. without User-LifeCycleInfo.Read.All) */
  setAppPermissions(permissions: string[]): Promise<{ permissions: string[] }> {
    return this.call('PUT', '/_sim/app-permissions', { permissions });
  }

  stats(): Promise<SimulatorStats> {
    return this.call('GET', '/_sim/stats');
  }

  resetStats(): Promise<void> {
    return this.call('POST', '/_sim/stats/reset');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { code?: string; message?: string };
    if (!response.ok)
      throw new Error(json.message ?? `LOCAL_GRAPH_CONTROL_FAILED: ${method} ${path} answered ${response.status}`);
    return json;
  }
}
