/**
 * Unified Employee users in the admin page, in a real browser on the local org with the Pinnacle tenant: the rules
 * editor offers the third licence kind and lists the Support Operations Service Desk rule by its group name as a
 * Unified Employee rule; after the first sync and the weekly update (whose new support hires join the service desk),
 * run detail names each change's licence kind and shows a UEL user's chain (Person Account, Employee record).
 * Screenshots at 1280×800 and 1920×1080 go to .tmp/screenshots/, and no column header is cut short.
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
const SERVICE_DESK = 'Support Operations Service Desk';
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/**
 * Header texts wider than their space (the readability test's check, adminReadability.test.ts), shadow roots
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

describe('Unified Employee users in the admin page', { timeout: 1_200_000 }, () => {
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
  const shoot = (name: string, fullPage = true): Promise<unknown> =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage, timeout: 60_000 });

  it('syncs Pinnacle, then the weekly update that brings the service desk hires', async () => {
    await page.goto(server.url);
    await button('run-now').click();
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'Change set applied in Entra' }).waitFor();
    await button('run-now').click();
    await page.waitForTimeout(1000);
    assert.match(await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']), /^Completed/);
  });

  for (const size of SIZES) {
    describe(`at ${size.name}`, () => {
      before(async () => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
      });

      it('rules: the service desk rule is a Unified Employee rule, named by its group', async () => {
        await openTab(/rules/i);
        const deskRow = page.locator('[data-id="rules-table"] tr').filter({ hasText: SERVICE_DESK });
        await deskRow.first().waitFor();
        assert.match(await deskRow.first().innerText(), /Unified Employee/);
        await page.locator('[data-id="add"] button').click();
        await page.locator('[data-id="licence-kind"] button').click();
        await page.getByRole('option', { name: /Unified Employee/ }).click();
        await page.locator('[data-id="employee-profile-hint"]').waitFor();
        await page.locator('[data-id="person-record-type"]').waitFor();
        assert.equal(await page.locator('[data-id="account"]').count(), 0, 'no Account for a UEL rule');
        await page.waitForTimeout(300);
        await shoot(`${size.name}-21-rules-unified-employee`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in rules');
        await page.locator('[data-id="cancel"] button').click();
      });

      it('run detail: a service desk hire is a Unified Employee with a Person Account and an Employee record', async () => {
        await openTab(/status/i);
        await page.locator('[data-id="runs-table"]').getByText('RUN-000002').click();
        await openTab(/detail/i);
        const employeeRow = page
          .locator('[data-id="changes-table"] tbody tr')
          .filter({ has: page.locator('[data-id="employee-chain"]') })
          .first();
        await employeeRow.waitFor();
        const kind = await employeeRow.locator('td[data-id="licence-kind"]').innerText();
        assert.match(kind, /Unified Employee/);
        assert.match(kind, /Person Account: \S/);
        assert.match(kind, /Employee .*: Active since \d{4}-\d{2}-\d{2}/);
        await employeeRow.scrollIntoViewIfNeeded();
        await shoot(`${size.name}-22-run-detail-unified-employee`, false);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in run detail');
      });
    });
  }
});
