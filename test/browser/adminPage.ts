/**
 * The setup every browser test shares: the admin UI built into a private folder, served by the local UI server and
 * opened in Chromium (chromium.ts). `startAdminPage` puts the local org behind it, syncing from the Graph simulator
 * with the Pinnacle tenant unless told otherwise; `startUiPage` serves the page against bridges a test brings (a fake
 * org, say). Call either in a `before` and the returned `close` in the matching `after`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { buildAdminUi, PROJECT_DIR } from '../../packages/dev-env/ui/build.ts';
import { startUiServer, type OrgBridge, type TenantBridge, type UiServer } from '../../packages/dev-env/ui/server.ts';
import { LocalRun } from '../../packages/dev-env/localRun/localRun.ts';
import { orgBridge, tenantBridge } from '../../packages/dev-env/localRun/uiBridges.ts';
import { openBrowser, type BrowserSession } from './chromium.ts';
import { SCREENSHOTS } from './readability.ts';

export const PINNACLE = fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url));

/** What the page is served against. */
export interface UiBridges {
  org: OrgBridge;
  tenant: TenantBridge;
}

export interface UiPageOptions {
  /** Playwright's default timeout for the page's actions and waits (Playwright's own when left out) */
  defaultTimeout?: number;
}

export interface UiPage {
  server: UiServer;
  browser: BrowserSession;
  page: Page;
  /** Closes the browser, the server and the local org, and removes the built UI; safe to call more than once. */
  close(): Promise<void>;
}

export interface AdminPageOptions extends UiPageOptions {
  /** the tenant the simulator serves; Pinnacle by default */
  tenantFile?: string;
  /** how long waitForRun waits, in milliseconds; 240 000 by default */
  runTimeout?: number;
}

export interface AdminPage extends UiPage {
  run: LocalRun;
  /** How long waitForRun waits, in milliseconds. */
  runTimeout: number;
  /** The first button inside the element with this data-id, within `within` (the whole page by default). */
  button(dataId: string, within?: Locator | Page): Locator;
  /** Clicks the admin app's tab whose name matches. */
  openTab(name: RegExp): Promise<void>;
  /** Waits until the org's latest run is in one of `statuses`; returns that status. */
  waitForRun(statuses: string[]): Promise<string>;
}

type Closer = () => unknown;

/** Runs every closer, newest first, even when one fails; then throws the first failure. */
async function closeAll(closers: Closer[]): Promise<void> {
  let failure: unknown;
  for (const closer of closers.splice(0).reverse()) {
    try {
      await closer();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

/** Builds, serves and opens the page; `connect` makes the bridges (and adds what to stop to `closers`). */
async function openUiPage(connect: (closers: Closer[]) => Promise<UiBridges>, options: UiPageOptions): Promise<UiPage> {
  const closers: Closer[] = [];
  const close = (): Promise<void> => closeAll(closers);
  try {
    // a private output folder inside the project (the LWC resolver needs its package.json): test files run in parallel
    mkdirSync(SCREENSHOTS, { recursive: true });
    const outDir = mkdtempSync(path.join(PROJECT_DIR, '.tmp', 'ui-test-'));
    closers.push(() => rmSync(outDir, { recursive: true, force: true }));
    const build = await buildAdminUi({ outDir });
    const { org, tenant } = await connect(closers);
    const server = await startUiServer({ bundleFile: build.bundleFile, org, tenant });
    closers.push(() => server.close());
    const browser = await openBrowser();
    closers.push(() => browser.close());
    if (options.defaultTimeout !== undefined) browser.context.setDefaultTimeout(options.defaultTimeout);
    return { server, browser, page: browser.page, close };
  } catch (error) {
    await close().catch(() => undefined); // the setup's own error is the one to report
    throw error;
  }
}

/** The admin page served against the given bridges, without the local org. */
export function startUiPage(bridges: UiBridges, options: UiPageOptions = {}): Promise<UiPage> {
  return openUiPage(async () => bridges, options);
}

/** The admin page against the local org, syncing from the Graph simulator with the tenant (Pinnacle by default). */
export async function startAdminPage(options: AdminPageOptions = {}): Promise<AdminPage> {
  const runTimeout = options.runTimeout ?? 240_000;
  let run!: LocalRun;
  const ui = await openUiPage(
    async (closers) => {
      run = await LocalRun.start({ tenantFile: options.tenantFile ?? PINNACLE });
      closers.push(() => run.stop());
      return { org: orgBridge(run), tenant: tenantBridge(run) };
    },
    { defaultTimeout: 30_000, ...options },
  );
  const { page } = ui;
  return {
    ...ui,
    run,
    runTimeout,
    button: (dataId, within = page) => within.locator(`[data-id="${dataId}"] button`).first(),
    openTab: (name) => page.getByRole('tab', { name }).click(),
    waitForRun: async (statuses) => {
      const deadline = Date.now() + runTimeout;
      while (Date.now() < deadline) {
        const status = run.latestRun()?.status;
        if (status && statuses.includes(status)) return status;
        await page.waitForTimeout(500);
      }
      throw new Error(
        `LOCAL_BROWSER_TIMEOUT: the run did not reach ${statuses.join('/')} (last ${run.latestRun()?.status})`,
      );
    },
  };
}
