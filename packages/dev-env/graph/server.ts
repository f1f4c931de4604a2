/**
 * The Microsoft Graph simulator: an HTTP server on loopback that answers what the package asks of Graph, with its
 * state in a `Directory` loaded from a tenant fixture, faults on request, and a control API under `/_sim/` for
 * tests and the local UI (see controlApi.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppPermissions, checkRoute, DEFAULT_APP_PERMISSIONS } from './appPermissions.ts';
import { TokenIssuer, type ClientCredentials } from './auth.ts';
import { handleControl } from './controlApi.ts';
import { Directory } from './directory.ts';
import { FaultInjector, validateRejection, type DeltaTokenRejection, type FaultPlan } from './faults.ts';
import type { GraphResponse } from './graphResponse.ts';
import { groupsDelta } from './groupsDelta.ts';
import { graphError } from './odata.ts';
import { RequestStats } from './requestStats.ts';
import type { TenantFixture } from './tenantFixture.ts';
import { usersDelta, type DeltaContext } from './usersDelta.ts';
import { usersList } from './usersList.ts';
import { USER_GROUPS_PATH, USER_PATH, userGet, usersFiltered, userTransitiveGroups } from './userGet.ts';

export const DEFAULT_CREDENTIALS: ClientCredentials = {
  tenantId: '7a1c2e4f-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
  clientId: 'entra-user-sync-local',
  clientSecret: 'local-client-secret',
};

export interface GraphSimulatorOptions {
  fixture: TenantFixture;
  /** port to listen on (default 0 = ephemeral) */
  port?: number;
  /** base URL written into @odata links (default https://graph.microsoft.com, as real Graph answers a Named Credential) */
  publicBaseUrl?: string;
  credentials?: ClientCredentials;
  /** check `Authorization: Bearer` on Graph requests (default true) */
  requireAuth?: boolean;
  /** objects per delta page (default 200, Graph's usual page) */
  pageSize?: number;
  faults?: FaultPlan;
}

export interface GraphSimulator {
  /** the server's own URL, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly directory: Directory;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  readonly credentials: ClientCredentials;
  /** the application permissions granted to the app (the fixture's `app.permissions`; changeable) */
  readonly appPermissions: AppPermissions;
  /** makes every delta token issued so far answer 410 Gone / syncStateNotFound (or the given status and code) */
  expireDeltaTokens(answer?: Partial<DeltaTokenRejection>): void;
  close(): Promise<void>;
}

export async function startGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  const directory = new Directory(options.fixture);
  const graphBaseUrl = options.publicBaseUrl ?? 'https://graph.microsoft.com';
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const stats = new RequestStats();
  const credentials = options.credentials ?? {
    ...DEFAULT_CREDENTIALS,
    tenantId: options.fixture.tenant?.id ?? DEFAULT_CREDENTIALS.tenantId,
  };
  const issuer = new TokenIssuer(credentials);
  const appPermissions = new AppPermissions(options.fixture.app?.permissions ?? DEFAULT_APP_PERMISSIONS);
  const requireAuth = options.requireAuth ?? true;
  let tokenGeneration = 0;
  let expiredAnswer: DeltaTokenRejection = { status: 410, code: 'syncStateNotFound' };

  const simulator: GraphSimulator = {
    url: '',
    directory,
    faults,
    stats,
    credentials,
    appPermissions,
    expireDeltaTokens: (answer = {}) => {
      validateRejection(answer, 'expire-delta-tokens');
      expiredAnswer = { status: answer.status ?? 410, code: answer.code ?? 'syncStateNotFound' };
      tokenGeneration++;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };

  const deltaContext = (): DeltaContext => ({
    directory,
    publicBaseUrl: options.publicBaseUrl ?? 'https://graph.microsoft.com',
    nextPageSize: () => faults.nextPageSize(options.pageSize ?? 200),
    nextListPageSize: (top) => Math.min(top, faults.nextPageSize(top)),
    tokenGeneration,
    expiredAnswer,
    shouldReplayPage: () => faults.shouldReplayPage(),
    rejectDeltaToken: () => faults.rejectDeltaToken(),
    expirePageToken: () => faults.expirePageToken(),
    permissions: appPermissions.current,
  });

  const route = (
    method: string,
    url: URL,
    body: string,
    req: IncomingMessage,
  ): { name: string; response: GraphResponse } => {
    const path = url.pathname;
    const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (tokenMatch) {
      if (method !== 'POST')
        return { name: 'token', response: { status: 405, body: graphError('BadRequest', 'Use POST.') } };
      return { name: 'token', response: issuer.handleTokenRequest(decodeURIComponent(tokenMatch[1]), body) };
    }
    if (!path.startsWith('/v1.0/'))
      return {
        name: 'other',
        response: { status: 404, body: graphError('BadRequest', `Resource not found for the segment '${path}'.`) },
      };
    const name = graphRouteName(path);
    if (requireAuth) {
      const denied = issuer.checkBearer(req.headers.authorization);
      if (denied) return { name, response: denied };
    }
    if (method !== 'GET')
      return {
        name,
        response: { status: 405, body: graphError('Request_BadRequest', 'The simulator answers GET only.') },
      };
    if (name === 'other')
      return {
        name,
        response: { status: 404, body: graphError('Request_ResourceNotFound', `Resource '${path}' does not exist.`) },
      };

    const decision = faults.onRequest();
    // 429 + Retry-After: Microsoft Graph throttling guidance, https://learn.microsoft.com/graph/throttling
    if (decision.kind === 'throttle')
      return {
        name,
        response: {
          status: 429,
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
          body: graphError('TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.'),
        },
      };
    if (decision.kind === 'unavailable')
      return {
        name,
        response: {
          status: 503,
          headers:
            decision.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(decision.retryAfterSeconds) },
          body: graphError('ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.'),
        },
      };
    const response = serveGraph(name, url.searchParams, path);
    if (decision.kind === 'malformed' && response.status === 200) {
      const text = JSON.stringify(response.body);
      return {
        name,
        response: { status: 200, body: { malformed: text.slice(0, Math.max(1, Math.floor(text.length / 2))) } },
      };
    }
    return { name, response };
  };

  const serveGraph = (name: string, params: URLSearchParams, path: string): GraphResponse => {
    // 403 Authorization_RequestDenied without the route's application permission (appPermissions.ts)
    const denied = checkRoute(name, appPermissions.current);
    if (denied) return denied;
    switch (name) {
      case 'usersDelta':
        return usersDelta(deltaContext(), params);
      case 'users':
        return params.has('$filter')
          ? usersFiltered(directory, graphBaseUrl, params, appPermissions.current)
          : usersList(deltaContext(), params);
      case 'user':
        return userGet(directory, graphBaseUrl, USER_PATH.exec(path)![1], params, appPermissions.current);
      case 'userGroups':
        return userTransitiveGroups(directory, USER_GROUPS_PATH.exec(path)![1], params);
      case 'groupsDelta':
        return groupsDelta(deltaContext(), params);
      case 'groups':
        return groupsList(directory, params);
      default:
        return organization(options.fixture, credentials.tenantId);
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      if (url.pathname.startsWith('/_sim/')) {
        const answer = handleControl(method, url.pathname, body, simulator);
        send(res, answer);
        return;
      }
      let answer: { name: string; response: GraphResponse };
      try {
        answer = route(method, url, body, req);
      } catch (error) {
        // a simulator bug must not take the process down: answer 500 and say what broke
        console.error(`LOCAL_GRAPH_INTERNAL_ERROR ${method} ${url.pathname}${url.search}: ${(error as Error).stack}`);
        answer = {
          name: 'error',
          response: { status: 500, body: graphError('InternalServerError', (error as Error).message) },
        };
      }
      stats.record(answer.name, method, url.pathname + url.search, answer.response.status);
      send(res, answer.response);
    });
  });

  // Clients such as the local org block their event loop for whole Apex transactions; an idle keep-alive socket
  // closed meanwhile by the server's default 5 s timeout makes their next request fail ("other side closed").
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  (simulator as { url: string }).url = `http://127.0.0.1:${address.port}`;
  return simulator;
}

function graphRouteName(path: string): string {
  if (path === '/v1.0/users/delta' || path === '/v1.0/users/microsoft.graph.delta' || path === '/v1.0/users/delta()')
    return 'usersDelta';
  if (path === '/v1.0/users') return 'users';
  if (path === '/v1.0/groups/delta' || path === '/v1.0/groups/microsoft.graph.delta' || path === '/v1.0/groups/delta()')
    return 'groupsDelta';
  if (path === '/v1.0/organization') return 'organization';
  if (path === '/v1.0/groups') return 'groups';
  if (USER_GROUPS_PATH.test(path)) return 'userGroups';
  if (USER_PATH.test(path)) return 'user';
  return 'other';
}

/**
 * `GET /v1.0/groups?$top=N&$select=id` — https://learn.microsoft.com/graph/api/group-list (application permission
 * GroupMember.Read.All suffices); the connection test reads one group to prove the credential can read groups.
 * Only `$top` and `$select=id` are honoured: the first page of live groups, without a next link.
 */
function groupsList(directory: Directory, params: URLSearchParams): GraphResponse {
  const top = Math.min(Math.max(Number(params.get('$top') ?? '100') || 100, 1), 999);
  const live = directory.allGroups().filter((group) => group.state === 'active');
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#groups(id)',
      value: live.slice(0, top).map((group) => ({ id: group.id })),
    },
  };
}

/** `GET /v1.0/organization` — https://learn.microsoft.com/graph/api/organization-list (needs Organization.Read.All, which the sync's credential is not granted: kept for clients that ask). */
function organization(fixture: TenantFixture, tenantId: string): GraphResponse {
  const domain = fixture.tenant?.domain ?? 'contoso.onmicrosoft.com';
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
      value: [
        {
          id: tenantId,
          displayName: fixture.tenant?.displayName ?? 'Local tenant',
          verifiedDomains: [
            {
              capabilities: 'Email, OfficeCommunicationsOnline',
              isDefault: true,
              isInitial: true,
              name: domain,
              type: 'Managed',
            },
          ],
        },
      ],
    },
  };
}

function send(res: ServerResponse, response: GraphResponse): void {
  const raw = response.body as { malformed?: string } | string;
  const text =
    typeof raw === 'string'
      ? raw
      : typeof raw === 'object' && raw !== null && 'malformed' in raw
        ? raw.malformed!
        : JSON.stringify(raw);
  res.writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8', ...(response.headers ?? {}) });
  res.end(text);
}
