/**
 * The admin page read as an admin reads it, at 1280×800 and 1920×1080: after a few real runs on the local org (a
 * sync, the weekly change set, a held branch closure approved, and a dry run) every tab is opened at both sizes;
 * no column header is cut short ("Tr…"), no raw Entra object id stands where a name exists, and the status tab draws
 * the run trend. Screenshots go to .tmp/screenshots/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { buildAdminUi, PROJECT_DIR } from '../../packages/dev-env/ui/build.ts';
import { startUiServer, type UiServer } from '../../packages/dev-env/ui/server.ts';
import { LocalRun } from '../../packages/dev-env/localRun/localRun.ts';
import { orgBridge, tenantBridge } from '../../packages/dev-env/localRun/uiBridges.ts';
import { openBrowser, type BrowserSession } from './chromium.ts';

const PINNACLE = fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url));
const SCREENSHOTS = path.join(PROJECT_DIR, '.tmp', 'screenshots');
const RUN_TIMEOUT = 240_000;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/**
 * Header texts whose content is wider than the space they have (the datatable then shows "Tr…"), shadow roots
 * included. A source string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const TRUNCATED_HEADERS = `(() => {
  const cut = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    for (const header of root.querySelectorAll('th .slds-truncate, thead th')) {
      const text = (header.textContent || '').trim();
      if (!text || header.offsetParent === null) continue;
      if (header.scrollWidth > header.clientWidth + 1) cut.push(text);
    }
  };
  visit(document);
  return [...new Set(cut)];
})()`;

async function truncatedHeaders(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(TRUNCATED_HEADERS);
}

describe('the admin page is readable at both sizes', { timeout: 1_200_000 }, () => {
  let run: LocalRun;
  let server: UiServer;
  let browser: BrowserSession;
  let page: Page;
  let outDir = '';

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    outDir = mkdtempSync(path.join(PROJECT_DIR, '.tmp', 'ui-test-'));
    const build = await buildAdminUi({ outDir });
    run = await LocalRun.start({ tenantFile: PINNACLE });
    server = await startUiServer({ bundleFile: build.bundleFile, org: orgBridge(run), tenant: tenantBridge(run) });
    browser = await openBrowser();
    page = browser.page;
    browser.context.setDefaultTimeout(30_000);
  });
  after(async () => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    await browser?.close();
    await server?.close();
    await run?.stop();
  });

  const button = (dataId: string): Locator => page.locator(`[data-id="${dataId}"] button`).first();
  const openTab = (name: RegExp): Promise<void> => page.getByRole('tab', { name }).click();
  const waitForRun = async (statuses: string[]): Promise<string> => {
    const deadline = Date.now() + RUN_TIMEOUT;
    while (Date.now() < deadline) {
      const status = run.latestRun()?.status;
      if (status && statuses.includes(status)) return status;
      await page.waitForTimeout(500);
    }
    throw new Error(`LOCAL_BROWSER_TIMEOUT: the run did not reach ${statuses.join('/')}`);
  };
  /** Saves the page; long lists (run detail) are saved as the first screen an admin sees. */
  const shoot = (name: string, fullPage = true): Promise<unknown> =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, timeout: 60_000 });

  it('runs a sync, the weekly change set, an approved branch closure and a dry run of the re-hires', async () => {
    await page.goto(server.url);
    await button('run-now').click();
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'Change set applied in Entra' }).waitFor();
    await button('run-now').click();
    await page.waitForTimeout(1000);
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
    await page.getByRole('button', { name: /regional branch closure/ }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'regional branch closure' }).waitFor();
    await button('run-now').click();
    await page.waitForTimeout(1000);
    assert.equal(await waitForRun(['AwaitingApproval', 'Completed', 'Failed']), 'AwaitingApproval');
    await button('approve').waitFor();
    await button('approve').click();
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
    await page.getByRole('button', { name: /re-hires/ }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 're-hires' }).first().waitFor();
    await button('dry-run').click();
    await page.waitForTimeout(1000);
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
  });

  for (const size of SIZES) {
    describe(`at ${size.name}`, () => {
      before(async () => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
      });

      it('status and history: trend drawn, every header whole, counters name every action', async () => {
        await openTab(/status/i);
        await page.locator('[data-id="runs-table"]').getByText('RUN-000001').waitFor();
        await page.locator('[data-id="run-trend"] [data-id="chart"] svg').waitFor();
        await page.waitForTimeout(500);
        await shoot(`${size.name}-01-status`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header on the status tab');
        assert.match(await page.locator('[data-id="last-run"]').innerText(), /failed/);
      });

      it('run detail shows people by name and username', async () => {
        await openTab(/status/i);
        await page.locator('[data-id="runs-table"]').getByText('RUN-000003').click();
        await openTab(/detail/i);
        await page.locator('[data-id="changes-table"] tbody tr').first().waitFor();
        await shoot(`${size.name}-02-run-detail`, false);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in run detail');
        const users = await page
          .locator('[data-id="changes-table"] tbody th[data-id="user"] > div:first-child')
          .allInnerTexts();
        assert.ok(users.length > 0);
        for (const user of users) assert.doesNotMatch(user, GUID, `named, not an id: ${user}`);
      });

      it('preview shows people by name and username', async () => {
        await openTab(/preview/i);
        await page.locator('[data-id="summary"], [data-id="nothing-to-do"]').first().waitFor();
        await shoot(`${size.name}-03-preview`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in the preview');
        const users = await page.locator('th[data-id="user"] > div:first-child').allInnerTexts();
        for (const user of users) assert.doesNotMatch(user, GUID, `named, not an id: ${user}`);
      });

      it('field mappings: every header whole', async () => {
        await openTab(/mapping/i);
        await page.locator('[data-id="mappings-table"]').getByText('Department').first().waitFor();
        await shoot(`${size.name}-04-mappings`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in mappings');
      });

      it('rules: groups by name, every header whole', async () => {
        await openTab(/rules/i);
        await page.locator('[data-id="rules-table"] tbody tr').first().waitFor();
        await page.waitForTimeout(300);
        await shoot(`${size.name}-05-rules`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in rules');
        const text = await page.locator('[data-id="rules-table"]').innerText();
        assert.doesNotMatch(text, GUID, 'rules show group names, ids only on hover');
      });
    });
  }
});
