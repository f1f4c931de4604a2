import { createElement } from 'lwc';
import EntraSyncRunDetail from 'c/entraSyncRunDetail';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import retryFailed from '@salesforce/apex/EntraSyncAdminController.retryFailed';
import RUN_DETAIL from './data/runDetail.json';
import {
  byDataId,
  fireChange,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.retryFailed', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Detail_Title', () => ({ default: 'Run {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_EmptyValue', () => ({ default: '(empty)' }), { virtual: true });

const mockGetRunDetail = getRunDetail as unknown as jest.Mock;
const mockRetryFailed = retryFailed as unknown as jest.Mock;
const RUN_ID = 'a01000000000002AAA';
const TOAST_EVENT = 'lightning__showtoast';

type DetailElement = HTMLElement & { runId?: string };

async function mount(runId?: string): Promise<DetailElement> {
  const element = createElement('c-entra-sync-run-detail', { is: EntraSyncRunDetail }) as DetailElement;
  element.runId = runId;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-run-detail', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('asks for a run when none is selected', async () => {
      const element = await mount();

      expect(inCardState(element, 'empty')).not.toBeNull();
      expect(mockGetRunDetail).not.toHaveBeenCalled();
    });

    it('shows each change with before → after per field and its error', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      const element = await mount(RUN_ID);

      expect(mockGetRunDetail).toHaveBeenCalledWith({ runId: RUN_ID, action: '', status: '' });
      const card = element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string };
      expect(card.title).toBe('Run RUN-000043');
      const rows = element.shadowRoot!.querySelectorAll('tbody tr');
      expect(rows).toHaveLength(2);
      const title = element.shadowRoot!.querySelector('[data-field="Title"]')!;
      expect(title.textContent!.replace(/\s+/g, ' ')).toContain('Title: Analyst → Senior Analyst');
      const department = element.shadowRoot!.querySelector('[data-field="Department"]')!;
      expect(department.textContent).toContain('(empty) → Finance');
      const error = element.shadowRoot!.querySelector('[data-error-code="DUPLICATE_USERNAME"]')!;
      expect(error.textContent).toContain('DUPLICATE_USERNAME: Duplicate Username.');
      expect(rows[0].querySelector('th')!.textContent).toBe('Adele Vance (adele.vance@contoso.com)');
      expect(byDataId(element, 'run-error').textContent).toContain('ENTRASYNC_PARTIAL_FAILURE');
      expect(byDataId(element, 'truncated')).not.toBeNull();
      expect(byDataId<HTMLButtonElement>(element, 'retry-failed').disabled).toBe(false);
    });

    it('says so when no change matches the filters', async () => {
      mockGetRunDetail.mockResolvedValue({ ...RUN_DETAIL, changes: [], failedCount: 0, truncated: false });
      const element = await mount(RUN_ID);

      expect(byDataId(element, 'empty')).not.toBeNull();
      expect(byDataId<HTMLButtonElement>(element, 'retry-failed').disabled).toBe(true);
    });

    it('is accessible', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      const element = await mount(RUN_ID);
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('filters by action and by status on the server', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      const element = await mount(RUN_ID);

      fireChange(element, 'filter-action', { value: 'Create' });
      await flushPromises();
      fireChange(element, 'filter-status', { value: 'Failed' });
      await flushPromises();

      expect(mockGetRunDetail).toHaveBeenLastCalledWith({ runId: RUN_ID, action: 'Create', status: 'Failed' });
    });

    it('reloads and clears the filters when another run is selected', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      const element = await mount(RUN_ID);
      fireChange(element, 'filter-action', { value: 'Create' });
      await flushPromises();

      element.runId = 'a01000000000099AAA';
      await flushPromises();

      expect(mockGetRunDetail).toHaveBeenLastCalledWith({ runId: 'a01000000000099AAA', action: '', status: '' });
    });

    it('retries the failed changes, toasts and tells the app', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      mockRetryFailed.mockResolvedValue('a01000000000100AAA');
      const element = await mount(RUN_ID);
      const toast = jest.fn();
      const changed = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);
      element.addEventListener('runchanged', changed);

      byDataId(element, 'retry-failed').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(mockRetryFailed).toHaveBeenCalledWith({ runId: RUN_ID });
      expect(toast.mock.calls[0][0].detail.variant).toBe('success');
      expect(changed.mock.calls[0][0].detail).toEqual({ runId: RUN_ID });
      expect(mockGetRunDetail).toHaveBeenCalledTimes(2);
    });
  });

  describe('errors', () => {
    it('shows a load error inline', async () => {
      mockGetRunDetail.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_NOT_FOUND: refresh the run history' } });
      const element = await mount(RUN_ID);

      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_RUN_NOT_FOUND');
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetRunDetail
        .mockRejectedValueOnce({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } })
        .mockResolvedValue(RUN_DETAIL);
      const element = await mount(RUN_ID);

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetRunDetail).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'changes-table')).not.toBeNull();
    });

    it('toasts when the retry fails', async () => {
      mockGetRunDetail.mockResolvedValue(RUN_DETAIL);
      mockRetryFailed.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_ACTIVE: wait for the active run' } });
      const element = await mount(RUN_ID);
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      byDataId(element, 'retry-failed').dispatchEvent(new CustomEvent('click'));
      await flushPromises();

      expect(toast.mock.calls[0][0].detail).toMatchObject({
        variant: 'error',
        message: 'ENTRASYNC_RUN_ACTIVE: wait for the active run',
      });
    });
  });
});
