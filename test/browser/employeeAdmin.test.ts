/**
 * Unified Employee users in the admin page, in a real browser on the local org with the Pinnacle tenant: the rules
 * editor offers the third licence kind and lists the Support Operations Service Desk rule by its group name as a
 * Unified Employee rule; after the first sync and the weekly update (whose new support hires join the service desk),
 * run detail names each change's licence kind and shows a UEL user's chain (Person Account, Employee record).
 * Screenshots at 1280×800 and 1920×1080 go to .tmp/screenshots/, and no column header is cut short.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAdminPage, type AdminPage } from './adminPage.ts';
import { SIZES, shoot, truncatedHeaders } from './readability.ts';

const SERVICE_DESK = 'Support Operations Service Desk';

describe('Unified Employee users in the admin page', { timeout: 1_200_000 }, () => {
  let admin: AdminPage;
  before(async () => {
    admin = await startAdminPage();
  });
  after(() => admin?.close());

  it('syncs Pinnacle, then the weekly update that brings the service desk hires', async () => {
    const { server, page, button, waitForRun } = admin;
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
        const { server, page, button } = admin;
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(server.url);
        await button('run-now').waitFor();
      });

      it('rules: the service desk rule is a Unified Employee rule, named by its group', async () => {
        const { page, openTab } = admin;
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
        await shoot(page, `${size.name}-40-rules-unified-employee`);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in rules');
        await page.locator('[data-id="cancel"] button').click();
      });

      it('run detail: a service desk hire is a Unified Employee with a Person Account and an Employee record', async () => {
        const { page, openTab } = admin;
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
        await shoot(page, `${size.name}-41-run-detail-unified-employee`, false);
        assert.deepEqual(await truncatedHeaders(page), [], 'no cut header in run detail');
      });
    });
  }
});
