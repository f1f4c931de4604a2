/**
 * The local admin page in a real browser, without the local org: the built bundle (package LWCs + LWC OSS +
 * lightning-base-components + SLDS + the platform shims) against a fake org bridge. Proves the UI host on its own;
 * the full flows against the real engine are in adminFlows.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startUiPage, type UiPage } from './adminPage.ts';

describe('local admin page (UI host only)', { timeout: 180_000 }, () => {
  let ui: UiPage;
  let applied = 0;
  const apexCalls: string[] = [];

  before(async () => {
    ui = await startUiPage({
      org: {
        invokeAuraEnabled: async (className, method) => {
          apexCalls.push(`${className}.${method}`);
          throw new Error('ENTRASYNC_LOCAL_FAKE: this page runs without the local org');
        },
        linkedUsers: async () => [
          {
            Id: '005A',
            Username: 'olivia.smith@pinnaclefg.com',
            Name: 'Olivia Smith',
            Title: 'Support Agent',
            Profile: 'Standard User',
            PermissionSets: 'PinnacleServiceConsole',
            IsActive: true,
            IsFrozen: false,
            ContactId: null,
          },
          {
            Id: '005B',
            Username: 'liam.jones@pinnaclefg.com',
            Name: 'Liam Jones',
            Title: 'Branch Partner',
            Profile: 'Customer Community Plus User',
            PermissionSets: '',
            IsActive: false,
            IsFrozen: false,
            ContactId: '003A',
          },
        ],
        pendingJobs: () => 0,
        runNextJob: async () => false,
      },
      tenant: {
        summary: async () => ({
          displayName: 'Pinnacle Financial Group',
          domain: 'pinnaclefg.com',
          activeUsers: 300,
          changeSets: ['weekly org update', 're-hires'],
          appliedChangeSets: applied,
        }),
        applyNextChangeSet: async () => ({ applied: ['weekly org update', 're-hires'][applied++] ?? null }),
      },
    });
  });
  after(() => ui?.close());

  it('renders the package admin component, the Local tenant panel and the users table with SLDS', async () => {
    const { server, browser, page } = ui;
    await page.goto(server.url);
    await page.getByText('Local tenant').waitFor();
    await page.getByText('olivia.smith@pinnaclefg.com').waitFor();
    assert.equal(await page.locator('[data-id="tenant-name"]').innerText(), 'Pinnacle Financial Group');
    assert.ok((await page.locator('[data-id="admin-root"] *').count()) > 0, 'the admin component rendered');
    const sldsLoaded = await page
      .locator('.slds-page-header')
      .evaluate((header) => getComputedStyle(header).borderRadius !== '0px');
    assert.ok(sldsLoaded, 'SLDS styles apply');
    assert.ok(apexCalls.length > 0, 'the admin component called Apex through the bridge');
    await browser.screenshot('local-page-ui-host');
    assert.deepEqual(
      browser.errors.filter((e) => !e.includes('ENTRASYNC_LOCAL_FAKE')),
      [],
    );
  });

  it('applies the next change set from the panel and shows a toast', async () => {
    const { browser, page } = ui;
    await page.getByRole('button', { name: 'Simulate the weekly org update' }).click();
    await page.locator('[data-id="toast"]').filter({ hasText: 'Change set applied in Entra' }).waitFor();
    await page.getByText('1 of 2 applied').waitFor();
    await browser.screenshot('local-page-change-set-applied');
  });
});
