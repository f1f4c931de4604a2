import { createElement } from 'lwc';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import STATUS from './data/status.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/apex/EntraSyncAdminController.getSeats',
  () => ({ default: jest.fn(() => Promise.resolve({ licences: [] })) }),
  { virtual: true },
);

const mockGetStatus = getStatus as unknown as jest.Mock;

const NOTICES = [
  'ENTRASYNC_LEAVE_DATES_UNREADABLE: Graph refused employeeLeaveDateTime; grant User-LifeCycleInfo.Read.All.',
  'ENTRASYNC_UEL_UNAVAILABLE: Rule Staff is Unified Employee; missing: Employee2. Enable them in Setup.',
];

async function mount(lastRun: Record<string, unknown>): Promise<HTMLElement> {
  mockGetStatus.mockResolvedValue({ ...STATUS, lastRun: { ...STATUS.lastRun, ...lastRun } });
  const element = document.body.appendChild(createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel }));
  await flushPromises();
  return element;
}

/** The warnings the last run's notices component renders (in its own shadow tree). */
function shownNotices(element: HTMLElement): HTMLElement[] {
  const notices = byDataId(element, 'last-run-notices');
  return Array.from(notices.shadowRoot!.querySelectorAll<HTMLElement>('[data-id="run-notice"]'));
}

describe('c-entra-sync-status-panel last run notices', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows each notice of the last run as a warning, code first', async () => {
    const element = await mount({ notices: NOTICES });

    const shown = shownNotices(element);
    expect(shown.map((notice) => notice.dataset.code)).toEqual([
      'ENTRASYNC_LEAVE_DATES_UNREADABLE',
      'ENTRASYNC_UEL_UNAVAILABLE',
    ]);
    expect(shown[0].classList.contains('slds-alert_warning')).toBe(true);
    expect(shown[0].getAttribute('role')).toBe('status');
    expect(shown[0].textContent).toContain('grant User-LifeCycleInfo.Read.All');
    expect(byDataId(element, 'last-run')!.contains(byDataId(element, 'last-run-notices'))).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('shows no warning for a run without notices', async () => {
    const element = await mount({ notices: [] });

    expect(shownNotices(element)).toHaveLength(0);
    await expect(element).toBeAccessible();
  });
});
