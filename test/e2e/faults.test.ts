/**
 * Every fault the Graph simulator can inject ends in the same users as a fault-free run, with nothing lost:
 * Pinnacle's initial sync plus the weekly org update, with the fault active throughout, against the oracle.
 * Graph facts exercised: 429 + Retry-After (learn.microsoft.com/graph/throttling), 503, replayed pages and duplicates
 * (delta query overview: "the same resource may be returned more than once"), 410 Gone / syncStateNotFound for an
 * expired delta token (devblogs: delta links live 7 days → a full reconciliation).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FaultPlan } from '../../packages/dev-env/graph/faults.ts';
import { compareUsers } from '../oracle/compareUsers.ts';
import { expectedUsers } from '../oracle/expectedUsers.ts';
import { LocalRun, type SyncOutcome } from '../../packages/dev-env/localRun/localRun.ts';

const PINNACLE = fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url));

interface Scenario {
  name: string;
  faults?: FaultPlan;
  pageSize?: number;
  expireDeltaTokensBeforeWeekly?: boolean;
  /**
   * A run may fail on this fault and a later scheduled run (the next 2-hourly tick, at most 2) must heal it.
   * Without it the run that meets the fault must itself complete (throttling and 503s are retried in-run, DESIGN §3).
   */
  healsOnNextTick?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: '429 Too Many Requests with Retry-After on every 3rd Graph request',
    faults: { throttle: { every: 3, retryAfterSeconds: 2, limit: 6 } },
  },
  { name: '503 Service Unavailable on every 4th Graph request', faults: { unavailable: { every: 4, limit: 4 } } },
  {
    name: 'a malformed (truncated) JSON body on every 5th Graph request',
    faults: { malformed: { every: 5, limit: 2 } },
    healsOnNextTick: true,
  },
  {
    name: 'replayed pages (pages of 50, every 2nd page served twice)',
    faults: { replayPages: { every: 2, limit: 6 } },
    pageSize: 50,
  },
  {
    name: 'an expired delta token (410 Gone, syncStateNotFound) before the weekly run',
    expireDeltaTokensBeforeWeekly: true,
    healsOnNextTick: true,
  },
];

describe('Graph faults end in the fault-free final state', { timeout: 600_000 }, () => {
  let run: LocalRun;
  before(async () => {
    run = await LocalRun.start({ tenantFile: PINNACLE, maxTransactionsPerRun: 600 });
  });
  after(() => run?.stop());

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      await run.reset({ pageSize: scenario.pageSize });
      if (scenario.faults) await run.simulator.control.setFaults(scenario.faults);
      const untilCompleted = async (first: SyncOutcome, what: string): Promise<void> => {
        let outcome = first;
        for (let tick = 0; scenario.healsOnNextTick && tick < 2 && outcome.run.status !== 'Completed'; tick++)
          outcome = await run.runScheduled();
        assert.equal(outcome.run.status, 'Completed', `${what}: ${outcome.run.errorCode}: ${outcome.run.errorMessage}`);
      };
      await untilCompleted(await run.scheduleAndRunFirst(), 'initial sync');
      await run.applyNextChangeSet();
      if (scenario.expireDeltaTokensBeforeWeekly) await run.simulator.control.expireDeltaTokens();
      await untilCompleted(await run.runScheduled(), 'weekly run');

      const stats = await run.simulator.control.stats();
      if (scenario.faults) {
        const injected = Object.values(stats.faultsInjected).reduce((a, b) => a + b, 0);
        assert.ok(injected > 0, 'the fault was injected');
      }
      if (scenario.expireDeltaTokensBeforeWeekly)
        assert.ok((stats.byStatus['410'] ?? 0) > 0, 'Graph answered 410 Gone');
      assert.deepEqual(compareUsers(run.users(), expectedUsers(run.fixture, 1)), []);
      assert.deepEqual(run.errors(), [], 'no change failed');
    });
  }
});
