/**
 * The admin page in a real browser against the real thing: the package's LWCs and Apex on the local org, syncing
 * from the Graph simulator with the Pinnacle tenant. Open the page, Run now, watch the run complete, open its
 * detail, apply the weekly change set and sync it, let the deactivation guard hold a run and approve it, edit a
 * field mapping. Screenshots of each screen go to test/browser/screenshots/.
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
const RUN_TIMEOUT = 120_000;

describe('admin page flows on the local org', { timeout: 600_000 }, () => {
  let run: LocalRun;
  let server: UiServer;
  let browser: BrowserSession;
  let page: Page;

  let outDir = '';
  before(async () => {
    // a private output folder inside the project (the LWC resolver needs its package.json): test files run in parallel
    mkdirSync(path.join(PROJECT_DIR, '.tmp'), { recursive: true });
    outDir = mkdtempSync(path.join(PROJECT_DIR, '.tmp', 'ui-test-'));
    const build = await buildAdminUi({ outDir });
    run = await LocalRun.start({ tenantFile: PINNACLE });
    server = await startUiServer({ bundleFile: build.bundleFile, org: orgBridge(run), tenant: tenantBridge(run) });
    browser = await openBrowser();
    page = browser.page;
  });
  after(async () => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    await browser?.close();
    await server?.close();
    await run?.stop();
  });

  const button = (dataId: string): Locator => page.locator(`[data-id="${dataId}"] button`).first();
  const latestRunStatus = (): string | undefined => run.latestRun()?.status;
  const waitForRun = async (statuses: string[]): Promise<string> => {
    const deadline = Date.now() + RUN_TIMEOUT;
    while (Date.now() < deadline) {
      const status = latestRunStatus();
      if (status && statuses.includes(status)) return status;
      await page.waitForTimeout(500);
    }
    throw new Error(`LOCAL_BROWSER_TIMEOUT: the run did not reach ${statuses.join('/')} (last ${latestRunStatus()})`);
  };
  const openTab = (name: RegExp): Promise<void> => page.getByRole('tab', { name }).click();
  before(() => browser?.context.setDefaultTimeout(20_000));

  it('opens the page: status, history, the Local tenant panel', async () => {
    await page.goto(server.url);
    await button('run-now').waitFor();
    await page.locator('[data-id="tenant-name"]').getByText('Pinnacle Financial Group').waitFor();
    await browser.screenshot('01-opened');
  });

  it('Run now, and the run completes in the history', async () => {
    await button('run-now').click();
    assert.equal(await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']), 'Completed');
    await page.locator('[data-id="runs-table"]').getByText('RUN-000001').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-id="runs-table"]')
      .getByText(/Completed/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByText(/Salesforce users linked to Entra \(280, 280 active\)/).waitFor({ timeout: 30_000 });
    await browser.screenshot('02-run-completed');
  });

  it("opens the run's detail", async () => {
    await page.locator('[data-id="runs-table"]').getByText('RUN-000001').click();
    await openTab(/detail/i);
    try {
      await page.locator('[data-id="changes-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    } finally {
      await browser.screenshot('03-run-detail');
    }
    assert.ok((await page.locator('[data-id="changes-table"] tbody tr').count()) > 0, 'the detail lists changes');
  });

  /** The Local tenant panel counts the linked users as the local org holds them (a future joiner waits inactive). */
  const linkedUsersShown = async (expectedLinked: number): Promise<number> => {
    const users = run.users();
    assert.equal(users.length, expectedLinked, 'linked users in the local org');
    const active = users.filter((u) => u.IsActive).length;
    await page
      .getByText(`Salesforce users linked to Entra (${users.length}, ${active} active)`)
      .waitFor({ timeout: 30_000 });
    return active;
  };
  let activeAfterWeekly = 0;

  it('applies the weekly change set and syncs it', async () => {
    await openTab(/status/i);
    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'Change set applied in Entra' }).waitFor();
    await browser.screenshot('04-weekly-change-set-applied');
    await button('run-now').click();
    assert.equal(await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']), 'Completed');
    activeAfterWeekly = await linkedUsersShown(286);
    await browser.screenshot('05-weekly-run-completed');
  });

  it('a branch closure is held by the deactivation guard, and approving it applies it', async () => {
    await page.getByRole('button', { name: /regional branch closure/ }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'regional branch closure' }).waitFor();
    await button('run-now').click();
    assert.equal(await waitForRun(['AwaitingApproval', 'Completed', 'Failed']), 'AwaitingApproval');
    await page.locator('[data-id="approval-banner"]').waitFor({ timeout: 30_000 });
    await browser.screenshot('06-run-held-for-approval');
    await button('approve').click();
    assert.equal(await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']), 'Completed');
    const activeAfterClosure = await linkedUsersShown(286);
    assert.ok(activeAfterClosure < activeAfterWeekly - 50, 'the approved branch closure deactivated its people');
    await browser.screenshot('07-approved-run-completed');
  });

  it('edits a field mapping', async () => {
    await openTab(/mapping/i);
    const table = page.locator('[data-id="mappings-table"]');
    await table.getByText('Department').first().waitFor({ timeout: 30_000 });
    await browser.screenshot('08-field-mappings');
    const row = table.locator('tr').filter({ hasText: 'Department' }).first();
    await row.getByRole('button').last().click();
    await page.getByRole('menuitem', { name: /edit/i }).click();
    const source = page.locator('[data-id="source"] textarea');
    await source.fill('Upper(department)');
    await page.locator('[data-id="expression-status"]').waitFor();
    await browser.screenshot('09-mapping-editor');
    await button('save').click();
    await page.locator('[data-id="toast"]').first().waitFor({ timeout: 30_000 });
    await browser.screenshot('10-mapping-saved');
    const deadline = Date.now() + 30_000;
    let saved = '';
    while (Date.now() < deadline && saved !== 'Upper(department)') {
      saved = String(
        // an admin's edit is its own Admin_ record that overrides the shipped one (it survives package upgrades)
        run.runtime.query(
          "SELECT Source__c FROM EntraSyncFieldMapping__mdt WHERE TargetField__c = 'Department' AND DeveloperName LIKE 'Admin_%'",
        )[0]?.Source__c ?? '',
      );
      await page.waitForTimeout(500);
    }
    assert.equal(saved, 'Upper(department)', 'the mapping deployment reached the org');
  });
});
