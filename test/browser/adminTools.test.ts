/**
 * The admin page's tools clicked through in Chromium against the local org with the Pinnacle tenant, after a sync
 * and the weekly change set's run: sync one user now (preview with per-field changes, the rule that wins and the
 * licence kind, then apply), seats before creating (names, needed against free, a dry run's needs), undo the weekly
 * run (the users it touched are back), the sync interval (30 minutes, next run shown, back to 2 hours) and the run
 * trend with its table for screen readers. Each step is saved at 1280×800 and 1920×1080 in .tmp/screenshots/
 * (`<size>-2x-….png`), and on each no column header is cut short and no raw id stands in a table where a name exists.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import type { RunReport, UserReport } from '../../packages/dev-env/localRun/orgReport.ts';
import { startAdminPage, type AdminPage } from './adminPage.ts';
import { rawIdsInTables, shoot, SIZES, truncatedHeaders } from './readability.ts';

const FINISHED = ['Completed', 'CompletedWithErrors', 'Failed', 'Cancelled', 'Rejected'];
/** What undo puts back besides the mapped fields. */
const RESTORED_FIELDS = ['IsActive', 'Profile', 'Role', 'PermissionSets'];

describe('the admin tools in Chromium at both sizes', { timeout: 1_500_000 }, () => {
  let admin: AdminPage;
  /** linked users right before the weekly run, and the weekly run itself */
  let beforeWeekly: UserReport[] = [];
  let weeklyRun: RunReport;

  before(async () => {
    admin = await startAdminPage();
  });
  after(() => admin?.close());

  const toast = (text: string | RegExp): Locator =>
    admin.page.locator('[data-id="toast"]').filter({ hasText: text }).first();

  /** Waits for the run after the first `runsBefore` runs that `match`es to finish; returns it. */
  const waitForNewRun = async (runsBefore: number, match: (r: RunReport) => boolean = () => true) => {
    const { run, page, runTimeout } = admin;
    const deadline = Date.now() + runTimeout;
    let found: RunReport | undefined;
    while (Date.now() < deadline) {
      found = run.runs().slice(runsBefore).filter(match).at(-1);
      if (found && FINISHED.includes(found.status)) return found;
      await page.waitForTimeout(500);
    }
    throw new Error(`LOCAL_BROWSER_TIMEOUT: no new run finished (last ${found?.name} ${found?.status})`);
  };

  /** Saves the screen at both sizes; on each, every header is whole and no table shows a raw id. */
  const atBothSizes = async (name: string, ready: () => Promise<unknown>, fullPage = true): Promise<void> => {
    const { page } = admin;
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await ready();
      await page.waitForTimeout(500); // the datatable sizes its columns after a resize
      await shoot(page, `${size.name}-${name}`, fullPage);
      assert.deepEqual(await truncatedHeaders(page), [], `${name} at ${size.name}: no cut header`);
      assert.deepEqual(await rawIdsInTables(page), [], `${name} at ${size.name}: names, not ids`);
    }
  };

  const mappedValues = (user: UserReport | undefined): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(user ?? {}).filter(
        ([key]) => RESTORED_FIELDS.includes(key) || (key.endsWith('__c') && key !== 'EntraSyncObjectId__c'),
      ),
    );

  it('syncs Pinnacle, then the weekly change set', async () => {
    const { run, server, page, button } = admin;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await page.goto(server.url);
    await button('run-now').click();
    assert.equal((await waitForNewRun(0)).status, 'Completed');
    beforeWeekly = run.users();
    assert.ok(beforeWeekly.length > 0, 'the sync linked users');

    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await toast('Change set applied in Entra').waitFor();
    const runsBefore = run.runs().length;
    await button('run-now').click();
    weeklyRun = await waitForNewRun(runsBefore);
    assert.equal(weeklyRun.status, 'Completed');
    assert.ok(weeklyRun.counters.updated > 0, 'the weekly run updated someone');
  });

  it('20 sync one user now: preview with field changes, rule and licence kind, then apply', async () => {
    const { run, page, button, openTab } = admin;
    // a Pinnacle user the weekly run left alone, changed in Entra since: the admin syncs them now
    const weeklyTouched = new Set(
      run
        .users()
        .filter(
          (u) =>
            JSON.stringify(mappedValues(u)) !== JSON.stringify(mappedValues(beforeWeekly.find((b) => b.Id === u.Id))),
        )
        .map((u) => u.Id),
    );
    const user = beforeWeekly.find(
      (u) => u.IsActive && !weeklyTouched.has(u.Id) && typeof u.Title === 'string' && u.LicenceKind === 'Internal',
    );
    assert.ok(user, 'an active internal user the weekly run did not touch');
    const entra = (await run.simulator.control.state()).users.find((u) => u.user.id === user.EntraSyncObjectId__c);
    assert.ok(entra, 'the user is in the tenant');
    const upn = String(entra.user.userPrincipalName);
    const newTitle = `${String(user.Title)} (acting lead)`;
    await run.simulator.control.applyOps([
      { op: 'updateUser', id: user.EntraSyncObjectId__c, set: { jobTitle: newTitle } },
    ]);

    await openTab(/preview/i);
    const lookup = page.locator('c-entra-sync-user-lookup');
    await lookup.locator('[data-id="user-key"] input').fill(upn);
    const runsBefore = run.runs().length;
    await button('preview-user', lookup).click();
    const preview = await waitForNewRun(runsBefore);
    assert.equal(preview.trigger, 'OnDemand');
    assert.equal(preview.dryRun, true, 'the preview applies nothing');
    const userPreview = lookup.locator('[data-id="user-preview"]');
    const titleChange = userPreview.locator('li[data-field="Title"]');
    await titleChange.waitFor();
    assert.match(await titleChange.innerText(), new RegExp(`→\\s*${newTitle.replace(/[()]/g, '\\$&')}`));
    const rule = await lookup.locator('[data-id="rule"]').innerText();
    assert.match(rule, /Rule that wins: .+ · licence .+/, 'the winning rule and its licence kind');
    const kind = await userPreview.locator('td[data-id="licence-kind"] > div').first().innerText();
    assert.equal(kind.trim().length > 0, true, 'the preview names the licence kind');
    assert.equal(run.users().find((u) => u.Id === user.Id)?.Title, user.Title, 'nothing applied yet');
    await atBothSizes('20-sync-one-user', () => userPreview.locator('[data-id="summary"]').waitFor());

    const runsBeforeSync = run.runs().length;
    await button('sync-user', lookup).click();
    await toast(/syncs this user now/).waitFor();
    const synced = await waitForNewRun(runsBeforeSync);
    assert.equal(synced.trigger, 'OnDemand');
    assert.equal(synced.dryRun, false);
    assert.equal(synced.status, 'Completed');
    assert.equal(synced.counters.updated, 1, 'one user updated');
    assert.equal(run.users().find((u) => u.Id === user.Id)?.Title, newTitle, 'the user is synced');
    await atBothSizes('21-sync-one-user-applied', () => userPreview.locator('[data-id="summary"]').waitFor());
  });

  it('22 seats: per licence needed against free, by name; a dry run shows its needs', async () => {
    const { run, page, button, openTab } = admin;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    // a joiner in Entra, in the groups of a synced user, so the dry run plans a create that needs a seat
    const state = await run.simulator.control.state();
    const template = run.users().find((u) => u.IsActive && u.LicenceKind === 'Internal');
    assert.ok(template);
    const templateEntra = state.users.find((u) => u.user.id === template.EntraSyncObjectId__c)!.user;
    const joinerId = randomUUID();
    const domain = String(templateEntra.userPrincipalName).split('@')[1];
    await run.simulator.control.applyOps([
      {
        op: 'addUser',
        user: {
          ...templateEntra,
          id: joinerId,
          userPrincipalName: `seat.joiner@${domain}`,
          mail: `seat.joiner@${domain}`,
          mailNickname: 'seat.joiner',
          displayName: 'Seat Joiner',
          givenName: 'Seat',
          surname: 'Joiner',
          employeeId: null,
        },
      },
      ...state.groups
        .filter((g) => g.members.includes(templateEntra.id as string))
        .map((g) => ({ op: 'addMember' as const, group: g.id, member: joinerId })),
    ]);

    await openTab(/status/i);
    const runsBefore = run.runs().length;
    await button('dry-run').click();
    const dryRun = await waitForNewRun(runsBefore);
    assert.equal(dryRun.dryRun, true);
    // a dry run's counters stay at 0: what it plans are its changes in status DryRun
    const planned = run.runtime.query(
      `SELECT UserPrincipalName__c FROM EntraSyncChange__c WHERE Run__c = '${dryRun.id}' AND Status__c = 'DryRun' AND Action__c IN ('Create', 'Reactivate')`,
    );
    assert.ok(
      planned.some((c) => c.UserPrincipalName__c === `seat.joiner@${domain}`),
      'the dry run plans the joiner',
    );

    // the preview tab shows the dry run and, below it, the seats its creates need
    await openTab(/preview/i);
    const seats = page.locator('c-entra-sync-preview').first().locator('[data-id="seats"] table[data-id="seats"]');
    await seats.waitFor();
    const licences = await seats.locator('tbody th[scope="row"]').allInnerTexts();
    assert.ok(licences.length > 0, 'a row per licence');
    for (const licence of licences) assert.ok(!/^[a-zA-Z0-9]{15,18}$/.test(licence), `a name, not an id: ${licence}`);
    const needed = await seats
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      );
    const totalNeeded = needed.reduce((sum, cells) => sum + Number(cells[0]), 0);
    assert.equal(totalNeeded, planned.length, 'needed = the planned creates and reactivations');
    for (const cells of needed) assert.match(cells[2], /^\d+$/, 'free seats as a number');
    await atBothSizes('22-seats-preview', () => seats.waitFor());

    // the status tab's seats read the latest dry run too
    await openTab(/status/i);
    const panelSeats = page.locator('c-entra-sync-status-panel [data-id="seats"] table[data-id="seats"]');
    await panelSeats.waitFor();
    const panelNeeded = await panelSeats
      .locator('tbody tr')
      .evaluateAll((rows) => rows.reduce((sum, row) => sum + Number(row.querySelector('td')?.textContent ?? 0), 0));
    assert.equal(panelNeeded, totalNeeded, 'the status tab shows the dry run just made');
    await atBothSizes('23-seats-status', () => panelSeats.waitFor());
  });

  it('24 undo the weekly run: the undo run completes and the users it touched are back', async () => {
    const { run, page, button, openTab } = admin;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    const afterWeeklyById = new Map(run.users().map((u) => [u.Id, u]));
    await openTab(/status/i);
    await page.locator('[data-id="runs-table"]').getByText(weeklyRun.name, { exact: true }).click();
    await openTab(/detail/i);
    const detail = page.locator('c-entra-sync-run-detail');
    await detail.getByText(weeklyRun.name).first().waitFor();
    await detail.locator('[data-id="changes-table"] tbody tr').first().waitFor();
    await atBothSizes('24-undo-weekly-run', () => button('undo-run', detail).waitFor(), false);

    const runsBefore = run.runs().length;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await button('undo-run', detail).click();
    // the admin is asked first, with the run's name
    const confirm = page.getByText(`Undo run ${weeklyRun.name}?`, { exact: true });
    await confirm.waitFor();
    assert.ok(await page.getByText(/Users it created are deactivated/).isVisible(), 'the dialog says what undo does');
    await atBothSizes('25-undo-confirm', () => confirm.waitFor(), false);
    await page
      .getByRole('button', { name: /^(OK|Undo)/ })
      .last()
      .click();
    await toast(/undo run has started/).waitFor();
    const undo = await waitForNewRun(runsBefore);
    assert.equal(undo.trigger, 'Undo');
    assert.equal(undo.status, 'Completed', `${undo.name}: ${undo.errorCode ?? ''} ${undo.errorMessage ?? ''}`);

    // the users the weekly run updated have their fields back; those it created are turned off
    const afterUndo = new Map(run.users().map((u) => [u.Id, u]));
    const updated = beforeWeekly.filter(
      (u) => JSON.stringify(mappedValues(u)) !== JSON.stringify(mappedValues(afterWeeklyById.get(u.Id))) && u.IsActive,
    );
    const reverted = updated.filter((u) => afterWeeklyById.get(u.Id)?.IsActive);
    assert.ok(reverted.length > 0, 'the weekly run updated users');
    for (const user of reverted.slice(0, 3))
      assert.deepEqual(mappedValues(afterUndo.get(user.Id)), mappedValues(user), `${user.Username} is back`);
    const created = [...afterWeeklyById.values()].filter((u) => !beforeWeekly.some((b) => b.Id === u.Id));
    for (const user of created) assert.equal(afterUndo.get(user.Id)?.IsActive, false, `${user.Username} turned off`);

    await openTab(/status/i);
    await page.locator('[data-id="runs-table"]').getByText(undo.name, { exact: true }).click();
    await openTab(/detail/i);
    await detail.getByText(undo.name).first().waitFor();
    await detail.locator('[data-id="changes-table"] tbody tr').first().waitFor();
    await atBothSizes('26-undo-run-detail', () => detail.locator('[data-id="changes-table"]').waitFor(), false);
  });

  it('27 sync interval: every 30 minutes shows the next run, then back to every 2 hours', async () => {
    const { run, page, openTab } = admin;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await openTab(/status/i);
    const panel = page.locator('c-entra-sync-status-panel');
    const toggle = panel.locator('[data-id="schedule-toggle"] input');
    const wasOn = await toggle.isChecked();
    if (!wasOn) {
      await panel.locator('[data-id="schedule-toggle"] label').first().click();
      await toast('Done').waitFor();
      await panel.locator('[data-id="next-run"]').waitFor();
    }
    const chooseInterval = async (label: string): Promise<void> => {
      const interval = panel.locator('c-entra-sync-schedule-interval');
      await interval.locator('button, input').first().click();
      await interval.getByRole('option', { name: label }).click();
      await toast('The sync interval is saved.').waitFor();
      await toast('The sync interval is saved.').waitFor({ state: 'detached', timeout: 20_000 });
    };
    const nextRunAt = async (): Promise<Date> => {
      const status = (await run.runtime.invokeAuraEnabled('EntraSyncAdminController', 'getStatus', {})) as {
        ok: boolean;
        value?: { nextScheduledRunAt?: string };
      };
      return new Date(String(status.value?.nextScheduledRunAt));
    };

    await chooseInterval('Every 30 minutes');
    const next30 = await nextRunAt();
    const now = run.now().getTime();
    assert.ok(next30.getTime() > now - 60_000 && next30.getTime() <= now + 30 * 60_000, `next run ${next30}`);
    await panel.locator('[data-id="next-run"] c-entra-sync-date-time').waitFor();
    assert.match(await panel.locator('[data-id="next-run"]').innerText(), /\d/, 'the next run time is shown');
    assert.match(await panel.locator('[data-id="interval"]').innerText(), /30 minutes/, 'the interval says 30 minutes');
    await atBothSizes('27-interval-30-minutes', () => panel.locator('[data-id="next-run"]').waitFor());

    await chooseInterval('Every 2 hours');
    const next120 = await nextRunAt();
    assert.ok(next120.getTime() <= run.now().getTime() + 120 * 60_000, `next run ${next120}`);
    assert.match(await panel.locator('[data-id="interval"]').innerText(), /2 hours/);
    await atBothSizes('28-interval-2-hours', () => panel.locator('[data-id="next-run"]').waitFor());
    if (!wasOn) {
      await panel.locator('[data-id="schedule-toggle"] label').first().click();
      await panel.locator('[data-id="next-run"]').waitFor({ state: 'detached' });
    }
  });

  it('29 run trend: the chart and its table for screen readers', async () => {
    const { run, browser, page, button, openTab } = admin;
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await openTab(/status/i);
    const trend = page.locator('[data-id="run-trend"]');
    await trend.locator('[data-id="refresh"] button').click();
    const chart = trend.locator('[data-id="chart"] svg[role="img"]');
    await chart.waitFor();
    assert.match(String(await chart.getAttribute('aria-label')), /runs from/, 'the chart is described');
    const table = trend.locator('[data-id="trend-table"]');
    assert.match(String(await table.getAttribute('class')), /slds-assistive-text/, 'the table is there for readers');
    assert.ok(await table.locator('caption').count(), 'the table has a caption');
    const names = await table.locator('tbody th[scope="row"]').allTextContents();
    const bars = await trend.locator('[data-id="chart"] g[data-run-id]').count();
    assert.equal(names.length, bars, 'a table row per bar');
    const runNames = new Set(run.runs().map((r) => r.name));
    for (const name of names) assert.ok(runNames.has(name.trim()), `${name} is a run of the org`);
    assert.ok(
      names.some((name) => name.trim() === weeklyRun.name),
      'the weekly run is in the trend',
    );
    await atBothSizes('29-run-trend', () => chart.waitFor());

    await button('toggle-table', trend).click();
    await table.locator('table').waitFor({ state: 'visible' });
    assert.doesNotMatch(String(await table.getAttribute('class')), /slds-assistive-text/);
    await atBothSizes('30-run-trend-table', () => table.locator('table').waitFor());
    await button('toggle-table', trend).click();
    // the local page's toast stand-in logs a console warning for every Salesforce-style toast (title, no label)
    assert.deepEqual(
      browser.errors.filter((error) => !error.startsWith('console: Toast:')),
      [],
      'no page errors',
    );
  });
});
