/**
 * Faults the simulator injects on request, so tests can prove the sync survives them. Each fault hits every
 * `every`-th Graph data request (token endpoint and control API excluded), at most `limit` times (default
 * unlimited), which makes a "rate" deterministic: `every: 4` is a 25 % rate.
 *
 * - throttle: 429 Too Many Requests with `Retry-After` (seconds) — https://learn.microsoft.com/graph/throttling
 * - unavailable: 503 Service Unavailable (with `Retry-After` when given)
 * - malformed: 200 with a truncated JSON body
 * - replayPages: a paged response is served again: its `@odata.nextLink` repeats the same page once, and a round's
 *   closing `@odata.deltaLink` restarts from the round's beginning (the next round repeats its changes)
 * Expired delta tokens are not a rate: the control API expires every token issued so far (`410 Gone`).
 */
export interface RateFault {
  every: number;
  limit?: number;
}

export interface FaultPlan {
  throttle?: RateFault & { retryAfterSeconds: number };
  unavailable?: RateFault & { retryAfterSeconds?: number };
  malformed?: RateFault;
  replayPages?: RateFault;
}

export type FaultDecision =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds?: number }
  | { kind: 'malformed' }
  | { kind: 'none' };

export interface FaultCounts {
  throttle: number;
  unavailable: number;
  malformed: number;
  replayPages: number;
}

export class FaultInjector {
  private plan: FaultPlan = {};
  private requests = 0;
  private pages = 0;
  readonly injected: FaultCounts = { throttle: 0, unavailable: 0, malformed: 0, replayPages: 0 };

  configure(plan: FaultPlan): void {
    validatePlan(plan);
    this.plan = plan;
    this.requests = 0;
    this.pages = 0;
  }

  current(): FaultPlan {
    return this.plan;
  }

  /** Called once per Graph data request, before it is served. */
  onRequest(): FaultDecision {
    this.requests++;
    const { throttle, unavailable, malformed } = this.plan;
    if (throttle && this.hits(throttle, this.requests, 'throttle'))
      return { kind: 'throttle', retryAfterSeconds: throttle.retryAfterSeconds };
    if (unavailable && this.hits(unavailable, this.requests, 'unavailable'))
      return { kind: 'unavailable', retryAfterSeconds: unavailable.retryAfterSeconds };
    if (malformed && this.hits(malformed, this.requests, 'malformed')) return { kind: 'malformed' };
    return { kind: 'none' };
  }

  /** Called once per paged response that is about to carry a next/delta link: should this page be replayed? */
  shouldReplayPage(): boolean {
    this.pages++;
    const replay = this.plan.replayPages;
    return replay !== undefined && this.hits(replay, this.pages, 'replayPages');
  }

  private hits(fault: RateFault, counter: number, name: keyof FaultCounts): boolean {
    if (counter % fault.every !== 0) return false;
    if (fault.limit !== undefined && this.injected[name] >= fault.limit) return false;
    this.injected[name]++;
    return true;
  }
}

export class FaultPlanError extends Error {
  readonly code = 'LOCAL_GRAPH_FAULT_INVALID';
}

function validatePlan(plan: FaultPlan): void {
  for (const [name, fault] of Object.entries(plan) as [string, RateFault | undefined][]) {
    if (fault === undefined) continue;
    if (!['throttle', 'unavailable', 'malformed', 'replayPages'].includes(name))
      throw new FaultPlanError(`LOCAL_GRAPH_FAULT_INVALID: unknown fault '${name}'`);
    if (!Number.isInteger(fault.every) || fault.every < 1)
      throw new FaultPlanError(`LOCAL_GRAPH_FAULT_INVALID: ${name}.every must be a positive integer`);
  }
  if (plan.throttle && !(plan.throttle.retryAfterSeconds >= 0))
    throw new FaultPlanError('LOCAL_GRAPH_FAULT_INVALID: throttle.retryAfterSeconds must be a number of seconds');
}
