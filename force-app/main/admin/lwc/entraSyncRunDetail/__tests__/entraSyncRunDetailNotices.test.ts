import { createElement } from 'lwc';
import EntraSyncRunDetail from 'c/entraSyncRunDetail';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import RUN_DETAIL from './data/runDetail.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});

const mockGetRunDetail = getRunDetail as unknown as jest.Mock;
const RUN_ID = 'a01000000000002AAA';

const NOTICES = [
  'ENTRASYNC_LEAVE_DATES_UNREADABLE: Graph refused employeeLeaveDateTime; grant User-LifeCycleInfo.Read.All.',
  'ENTRASYNC_UEL_UNAVAILABLE: Rule Staff is Unified Employee; missing: Employee2. Enable them in Setup.',
];

type DetailElement = HTMLElement & { runId?: string };

async function mount(run: Record<string, unknown>): Promise<DetailElement> {
  mockGetRunDetail.mockResolvedValue({ ...RUN_DETAIL, run: { ...RUN_DETAIL.run, ...run } });
  const element = createElement('c-entra-sync-run-detail', { is: EntraSyncRunDetail }) as DetailElement;
  element.runId = RUN_ID;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

/** The warnings the run's notices component renders (in its own shadow tree). */
function shownNotices(element: HTMLElement): HTMLElement[] {
  const notices = byDataId(element, 'run-notices');
  return Array.from(notices.shadowRoot!.querySelectorAll<HTMLElement>('[data-id="run-notice"]'));
}

describe('c-entra-sync-run-detail: run notices', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows each notice of the run above its changes, code first', async () => {
    const element = await mount({ notices: NOTICES });

    const shown = shownNotices(element);
    expect(shown.map((notice) => notice.dataset.code)).toEqual([
      'ENTRASYNC_LEAVE_DATES_UNREADABLE',
      'ENTRASYNC_UEL_UNAVAILABLE',
    ]);
    expect(shown[1].classList.contains('slds-alert_warning')).toBe(true);
    expect(shown[1].getAttribute('role')).toBe('status');
    expect(shown[1].querySelector('strong')!.textContent).toBe('ENTRASYNC_UEL_UNAVAILABLE:');
    expect(shown[1].textContent).toContain('Enable them in Setup.');
    const order = byDataId(element, 'run-notices').compareDocumentPosition(byDataId(element, 'changes-table'));
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expect(element).toBeAccessible();
  });

  it('shows no warning for a run without notices', async () => {
    const element = await mount({ notices: [] });

    expect(shownNotices(element)).toHaveLength(0);
    expect(byDataId(element, 'run-error')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
