/**
 * The Microsoft identity platform's client-credentials token endpoint
 * (`POST /{tenant}/oauth2/v2.0/token`, https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow)
 * and the bearer check Graph applies to every request.
 *
 * Errors follow the identity platform's shape `{ error, error_description, error_codes, timestamp, trace_id,
 * correlation_id }`: a wrong secret is `invalid_client` / AADSTS7000215, an unknown client AADSTS700016, an unknown
 * tenant AADSTS90002.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { graphError } from './odata.ts';
import type { GraphResponse } from './graphResponse.ts';

export interface ClientCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const TOKEN_LIFETIME_SECONDS = 3599;

export class TokenIssuer {
  private readonly issued = new Map<string, number>(); // access token -> expiry (epoch ms)

  constructor(private readonly credentials: ClientCredentials) {}

  handleTokenRequest(tenant: string, formBody: string): GraphResponse {
    const form = new URLSearchParams(formBody);
    if (tenant !== this.credentials.tenantId)
      return identityError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`,
      );
    if (form.get('grant_type') !== 'client_credentials')
      return identityError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.get('client_id') !== this.credentials.clientId)
      return identityError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.get('client_id')}' was not found in the directory.`,
      );
    if (!form.get('client_secret'))
      return identityError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (form.get('client_secret') !== this.credentials.clientSecret)
      return identityError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    if (form.get('scope') !== GRAPH_SCOPE)
      return identityError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope '${form.get('scope')}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
      );

    const accessToken = randomBytes(24).toString('base64url');
    this.issued.set(accessToken, Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        access_token: accessToken,
      },
    };
  }

  /** Undefined when the Authorization header carries a live token; otherwise Graph's 401. */
  checkBearer(authorization: string | undefined): GraphResponse | undefined {
    if (!authorization || !/^Bearer\s+\S+/i.test(authorization))
      return { status: 401, body: graphError('InvalidAuthenticationToken', 'Access token is empty.') };
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    const expiry = this.issued.get(token);
    if (expiry === undefined)
      return { status: 401, body: graphError('InvalidAuthenticationToken', 'Access token validation failure.') };
    if (expiry < Date.now())
      return {
        status: 401,
        body: graphError('InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
      };
    return undefined;
  }
}

function identityError(status: number, error: string, code: number, description: string): GraphResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}
