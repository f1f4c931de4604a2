import { createElement } from 'lwc';
import EntraSyncPreview from 'c/entraSyncPreview';
import getPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import PREVIEW from './data/preview.json';
import { byDataId, flushPromises, inCardState, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getPreview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Preview_GroupLabel', () => ({ default: '{0} ({1})' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_EmptyValue', () => ({ default: '(empty)' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Preview_Summary', () => ({ default: 'Plan of dry run {0}' }), {
  virtual: true,
});

const mockGetPreview = getPreview as unknown as jest.Mock;
const PLANNING = { run: { ...PREVIEW.run, status: 'Planning', isActive: true }, groups: [] };

type PreviewElement = HTMLElement & { runId?: string; refresh(): Promise<void> };

async function mount(runId?: string): Promise<PreviewElement> {
  const element = createElement('c-entra-sync-preview', { is: EntraSyncPreview }) as PreviewElement;
  if (runId) {
    element.runId = runId;
  }
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-preview', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('groups the latest dry run by action with field diffs', async () => {
      mockGetPreview.mockResolvedValue(PREVIEW);
      const element = await mount();

      expect(mockGetPreview).toHaveBeenCalledWith({ runId: null });
      const sections = Array.from(
        element.shadowRoot!.querySelectorAll('lightning-accordion-section'),
      ) as (HTMLElement & { label: string })[];
      expect(sections.map((section) => section.label)).toEqual(['Create (1)', 'Update (1)', 'Deactivate (1)']);
      const title = element.shadowRoot!.querySelector('[data-field="Title"]')!;
      expect(title.textContent!.replace(/\s+/g, ' ')).toContain('Title: Analyst → Senior Analyst');
      const username = element.shadowRoot!.querySelector('[data-field="Username"]')!;
      expect(username.textContent).toContain('(empty) → new.hire@contoso.com');
      const deactivation = element.shadowRoot!.querySelector('[data-change-id="a02000000000013AAA"]')!;
      expect(deactivation.textContent).toContain('5b9e1f0a-0000-4000-8000-000000000013');
      expect(deactivation.textContent).toContain('ENTRASYNC_REMOVED: Deleted in Entra');
      expect(byDataId(element, 'summary')!.textContent).toBe('Plan of dry run RUN-000050');
    });

    it('asks for a dry run when there is none', async () => {
      mockGetPreview.mockResolvedValue({ run: null, groups: [] });
      const element = await mount();

      expect(inCardState(element, 'empty')).not.toBeNull();
    });

    it('says so when the dry run found nothing to change', async () => {
      mockGetPreview.mockResolvedValue({ run: PREVIEW.run, groups: [] });
      const element = await mount();

      expect(byDataId(element, 'nothing-to-do')).not.toBeNull();
    });

    it('is accessible', async () => {
      mockGetPreview.mockResolvedValue(PREVIEW);
      const element = await mount();
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('shows the requested dry run and follows a new one', async () => {
      mockGetPreview.mockResolvedValue(PREVIEW);
      const element = await mount('a01000000000010AAA');
      expect(mockGetPreview).toHaveBeenCalledWith({ runId: 'a01000000000010AAA' });

      element.runId = 'a01000000000011AAA';
      await flushPromises();
      expect(mockGetPreview).toHaveBeenLastCalledWith({ runId: 'a01000000000011AAA' });
    });

    it('refreshes from the button and from the app', async () => {
      mockGetPreview.mockResolvedValue(PREVIEW);
      const element = await mount();

      byDataId(element, 'refresh')!.dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      await element.refresh();

      expect(mockGetPreview).toHaveBeenCalledTimes(3);
    });

    it('re-reads while the dry run is still planning', async () => {
      jest.useFakeTimers();
      mockGetPreview.mockResolvedValueOnce(PLANNING).mockResolvedValue(PREVIEW);
      const element = await mount();
      expect(byDataId(element, 'in-progress')).not.toBeNull();

      jest.advanceTimersByTime(5000);
      await flushPromises();

      expect(mockGetPreview).toHaveBeenCalledTimes(2);
      expect(byDataId(element, 'in-progress')).toBeNull();
      jest.advanceTimersByTime(30000);
      await flushPromises();
      expect(mockGetPreview).toHaveBeenCalledTimes(2);
    });

    it('stops re-reading when removed', async () => {
      jest.useFakeTimers();
      mockGetPreview.mockResolvedValue(PLANNING);
      const element = await mount();
      document.body.removeChild(element);

      jest.advanceTimersByTime(30000);
      await flushPromises();
      expect(mockGetPreview).toHaveBeenCalledTimes(1);
    });
  });

  describe('errors', () => {
    it('shows the server error inline', async () => {
      mockGetPreview.mockRejectedValue({ body: { message: 'ENTRASYNC_NOT_DRY_RUN: open it in run detail' } });
      const element = await mount('a01000000000002AAA');

      expect(inCardState(element, 'error-message').textContent).toBe('ENTRASYNC_NOT_DRY_RUN: open it in run detail');
      expect(inCardState(element, 'empty')).toBeNull();
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetPreview
        .mockRejectedValueOnce({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } })
        .mockResolvedValue(PREVIEW);
      const element = await mount('a01000000000002AAA');

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetPreview).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'summary')).not.toBeNull();
    });
  });
});
