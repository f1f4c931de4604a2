/**
 * Faults the simulator injects on request, so tests can prove the sync survives them. A rate fault hits either every
 * `every`-th eligible request or a `fraction` of them (deterministically: `fraction: 0.5` is every 2nd request,
 * `0.25` every 4th), at most `limit` times under the plan (default unlimited; configuring a plan starts the counts
 * afresh, the stats keep the totals).
 *
 * - throttle: 429 Too Many Requests with `Retry-After` (seconds, any value, e.g. 900) on Graph data requests
 *   (token endpoint and control API excluded). Microsoft Graph throttling guidance
 *   (https://learn.microsoft.com/graph/throttling): "Returns HTTP status code 429 Too Many Requests … Returns a
 *   suggested wait time in the response header of the failed request"; the client must "wait the number of seconds
 *   specified in the Retry-After header" — the guidance sets no upper bound on that wait.
 * - unavailable: 503 Service Unavailable (with `Retry-After` when given) — Microsoft Graph error responses
 *   (https://learn.microsoft.com/graph/errors): "You may repeat the request after a delay, the length of which may be
 *   specified in a Retry-After header".
 * - malformed: 200 with a truncated JSON body.
 * - replayPages: a page is served again. Use delta query to track changes (https://learn.microsoft.com/graph/delta-query-overview,
 *   "Replays"): "the same change appears in subsequent responses". A replay only ever repeats what was delivered: a
 *   page's `@odata.nextLink` serves the same page once more; the closing page of a round of changes hands out a
 *   `@odata.deltaLink` that repeats that round's changes; the closing page of a first (full) round is served again
 *   (never a deltaLink that would silently re-list everything without `@removed`).
 * - deltaTokenRejected: a request carrying a `$deltatoken` (users/delta, groups/delta) answers a 4xx telling the client
 *   to start over. Use delta query (…/delta-query-overview, "Token duration"): "the service should respond with a
 *   40X-series error with error codes such as syncStateNotFound"; Microsoft Graph error responses
 *   (…/graph/errors, "Code property") list `syncStateNotFound` ("The sync state generation is not found. The delta
 *   token is expired and data must be synchronized again.") and `resyncRequired` ("The delta token is no longer
 *   valid, and the app must reset the sync state."). `status` 400, 404 or 410 (default 410); a 410 carries a
 *   `Location` header that restarts the round ("Synchronization reset": "410 (gone) and a Location header containing
 *   a request URL with an empty $deltaToken (same as the initial query)").
 * - expiredPageToken: a `GET /v1.0/users` request carrying a `$skiptoken` answers `400 Directory_ExpiredPageToken`
 *   ("The specified page token value has expired and can no longer be included in your request.", as Graph answers
 *   it: github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2254, …/msgraph-sdk-java/issues/368; Graph's reference has
 *   no page for this code).
 * - variablePageSizes: delta pages (users/delta, groups/delta) and `/users` pages (never above `$top`) take their
 *   sizes from `sizes` in turn (0 allowed: an
 *   empty page with a nextLink). Use delta query (…/delta-query-overview, "Optional query parameters"): "The number
 *   of objects in each page can vary depending on the resource type and the type of changes made to the resource";
 *   Paging Microsoft Graph data (https://learn.microsoft.com/graph/paging): "A page of results may contain zero or more
 *   results."
 * Expired delta tokens are also a control: `POST /_sim/expire-delta-tokens` makes every delta token issued so far
 * answer 410 `syncStateNotFound` (or the `{ status, code }` it is given).
 */
export interface RateFault {
  /** every N-th eligible request (N ≥ 1) … */
  every?: number;
  /** … or this fraction of them, 0 < fraction ≤ 1 (exactly one of every / fraction) */
  fraction?: number;
  limit?: number;
}

export type DeltaTokenErrorCode = 'syncStateNotFound' | 'resyncRequired';

export interface DeltaTokenRejection {
  status: 400 | 404 | 410;
  code: DeltaTokenErrorCode;
}

export interface FaultPlan {
  throttle?: RateFault & { retryAfterSeconds: number };
  unavailable?: RateFault & { retryAfterSeconds?: number };
  malformed?: RateFault;
  replayPages?: RateFault;
  deltaTokenRejected?: RateFault & Partial<DeltaTokenRejection>;
  expiredPageToken?: RateFault;
  variablePageSizes?: { sizes: number[] };
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
  deltaTokenRejected: number;
  expiredPageToken: number;
  variablePageSizes: number;
}

const RATE_FAULTS = ['throttle', 'unavailable', 'malformed', 'replayPages', 'deltaTokenRejected', 'expiredPageToken'];
const FAULT_NAMES = [...RATE_FAULTS, 'variablePageSizes'];
export const DELTA_TOKEN_STATUSES = [400, 404, 410];
export const DELTA_TOKEN_CODES: DeltaTokenErrorCode[] = ['syncStateNotFound', 'resyncRequired'];

export class FaultInjector {
  private plan: FaultPlan = {};
  private requests = 0;
  private pages = 0;
  private deltaTokenRequests = 0;
  private pageTokenRequests = 0;
  private pageSizeIndex = 0;
  /** every fault injected since the simulator started (the stats) */
  readonly injected: FaultCounts = emptyCounts();
  /** faults injected under the current plan (what `limit` counts) */
  private injectedUnderPlan: FaultCounts = emptyCounts();

  configure(plan: FaultPlan): void {
    validatePlan(plan);
    this.plan = plan;
    this.requests = 0;
    this.pages = 0;
    this.deltaTokenRequests = 0;
    this.pageTokenRequests = 0;
    this.pageSizeIndex = 0;
    this.injectedUnderPlan = emptyCounts();
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

  /** Called once per request that presents a (well-formed, unexpired) `$deltatoken`: is it refused? */
  rejectDeltaToken(): DeltaTokenRejection | undefined {
    this.deltaTokenRequests++;
    const fault = this.plan.deltaTokenRejected;
    if (!fault || !this.hits(fault, this.deltaTokenRequests, 'deltaTokenRejected')) return undefined;
    return { status: fault.status ?? 410, code: fault.code ?? 'syncStateNotFound' };
  }

  /** Called once per `GET /v1.0/users` request that presents a `$skiptoken`: has the page token expired? */
  expirePageToken(): boolean {
    this.pageTokenRequests++;
    const fault = this.plan.expiredPageToken;
    return fault !== undefined && this.hits(fault, this.pageTokenRequests, 'expiredPageToken');
  }

  /** The size of the next delta page: the next of `variablePageSizes.sizes`, else the simulator's page size. */
  nextPageSize(defaultSize: number): number {
    const sizes = this.plan.variablePageSizes?.sizes;
    if (!sizes || sizes.length === 0) return defaultSize;
    const size = sizes[this.pageSizeIndex++ % sizes.length];
    if (size !== defaultSize) {
      this.injected.variablePageSizes++;
      this.injectedUnderPlan.variablePageSizes++;
    }
    return size;
  }

  private hits(fault: RateFault, counter: number, name: keyof FaultCounts): boolean {
    const due =
      fault.fraction !== undefined
        ? Math.floor(counter * fault.fraction + 1e-9) > Math.floor((counter - 1) * fault.fraction + 1e-9)
        : counter % fault.every! === 0;
    if (!due) return false;
    if (fault.limit !== undefined && this.injectedUnderPlan[name] >= fault.limit) return false;
    this.injectedUnderPlan[name]++;
    this.injected[name]++;
    return true;
  }
}

function emptyCounts(): FaultCounts {
  return {
    throttle: 0,
    unavailable: 0,
    malformed: 0,
    replayPages: 0,
    deltaTokenRejected: 0,
    expiredPageToken: 0,
    variablePageSizes: 0,
  };
}

export class FaultPlanError extends Error {
  readonly code = 'LOCAL_GRAPH_FAULT_INVALID';
}

const invalid = (detail: string): never => {
  throw new FaultPlanError(`LOCAL_GRAPH_FAULT_INVALID: ${detail}`);
};

export function validatePlan(plan: FaultPlan): void {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) invalid('a fault plan is a JSON object');
  for (const [name, fault] of Object.entries(plan) as [string, unknown][]) {
    if (fault === undefined) continue;
    if (!FAULT_NAMES.includes(name)) invalid(`unknown fault '${name}' (one of ${FAULT_NAMES.join(', ')})`);
    if (typeof fault !== 'object' || fault === null) invalid(`${name} must be an object`);
    if (!RATE_FAULTS.includes(name)) continue;
    const rate = fault as RateFault;
    if ((rate.every === undefined) === (rate.fraction === undefined))
      invalid(`${name} needs exactly one of every (a positive integer) or fraction (0 < fraction ≤ 1)`);
    if (rate.every !== undefined && (!Number.isInteger(rate.every) || rate.every < 1))
      invalid(`${name}.every must be a positive integer`);
    if (rate.fraction !== undefined && !(rate.fraction > 0 && rate.fraction <= 1))
      invalid(`${name}.fraction must be a number with 0 < fraction ≤ 1`);
    if (rate.limit !== undefined && (!Number.isInteger(rate.limit) || rate.limit < 0))
      invalid(`${name}.limit must be a whole number`);
  }
  if (plan.throttle && !(typeof plan.throttle.retryAfterSeconds === 'number' && plan.throttle.retryAfterSeconds >= 0))
    invalid('throttle.retryAfterSeconds must be a number of seconds');
  const rejected = plan.deltaTokenRejected;
  if (rejected) validateRejection(rejected, 'deltaTokenRejected');
  const sizes = plan.variablePageSizes?.sizes;
  if (plan.variablePageSizes) {
    if (!Array.isArray(sizes) || sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 999))
      invalid('variablePageSizes.sizes must be an array of page sizes (whole numbers 0…999)');
    if (!sizes!.some((n) => n > 0)) invalid('variablePageSizes.sizes needs at least one size above 0');
  }
}

/** Checks `{ status, code }` of a rejected or expired delta token (used by the fault and by expire-delta-tokens). */
export function validateRejection(value: Partial<DeltaTokenRejection>, what: string): void {
  if (value.status !== undefined && !DELTA_TOKEN_STATUSES.includes(value.status))
    invalid(`${what}.status must be one of ${DELTA_TOKEN_STATUSES.join(', ')}`);
  if (value.code !== undefined && !DELTA_TOKEN_CODES.includes(value.code))
    invalid(`${what}.code must be one of ${DELTA_TOKEN_CODES.join(', ')}`);
}
