/**
 * The Users tab in a real browser on the local org, after the Pinnacle sync and its weekly change set (which hires
 * the Support Operations service desk as Unified Employee users and freezes a disabled account): search a user,
 * filter frozen, Unified Employee (with each user's chain: Person Account, Employee2 number, status and date) and
 * failing users, at 1280×800 and 1920×1080 with every column header whole. Screenshots go to .tmp/screenshots/
 * (git-ignored) for a person to look at.
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
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';
import { orgBridge, tenantBridge } from '../../packages/dev-env/localRun/uiBridges.ts';
import { openBrowser, type BrowserSession } from './chromium.ts';

const PINNACLE = fileURLToPath(new URL('../../packages/dev-env/tenants/pinnacle.json', import.meta.url));
const SCREENSHOTS = path.join(PROJECT_DIR, '.tmp', 'screenshots');
const RUN_TIMEOUT = 240_000;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const FAILURE_CODE = 'UNABLE_TO_LOCK_ROW';
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

/**
 * Header texts whose content is wider than the space they have (the datatable then shows "Li…"), shadow roots
 * included (the same measure as adminReadability.test.ts). A source string, not a function: tsx would wrap a
 * function's inner names in a helper the page lacks.
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

describe('the Users tab after the Pinnacle sync', { timeout: 1_200_000 }, () => {
  let run: LocalRun;
  let server: UiServer;
  let browser: BrowserSession;
  let page: Page;
  let outDir = '';
  let frozen: UserReport;
  let employee: UserReport;
  let failing: UserReport;

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
  // the page's own "Local tenant" panel has a users table too: everything here is inside the package's component
  const card = (): Locator => page.locator('c-entra-sync-users-table');
  const table = (): Locator => card().locator('[data-id="users-table"]');
  const rows = (): Locator => table().locator('tbody tr');
  const pageInfo = (): Locator => card().locator('[data-id="page-info"]');
  const waitForRun = async (statuses: string[]): Promise<string> => {
    const deadline = Date.now() + RUN_TIMEOUT;
    while (Date.now() < deadline) {
      const status = run.latestRun()?.status;
      if (status && statuses.includes(status)) return status;
      await page.waitForTimeout(500);
    }
    throw new Error(`LOCAL_BROWSER_TIMEOUT: the run did not reach ${statuses.join('/')}`);
  };
  const shoot = (name: string): Promise<unknown> =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, timeout: 60_000 });
  const truncatedHeaders = (): Promise<string[]> => page.evaluate<string[]>(TRUNCATED_HEADERS);
  /** Waits until the page info reads `… · N users` for the expected count. */
  const waitForTotal = (count: number): Promise<void> =>
    pageInfo()
      .filter({ hasText: new RegExp(`· ${count} users$`) })
      .waitFor();
  const chooseFilter = async (label: string): Promise<void> => {
    await card().locator('[data-id="filter"] button, [data-id="filter"] input').first().click();
    await page.getByRole('option', { name: label, exact: true }).click();
  };
  const search = async (text: string): Promise<void> => {
    await card().locator('[data-id="search"] input').fill(text);
  };

  it('syncs Pinnacle and its weekly change set', async () => {
    await page.goto(server.url);
    await button('run-now').click();
    await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']);
    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'Change set applied in Entra' }).waitFor();
    await button('run-now').click();
    await page.waitForTimeout(1000);
    assert.equal(await waitForRun(['Completed', 'CompletedWithErrors', 'Failed']), 'Completed');

    const users = run.users();
    frozen = users.find((user) => user.IsFrozen)!;
    employee = users.find(
      (user) => user.LicenceKind === 'UnifiedEmployee' && user.Employee?.EmployeeStatus === 'Active',
    )!;
    assert.ok(frozen, 'the weekly update freezes the disabled account');
    assert.ok(employee, 'the weekly update hires Unified Employee users into the service desk');
    // Pinnacle's runs apply every change; a failed update, as a row lock in a busy org leaves it, is recorded the way
    // the record stage records one so that the failing filter has someone to show.
    failing = users.find((user) => user.LicenceKind === 'Internal' && user.IsActive && !user.IsFrozen)!;
    run.runApex(`
      EntraSyncRun__c failedRun = new EntraSyncRun__c(Status__c = 'CompletedWithErrors', Trigger__c = 'Manual',
        Mode__c = 'Incremental', IsDryRun__c = false, StartedAt__c = System.now(), Failed__c = 1);
      insert failedRun;
      insert new EntraSyncChange__c(Run__c = failedRun.Id, Action__c = 'Update', Status__c = 'Failed',
        EntraObjectId__c = '${failing.EntraSyncObjectId__c}', UserPrincipalName__c = '${failing.Username}',
        User__c = '${failing.Id}', ErrorCode__c = '${FAILURE_CODE}', ErrorMessage__c = 'Record locked by another job.');
    `);
  });

  for (const size of SIZES) {
    describe(`at ${size.name}`, () => {
      before(async () => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
        await openTab(/^users$/i);
        await rows().first().waitFor();
      });

      it('lists the synced users by name and username, every header whole', async () => {
        await page.waitForTimeout(300);
        await shoot(`${size.name}-06-users`);
        assert.deepEqual(await truncatedHeaders(), [], 'no cut header on the users tab');
        assert.match(await pageInfo().innerText(), /Page 1 of \d+ · 286 users/);
        const names = await table().locator('tbody th').allInnerTexts();
        assert.ok(names.length > 0);
        for (const name of names) assert.doesNotMatch(name, GUID, `named, not an id: ${name}`);
      });

      it('finds a user by username', async () => {
        await search(employee.Username.toUpperCase());
        await waitForTotal(1);
        assert.match(await rows().first().innerText(), new RegExp(employee.Username.replace(/\./g, '\\.')));
        await search('');
        await waitForTotal(286);
      });

      it('filters the frozen users', async () => {
        await chooseFilter('Frozen');
        await waitForTotal(1);
        const text = await rows().first().innerText();
        assert.match(text, new RegExp(frozen.Username.replace(/\./g, '\\.')));
        assert.match(text, /Frozen/);
      });

      it("filters the Unified Employee users and shows each one's chain", async () => {
        await chooseFilter('Unified Employee users');
        await waitForTotal(5);
        await page.waitForTimeout(300);
        await shoot(`${size.name}-07-users-employees`);
        assert.deepEqual(await truncatedHeaders(), [], 'no cut header with the chain columns');
        const row = rows().filter({ hasText: employee.Username });
        const text = await row.innerText();
        assert.match(text, /Unified Employee/);
        assert.match(text, new RegExp(`${employee.Employee!.EmployeeNumber} · Active since`));
        assert.match(text, new RegExp(`${employee.FirstName} ${employee.LastName}`), 'the Person Account by name');
      });

      it('filters the failing users, with the error code of their latest change', async () => {
        await chooseFilter('Failing (latest change failed)');
        await waitForTotal(1);
        await shoot(`${size.name}-08-users-failing`);
        const text = await rows().first().innerText();
        assert.match(text, new RegExp(failing.Username.replace(/\./g, '\\.')));
        assert.match(text, new RegExp(`Update failed \\(${FAILURE_CODE}\\)`));
        await chooseFilter('All users');
        await waitForTotal(286);
      });
    });
  }
});
