/**
 * The admin page in a real browser against the real thing: the package's LWCs and Apex on the local org, syncing
 * from the Graph simulator with the Pinnacle tenant. Open the page, Run now, watch the run complete, open its
 * detail, apply the weekly change set and sync it, let the deactivation guard hold a run and approve it, edit a
 * field mapping. Screenshots of each screen go to test/browser/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAdminPage, type AdminPage } from './adminPage.ts';

describe('admin page flows on the local org', { timeout: 600_000 }, () => {
  let admin: AdminPage;
  before(async () => {
    admin = await startAdminPage({ runTimeout: 120_000, defaultTimeout: 20_000 });
  });
  after(() => admin?.close());

  it('opens the page: status, history, the Local tenant panel', async () => {
    const { server, browser, page, button } = admin;
    await page.goto(server.url);
    await button('run-now').waitFor();
    await page.locator('[data-id="tenant-name"]').getByText('Pinnacle Financial Group').waitFor();
    await browser.screenshot('01-opened');
  });

  it('Run now, and the run completes in the history', async () => {
    const { browser, page, button, waitForRun } = admin;
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
    const { browser, page, openTab } = admin;
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
    const { run, page } = admin;
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
    const { browser, page, button, openTab, waitForRun } = admin;
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
    const { browser, page, button, waitForRun } = admin;
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
    const { run, browser, page, button, openTab } = admin;
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
