import { createElement } from 'lwc';
import EntraSyncAdminApp from 'c/entraSyncAdminApp';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';
import getPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import getMappings from '@salesforce/apex/EntraSyncAdminController.getMappings';
import getUserFields from '@salesforce/apex/EntraSyncAdminController.getUserFields';
import getRules from '@salesforce/apex/EntraSyncAdminController.getRules';
import getRuleOptions from '@salesforce/apex/EntraSyncAdminController.getRuleOptions';
import getUsers from '@salesforce/apex/EntraSyncAdminController.getUsers';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

// Every screen in the app reads on connect: each read is mocked. The actions the screens never reach here resolve to
// sfdx-lwc-jest's default Apex stubs.
jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getRuns', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getPreview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.getMappings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getUserFields', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.getRules', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getRuleOptions', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.getUsers', () => ({ default: jest.fn() }), { virtual: true });

const STATUS = { namedCredential: 'EntraSyncGraph', connectionConfigured: true, scheduleEnabled: false };
const EMPTY_PAGE = { runs: [], totalCount: 0, pageNumber: 1, pageSize: 20, hasActiveRun: false };

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-admin-app', { is: EntraSyncAdminApp });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function child<T = HTMLElement>(element: HTMLElement, selector: string): T {
  return element.shadowRoot!.querySelector(selector) as T;
}

describe('c-entra-sync-admin-app', () => {
  beforeEach(() => {
    (getStatus as unknown as jest.Mock).mockResolvedValue(STATUS);
    (getRuns as unknown as jest.Mock).mockResolvedValue(EMPTY_PAGE);
    (getPreview as unknown as jest.Mock).mockResolvedValue({ run: null, groups: [] });
    (getRunDetail as unknown as jest.Mock).mockResolvedValue({
      run: { id: 'a01000000000002AAA', name: 'RUN-000043', status: 'Completed' },
      changes: [],
      failedCount: 0,
      truncated: false,
    });
    (getMappings as unknown as jest.Mock).mockResolvedValue([]);
    (getUserFields as unknown as jest.Mock).mockResolvedValue([]);
    (getRules as unknown as jest.Mock).mockResolvedValue([]);
    (getRuleOptions as unknown as jest.Mock).mockResolvedValue({
      profiles: [],
      roles: [],
      permissionSets: [],
      accounts: [],
    });
    (getUsers as unknown as jest.Mock).mockResolvedValue({
      users: [],
      totalCount: 0,
      pageNumber: 1,
      pageSize: 25,
      employeeFeature: false,
    });
  });

  afterEach(() => {
    resetDom();
  });

  it('lays the screens out in tabs, starting on status and history', async () => {
    const element = await mount();

    const tabs = Array.from(element.shadowRoot!.querySelectorAll('lightning-tab')) as (HTMLElement & {
      value: string;
      label: string;
    })[];
    expect(tabs.map((tab) => tab.value)).toEqual(['overview', 'detail', 'preview', 'mapping', 'rules', 'users']);
    expect(tabs.map((tab) => tab.label)).toEqual([
      'c.EntraSync_App_TabOverview',
      'c.EntraSync_App_TabDetail',
      'c.EntraSync_App_TabPreview',
      'c.EntraSync_App_TabMapping',
      'c.EntraSync_App_TabRules',
      'c.EntraSync_App_TabUsers',
    ]);
    expect(child<{ activeTabValue: string }>(element, 'lightning-tabset').activeTabValue).toBe('overview');
    for (const screen of [
      'c-entra-sync-status-panel',
      'c-entra-sync-run-history',
      'c-entra-sync-run-detail',
      'c-entra-sync-preview',
      'c-entra-sync-mapping-editor',
      'c-entra-sync-rules-editor',
      'c-entra-sync-users-table',
    ]) {
      expect(child(element, screen)).not.toBeNull();
    }
  });

  it('opens a selected dry run in run detail and preview', async () => {
    const element = await mount();

    child(element, 'c-entra-sync-run-history').dispatchEvent(
      new CustomEvent('runselected', { detail: { runId: 'a01000000000002AAA', isDryRun: true } }),
    );
    await flushPromises();

    expect(child<{ activeTabValue: string }>(element, 'lightning-tabset').activeTabValue).toBe('detail');
    expect(child<{ runId: string }>(element, 'c-entra-sync-run-detail').runId).toBe('a01000000000002AAA');
    expect(child<{ runId: string }>(element, 'c-entra-sync-preview').runId).toBe('a01000000000002AAA');
  });

  it('opens a selected run without touching the preview', async () => {
    const element = await mount();

    child(element, 'c-entra-sync-run-history').dispatchEvent(
      new CustomEvent('runselected', { detail: { runId: 'a01000000000003AAA', isDryRun: false } }),
    );
    await flushPromises();

    expect(child<{ runId?: string }>(element, 'c-entra-sync-preview').runId).toBeUndefined();
  });

  it('refreshes the history when a run starts and previews a new dry run', async () => {
    const element = await mount();
    const runsBefore = (getRuns as unknown as jest.Mock).mock.calls.length;

    child(element, 'c-entra-sync-status-panel').dispatchEvent(
      new CustomEvent('runstarted', { detail: { runId: 'a01000000000010AAA', dryRun: true } }),
    );
    await flushPromises();

    expect((getRuns as unknown as jest.Mock).mock.calls.length).toBe(runsBefore + 1);
    expect(child<{ runId: string }>(element, 'c-entra-sync-preview').runId).toBe('a01000000000010AAA');

    child(element, 'c-entra-sync-status-panel').dispatchEvent(
      new CustomEvent('runstarted', { detail: { runId: 'a01000000000011AAA', dryRun: false } }),
    );
    await flushPromises();
    expect(child<{ runId: string }>(element, 'c-entra-sync-preview').runId).toBe('a01000000000010AAA');
  });

  it('refreshes history and status when a run changes', async () => {
    const element = await mount();
    const statusBefore = (getStatus as unknown as jest.Mock).mock.calls.length;
    const runsBefore = (getRuns as unknown as jest.Mock).mock.calls.length;

    child(element, 'c-entra-sync-run-detail').dispatchEvent(new CustomEvent('runchanged', { detail: {} }));
    await flushPromises();

    expect((getStatus as unknown as jest.Mock).mock.calls.length).toBe(statusBefore + 1);
    expect((getRuns as unknown as jest.Mock).mock.calls.length).toBe(runsBefore + 1);
    expect((getUsers as unknown as jest.Mock).mock.calls.length).toBeGreaterThan(1);
  });

  it('tracks the tab the admin opens', async () => {
    const element = await mount();

    element.shadowRoot!.querySelectorAll('lightning-tab')[3].dispatchEvent(new CustomEvent('active'));
    await flushPromises();

    expect(child<{ activeTabValue: string }>(element, 'lightning-tabset').activeTabValue).toBe('mapping');
  });

  it('is accessible', async () => {
    const element = await mount();
    await expect(element).toBeAccessible();
  });
});
