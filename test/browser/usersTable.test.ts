/**
 * The Users tab in a real browser on the local org, after the Pinnacle sync and its weekly change set (which hires
 * the Support Operations service desk as Unified Employee users and freezes a disabled account): search a user,
 * filter frozen, Unified Employee (with each user's chain: Person Account, Employee2 number, status and date) and
 * failing users, at 1280×800 and 1920×1080 with every column header whole. Screenshots go to .tmp/screenshots/
 * (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import type { UserReport } from '../../packages/dev-env/localRun/orgReport.ts';
import { startAdminPage, type AdminPage } from './adminPage.ts';
import { GUID, SIZES, shoot, truncatedHeaders } from './readability.ts';

const FAILURE_CODE = 'UNABLE_TO_LOCK_ROW';

describe('the Users tab after the Pinnacle sync', { timeout: 1_200_000 }, () => {
  let admin: AdminPage;
  let frozen: UserReport;
  let employee: UserReport;
  let failing: UserReport;

  before(async () => {
    admin = await startAdminPage();
  });
  after(() => admin?.close());

  // the page's own "Local tenant" panel has a users table too: everything here is inside the package's component
  const card = (): Locator => admin.page.locator('c-entra-sync-users-table');
  const table = (): Locator => card().locator('[data-id="users-table"]');
  const rows = (): Locator => table().locator('tbody tr');
  const pageInfo = (): Locator => card().locator('[data-id="page-info"]');
  /** Waits until the page info reads `… · N users` for the expected count. */
  const waitForTotal = (count: number): Promise<void> =>
    pageInfo()
      .filter({ hasText: new RegExp(`· ${count} users$`) })
      .waitFor();
  const chooseFilter = async (label: string): Promise<void> => {
    await card().locator('[data-id="filter"] button, [data-id="filter"] input').first().click();
    await admin.page.getByRole('option', { name: label, exact: true }).click();
  };
  const search = async (text: string): Promise<void> => {
    await card().locator('[data-id="search"] input').fill(text);
  };

  it('syncs Pinnacle and its weekly change set', async () => {
    const { run, server, page, button, waitForRun } = admin;
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
        const { server, page, button, openTab } = admin;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
        await openTab(/^users$/i);
        await rows().first().waitFor();
      });

      it('lists the synced users by name and username, every header whole', async () => {
        const { page } = admin;
        await page.waitForTimeout(300);
        await shoot(page, `${size.name}-06-users`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header on the users tab');
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
        const { page } = admin;
        await chooseFilter('Unified Employee users');
        await waitForTotal(5);
        await page.waitForTimeout(300);
        await shoot(page, `${size.name}-07-users-employees`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header with the chain columns');
        const row = rows().filter({ hasText: employee.Username });
        const text = await row.innerText();
        assert.match(text, /Unified Employee/);
        assert.match(text, new RegExp(`${employee.Employee!.EmployeeNumber} · Active since`));
        assert.match(text, new RegExp(`${employee.FirstName} ${employee.LastName}`), 'the Person Account by name');
      });

      it('filters the failing users, with the error code of their latest change', async () => {
        const { page } = admin;
        await chooseFilter('Failing (latest change failed)');
        await waitForTotal(1);
        await shoot(page, `${size.name}-08-users-failing`);
        const text = await rows().first().innerText();
        assert.match(text, new RegExp(failing.Username.replace(/\./g, '\\.')));
        assert.match(text, new RegExp(`Update failed \\(${FAILURE_CODE}\\)`));
        await chooseFilter('All users');
        await waitForTotal(286);
      });
    });
  }
});
