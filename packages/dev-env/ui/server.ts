/**
 * Serves the local admin page: the built bundle, SLDS assets, `/api/apex` (the `@salesforce/apex/*` bridge to the
 * local org) and `/api/local/*` (the simulated tenant and the org's users, for the page's own panels).
 *
 * Async Apex that the admin's actions queue (Run now, approvals) is run in the background, one transaction at a time
 * between HTTP requests, so the page can watch a run move through its stages.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_DIR } from './build.ts';

/** What the page needs from the local org. */
export interface OrgBridge {
  invokeAuraEnabled(className: string, method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Salesforce users linked to Entra, as rows for the users table */
  linkedUsers(): Promise<Record<string, unknown>[]>;
  /** async jobs ready to run now */
  pendingJobs(): number;
  /** runs one ready async transaction; false when none was ready */
  runNextJob(): Promise<boolean>;
}

/** What the page needs from the simulated tenant. */
export interface TenantBridge {
  summary(): Promise<Record<string, unknown>>;
  applyNextChangeSet(): Promise<{ applied: string | null }>;
}

export interface UiServerOptions {
  bundleFile: string;
  org: OrgBridge;
  tenant: TenantBridge;
  port?: number;
  /** called after a change set is applied in the tenant (the start script logs it) */
  onEvent?: (message: string) => void;
}

export interface UiServer {
  url: string;
  close(): Promise<void>;
}

const SLDS_ASSETS = path.join(PROJECT_DIR, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const PAGE = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.js': 'text/javascript',
};

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  let pumping = false;
  let closed = false;
  /** runs ready async jobs, yielding to the event loop between transactions */
  const pump = async (): Promise<void> => {
    if (pumping || closed) return;
    pumping = true;
    try {
      while (!closed && (await options.org.runNextJob())) await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
      options.onEvent?.(`LOCAL_UI_ASYNC_FAILED: ${(error as Error).message}`);
    } finally {
      pumping = false;
    }
  };
  const pumpTimer = setInterval(() => void pump(), 500);
  pumpTimer.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /' || route === 'GET /index.html') return sendText(res, 200, 'text/html; charset=utf-8', PAGE);
    if (route === 'GET /assets/app.js') return sendFile(res, options.bundleFile);
    if (route === 'GET /favicon.ico') return sendText(res, 204, 'image/x-icon', '');
    if (req.method === 'GET' && url.pathname.startsWith('/assets/slds/')) {
      const file = path.normalize(path.join(SLDS_ASSETS, url.pathname.slice('/assets/slds/'.length)));
      if (!file.startsWith(SLDS_ASSETS))
        return sendJson(res, 403, { ok: false, error: { message: 'outside the SLDS assets' } });
      return sendFile(res, file);
    }
    if (route === 'POST /api/apex') {
      const { className, method, params } = JSON.parse(body) as {
        className: string;
        method: string;
        params?: Record<string, unknown>;
      };
      await answer(res, async () => (await options.org.invokeAuraEnabled(className, method, params ?? {})) ?? null);
      void pump();
      return;
    }
    if (route === 'GET /api/local/tenant') return answer(res, () => options.tenant.summary());
    if (route === 'POST /api/local/change-sets/next')
      return answer(res, async () => {
        const result = await options.tenant.applyNextChangeSet();
        options.onEvent?.(`Entra tenant: applied change set "${result.applied}"`);
        return result;
      });
    if (route === 'GET /api/local/users') return answer(res, () => options.org.linkedUsers());
    if (route === 'GET /api/local/activity')
      return answer(res, async () => ({ pendingJobs: options.org.pendingJobs(), running: pumping }));
    sendJson(res, 404, { ok: false, error: { message: `LOCAL_UI_NOT_FOUND: ${route}` } });
  };

  const server: Server = createServer((req, res) => {
    const chunks: Uint8Array[] = [];
    req.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: Error) =>
        sendJson(res, 500, { ok: false, error: { message: error.message } }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => {
      closed = true;
      clearInterval(pumpTimer);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: ServerResponse, produce: () => Promise<unknown>): Promise<void> {
  try {
    sendJson(res, 200, { ok: true, value: await produce() });
  } catch (error) {
    sendJson(res, 200, { ok: false, error: { message: (error as Error).message } });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendFile(res: ServerResponse, file: string): void {
  if (!existsSync(file))
    return sendJson(res, 404, { ok: false, error: { message: `LOCAL_UI_NOT_FOUND: ${path.basename(file)}` } });
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}
