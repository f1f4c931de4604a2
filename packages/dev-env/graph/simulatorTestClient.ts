/** Test helper: talks to a started simulator like the package would (token, then bearer GETs following links). */
import type { GraphSimulator } from './server.ts';

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export async function fetchToken(sim: GraphSimulator, secret = sim.credentials.clientSecret): Promise<TestResponse> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sim.credentials.clientId,
    client_secret: secret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const response = await fetch(`${sim.url}/${sim.credentials.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  return toTestResponse(response);
}

export async function graphGet(sim: GraphSimulator, pathOrLink: string, accessToken?: string): Promise<TestResponse> {
  const url = pathOrLink.replace('https://graph.microsoft.com', sim.url);
  const response = await fetch(url.startsWith('http') ? url : sim.url + url, {
    headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
  });
  return toTestResponse(response);
}

/** Follows @odata.nextLink to the end of a round; returns every item and the closing deltaLink. */
export async function readRound(
  sim: GraphSimulator,
  first: string,
  token: string,
): Promise<{ items: Record<string, unknown>[]; pages: number; deltaLink: string }> {
  const items: Record<string, unknown>[] = [];
  let link: string | undefined = first;
  let pages = 0;
  let deltaLink = '';
  while (link) {
    const page = await graphGet(sim, link, token);
    if (page.status !== 200) throw new Error(`page ${pages} answered ${page.status}: ${page.text}`);
    pages++;
    items.push(...(page.json.value as Record<string, unknown>[]));
    link = page.json['@odata.nextLink'] as string | undefined;
    deltaLink = (page.json['@odata.deltaLink'] as string | undefined) ?? deltaLink;
  }
  return { items, pages, deltaLink };
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // malformed bodies are a fault the tests look at through `text`
  }
  return { status: response.status, headers: response.headers, text, json };
}
