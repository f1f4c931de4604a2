/**
 * The admin page read as an admin reads it, at 1280×800 and 1920×1080: after a few real runs on the local org (a
 * sync, the weekly change set, a held branch closure approved, and a dry run) every tab is opened at both sizes;
 * no column header is cut short ("Tr…"), no raw Entra object id stands where a name exists, and the status tab draws
 * the run trend. Screenshots go to .tmp/screenshots/ (git-ignored) for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAdminPage, type AdminPage } from './adminPage.ts';
import { GUID, SIZES, shoot, truncatedHeaders } from './readability.ts';

describe('the admin page is readable at both sizes', { timeout: 1_200_000 }, () => {
  let admin: AdminPage;
  before(async () => {
    admin = await startAdminPage();
  });
  after(() => admin?.close());

  it('runs a sync, the weekly change set, an approved branch closure and a dry run of the re-hires', async () => {
    const { server, page, button, waitForRun } = admin;
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
        const { server, page, button } = admin;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
      });

      it('status and history: trend drawn, every header whole, counters name every action', async () => {
        const { page, openTab } = admin;
        await openTab(/status/i);
        await page.locator('[data-id="runs-table"]').getByText('RUN-000001').waitFor();
        await page.locator('[data-id="run-trend"] [data-id="chart"] svg').waitFor();
        await page.waitForTimeout(500);
        await shoot(page, `${size.name}-01-status`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header on the status tab');
        assert.match(await page.locator('[data-id="last-run"]').innerText(), /failed/);
      });

      it('run detail shows people by name and username', async () => {
        const { page, openTab } = admin;
        await openTab(/status/i);
        await page.locator('[data-id="runs-table"]').getByText('RUN-000003').click();
        await openTab(/detail/i);
        await page.locator('[data-id="changes-table"] tbody tr').first().waitFor();
        await shoot(page, `${size.name}-02-run-detail`, false);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in run detail');
        const users = await page
          .locator('[data-id="changes-table"] tbody th[data-id="user"] > div:first-child')
          .allInnerTexts();
        assert.ok(users.length > 0);
        for (const user of users) assert.doesNotMatch(user, GUID, `named, not an id: ${user}`);
      });

      it('preview shows people by name and username', async () => {
        const { page, openTab } = admin;
        await openTab(/preview/i);
        await page.locator('[data-id="summary"], [data-id="nothing-to-do"]').first().waitFor();
        await shoot(page, `${size.name}-03-preview`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in the preview');
        const users = await page.locator('th[data-id="user"] > div:first-child').allInnerTexts();
        for (const user of users) assert.doesNotMatch(user, GUID, `named, not an id: ${user}`);
      });

      it('field mappings: every header whole', async () => {
        const { page, openTab } = admin;
        await openTab(/mapping/i);
        await page.locator('[data-id="mappings-table"]').getByText('Department').first().waitFor();
        await shoot(page, `${size.name}-04-mappings`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in mappings');
      });

      it('rules: groups by name, every header whole', async () => {
        const { page, openTab } = admin;
        await openTab(/rules/i);
        await page.locator('[data-id="rules-table"] tbody tr').first().waitFor();
        await page.waitForTimeout(300);
        await shoot(page, `${size.name}-05-rules`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in rules');
        const text = await page.locator('[data-id="rules-table"]').innerText();
        assert.doesNotMatch(text, GUID, 'rules show group names, ids only on hover');
      });
    });
  }
});
