/**
 * The simulator's control API (not part of Graph), used by tests, `npm run sync` and the local UI's "Local tenant"
 * panel. JSON in, JSON out, under `/_sim/`:
 *   GET  /_sim/state                  users (with state active/softDeleted/hardDeleted), groups, change sets applied
 *   POST /_sim/change-sets/next       apply the next scripted change set -> { applied: name | null, appliedChangeSets }
 *   POST /_sim/ops                    apply a JSON array of change ops
 *   GET  /_sim/faults, PUT /_sim/faults   read / replace the fault plan (see faults.ts)
 *   POST /_sim/expire-delta-tokens    every delta token issued so far answers 410 Gone / syncStateNotFound, or the
 *                                     4xx of an optional body { "status": 400|404|410, "code": "resyncRequired"|… }
 *   GET  /_sim/stats, POST /_sim/stats/reset
 *   GET  /_sim/app-permissions, PUT /_sim/app-permissions   read / replace the app's granted application permissions,
 *                                     body { "permissions": ["User.Read.All", …] } (see appPermissions.ts)
 */
import { AppPermissionError } from './appPermissions.ts';
import { DirectoryError } from './directory.ts';
import { FaultPlanError, type DeltaTokenRejection, type FaultPlan } from './faults.ts';
import type { GraphResponse } from './graphResponse.ts';
import type { GraphSimulator } from './server.ts';
import type { ChangeOp } from './tenantFixture.ts';

export function handleControl(method: string, path: string, body: string, sim: GraphSimulator): GraphResponse {
  try {
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /_sim/state':
        return ok({
          ...sim.directory.snapshot(),
          changeSets: sim.directory.changeSetNames(),
          appliedChangeSets: sim.directory.appliedChangeSets,
          credentials: sim.credentials,
          appPermissions: sim.appPermissions.list(),
        });
      case 'POST /_sim/change-sets/next': {
        const applied = sim.directory.applyNextChangeSet() ?? null;
        return ok({ applied, appliedChangeSets: sim.directory.appliedChangeSets });
      }
      case 'POST /_sim/ops':
        sim.directory.applyOps(JSON.parse(body) as ChangeOp[]);
        return ok({ applied: true });
      case 'GET /_sim/faults':
        return ok({ plan: sim.faults.current(), injected: sim.faults.injected });
      case 'PUT /_sim/faults':
        sim.faults.configure(JSON.parse(body || '{}') as FaultPlan);
        return ok({ plan: sim.faults.current() });
      case 'POST /_sim/expire-delta-tokens':
        sim.expireDeltaTokens(body.trim() ? (JSON.parse(body) as Partial<DeltaTokenRejection>) : {});
        return ok({ expired: true });
      case 'GET /_sim/stats':
        return ok({ ...sim.stats.summary(), faultsInjected: sim.faults.injected });
      case 'POST /_sim/stats/reset':
        sim.stats.reset();
        return ok({ reset: true });
      case 'GET /_sim/app-permissions':
        return ok({ permissions: sim.appPermissions.list() });
      case 'PUT /_sim/app-permissions': {
        const parsed = JSON.parse(body || '{}') as { permissions?: unknown };
        sim.appPermissions.replace(parsed.permissions);
        return ok({ permissions: sim.appPermissions.list() });
      }
      case 'GET /_sim/health':
        return ok({ ok: true });
      default:
        return { status: 404, body: { code: 'LOCAL_GRAPH_CONTROL_UNKNOWN', message: `No control endpoint ${key}` } };
    }
  } catch (error) {
    const known =
      error instanceof DirectoryError ||
      error instanceof FaultPlanError ||
      error instanceof AppPermissionError ||
      error instanceof SyntaxError;
    const code =
      error instanceof DirectoryError || error instanceof FaultPlanError || error instanceof AppPermissionError
        ? error.code
        : 'LOCAL_GRAPH_CONTROL_BAD_REQUEST';
    return { status: known ? 400 : 500, body: { code, message: (error as Error).message } };
  }
}

function ok(body: unknown): GraphResponse {
  return { status: 200, body };
}
