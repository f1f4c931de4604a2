/** Counts what clients asked of the simulator (per route and status), so tests and the bench can report Graph callouts. */
export interface LoggedRequest {
  route: string;
  method: string;
  path: string;
  status: number;
}

const LOG_LIMIT = 1000;

export class RequestStats {
  private readonly byRoute = new Map<string, number>();
  private readonly byStatus = new Map<number, number>();
  private readonly log: LoggedRequest[] = [];

  record(route: string, method: string, path: string, status: number): void {
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.log.push({ route, method, path, status });
    if (this.log.length > LOG_LIMIT) this.log.shift();
  }

  /** Graph API requests (everything but the token endpoint) */
  graphRequests(): number {
    let total = 0;
    for (const [route, count] of this.byRoute) if (route !== 'token') total += count;
    return total;
  }

  summary(): {
    graphRequests: number;
    byRoute: Record<string, number>;
    byStatus: Record<string, number>;
    recent: LoggedRequest[];
  } {
    return {
      graphRequests: this.graphRequests(),
      byRoute: Object.fromEntries(this.byRoute),
      byStatus: Object.fromEntries([...this.byStatus].map(([s, n]) => [String(s), n])),
      recent: this.log.slice(-50),
    };
  }

  reset(): void {
    this.byRoute.clear();
    this.byStatus.clear();
    this.log.length = 0;
  }
}
