/**
 * HTTP callouts from Apex: `callout:Name/path` resolution to a Named Credential's URL (configured per local run,
 * else the URL in the project's namedCredentials metadata), remote-site checks for literal URLs, the callout
 * governor limits (100 callouts, 120 s total, per-request timeout ≤ 120 s) and the rules that make callouts fail
 * on the platform: uncommitted DML ("You have uncommitted work pending…") and unmocked callouts in tests
 * ("Methods defined as TestMethod do not support Web service callouts").
 */
import { OrgError, type HttpRequestPlain, type HttpResponsePlain } from './api.ts';
import { httpRequestSync } from './httpSync.ts';
import type { Transaction } from './transaction.ts';

export const TEST_CALLOUT_MESSAGE = 'Methods defined as TestMethod do not support Web service callouts';
const MAX_TIMEOUT_MS = 120_000;
const DEFAULT_TIMEOUT_MS = 10_000;

export interface NamedCredential {
  url: string;
  /** headers the local org adds in place of the platform's authentication (e.g. a simulator token) */
  headers: Record<string, string>;
}

export class CalloutService {
  readonly namedCredentials = new Map<string, NamedCredential>();

  constructor(
    metadataCredentials: Map<string, string>,
    private readonly remoteSites: string[],
  ) {
    for (const [name, url] of metadataCredentials) this.namedCredentials.set(name.toLowerCase(), { url, headers: {} });
  }

  configure(name: string, baseUrl: string, headers: Record<string, string> = {}): void {
    this.namedCredentials.set(name.toLowerCase(), { url: baseUrl, headers });
  }

  /** Limits and rules shared by real and mocked callouts. */
  check(request: HttpRequestPlain, tx: Transaction): void {
    tx.assertCalloutAllowed();
    tx.limits.charge('Callouts', 1);
    if (request.timeoutMs > MAX_TIMEOUT_MS)
      throw new OrgError(
        'System.CalloutException',
        `Timeout value must be between 1 and ${MAX_TIMEOUT_MS} milliseconds`,
      );
  }

  send(request: HttpRequestPlain, tx: Transaction): HttpResponsePlain {
    this.check(request, tx);
    if (tx.options.test) throw new OrgError('System.CalloutException', TEST_CALLOUT_MESSAGE);
    const { url, headers } = this.resolve(request.endpoint);
    const remaining = tx.limits.max('CalloutTime') - tx.limits.get('CalloutTime');
    const timeoutMs = Math.min(request.timeoutMs > 0 ? request.timeoutMs : DEFAULT_TIMEOUT_MS, remaining);
    const reply = httpRequestSync({
      method: request.method || 'GET',
      url,
      headers: { ...request.headers, ...headers },
      body: request.body,
      timeoutMs,
    });
    tx.limits.charge('CalloutTime', Math.min(reply.elapsedMs, remaining));
    if (!reply.ok)
      throw new OrgError(
        'System.CalloutException',
        reply.timedOut ? 'Read timed out' : `Unable to connect to ${url}: ${reply.error}`,
      );
    return { statusCode: reply.status, status: reply.statusText, headers: reply.headers, body: reply.body };
  }

  /** `callout:Name/path?query` → base URL + path; literal URLs must match a remote site setting. */
  resolve(endpoint: string): { url: string; headers: Record<string, string> } {
    const m = /^callout:([A-Za-z0-9_]+)(.*)$/s.exec(endpoint);
    if (m) {
      const nc = this.namedCredentials.get(m[1]!.toLowerCase());
      if (!nc) {
        throw new OrgError(
          'System.CalloutException',
          `Unable to find the named credential "${m[1]}". LOCAL_NAMED_CREDENTIAL_MISSING: add it to the project metadata or configure it with setNamedCredentialEndpoint.`,
        );
      }
      return { url: nc.url.replace(/\/$/, '') + m[2], headers: nc.headers };
    }
    if (!this.remoteSites.some((site) => endpoint.toLowerCase().startsWith(site.toLowerCase().replace(/\/$/, '')))) {
      throw new OrgError(
        'System.CalloutException',
        `Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = ${endpoint}`,
      );
    }
    return { url: endpoint, headers: {} };
  }
}
