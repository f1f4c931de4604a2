import { createElement } from 'lwc';
import EntraSyncRunNotices from 'c/entraSyncRunNotices';
import { resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

type NoticesElement = HTMLElement & { notices?: string[] | null };

const LEAVE_DATES =
  'ENTRASYNC_LEAVE_DATES_UNREADABLE: Graph refused employeeLeaveDateTime; grant User-LifeCycleInfo.Read.All.';
const UEL = 'ENTRASYNC_UEL_UNAVAILABLE: Rule Staff is Unified Employee; missing: Employee2. Enable them in Setup.';

async function mount(notices: string[] | null | undefined): Promise<NoticesElement> {
  const element = createElement('c-entra-sync-run-notices', { is: EntraSyncRunNotices }) as NoticesElement;
  element.notices = notices;
  document.body.appendChild(element);
  await Promise.resolve();
  return element;
}

function shownNotices(element: HTMLElement): HTMLElement[] {
  return Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[data-id="run-notice"]'));
}

describe('c-entra-sync-run-notices', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows each notice as a polite SLDS warning, its code first in bold', async () => {
    const element = await mount([LEAVE_DATES, UEL]);

    const shown = shownNotices(element);
    expect(shown).toHaveLength(2);
    expect(shown[0].classList.contains('slds-alert_warning')).toBe(true);
    expect(shown[0].getAttribute('role')).toBe('status');
    expect(shown[0].dataset.code).toBe('ENTRASYNC_LEAVE_DATES_UNREADABLE');
    expect(shown[0].querySelector('strong')!.textContent).toBe('ENTRASYNC_LEAVE_DATES_UNREADABLE:');
    expect(shown[0].querySelector('[data-id="notice-text"]')!.textContent).toBe(
      'Graph refused employeeLeaveDateTime; grant User-LifeCycleInfo.Read.All.',
    );
    expect(shown[1].dataset.code).toBe('ENTRASYNC_UEL_UNAVAILABLE');
    // Jest resolves @salesforce/label/c.X to the string "c.X".
    expect(shown[1].querySelector('.slds-assistive-text')!.textContent).toBe('c.EntraSync_Notice_Warning');
    await expect(element).toBeAccessible();
  });

  it('shows a line without a code as text only', async () => {
    const element = await mount(['Check the rules before the next run.']);

    const [notice] = shownNotices(element);
    expect(notice.querySelector('strong')).toBeNull();
    expect(notice.querySelector('[data-id="notice-text"]')!.textContent).toBe('Check the rules before the next run.');
  });

  it.each([[undefined], [null], [[]], [['', '   ']]])('renders nothing for %p', async (value) => {
    const element = await mount(value);

    expect(element.shadowRoot!.querySelector('[data-id="run-notices"]')).toBeNull();
  });

  it('follows new notices', async () => {
    const element = await mount([]);
    element.notices = [UEL];
    await Promise.resolve();

    expect(shownNotices(element)).toHaveLength(1);
  });
});
