import { createElement } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import startReconcile from '@salesforce/apex/EntraSyncAdminController.startReconcile';
import STATUS_RECONCILE from './data/statusReconcile.json';
import STATUS_EMPTY from './data/statusEmpty.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

const ShowToastEventName = 'lightning__showtoast';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.startReconcile', () => ({ default: jest.fn() }), {
  virtual: true,
});

const mockGetStatus = getStatus as unknown as jest.Mock;
const mockStartReconcile = startReconcile as unknown as jest.Mock;
// The sfdx-lwc-jest stub of lightning/confirm throws from open(); each test decides the admin's answer.
const confirmDialog = LightningConfirm as unknown as { open: jest.Mock };

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function click(element: HTMLElement, id: string): void {
  byDataId(element, id)!.dispatchEvent(new CustomEvent('click'));
}

describe('c-entra-sync-status-panel reconciliation', () => {
  beforeEach(() => {
    confirmDialog.open = jest.fn();
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  describe('rendering', () => {
    it('shows when the last reconciliation ran and when the next one is due', async () => {
      mockGetStatus.mockResolvedValue(STATUS_RECONCILE);
      const element = await mount();

      const last = byDataId(element, 'last-reconcile')!;
      expect(last.textContent).toContain('c.EntraSync_Status_LastReconcile');
      const lastDate = last.querySelector('c-entra-sync-date-time') as HTMLElement & { value: string };
      expect(lastDate.value).toBe('2026-11-23T08:00:00.000Z');
      const nextDate = byDataId(element, 'next-reconcile')!.querySelector('c-entra-sync-date-time') as
        (HTMLElement & { value: string }) | null;
      expect(nextDate!.value).toBe('2026-11-30T08:00:00.000Z');
      expect((byDataId(element, 'reconcile') as HTMLButtonElement).disabled).toBe(false);
    });

    it('says not yet and at the next scheduled run before the first full sync', async () => {
      mockGetStatus.mockResolvedValue({ ...STATUS_EMPTY, reconcileIntervalDays: 7 });
      const element = await mount();

      expect(byDataId(element, 'last-reconcile')!.textContent).toContain('c.EntraSync_Status_ReconcileNever');
      expect(byDataId(element, 'next-reconcile')!.textContent).toContain('c.EntraSync_Status_ReconcileAtNextRun');
    });

    it('says automatic reconciliation is off when the interval is 0', async () => {
      mockGetStatus.mockResolvedValue({ ...STATUS_RECONCILE, reconcileIntervalDays: 0, nextReconcileAt: null });
      const element = await mount();

      const next = byDataId(element, 'next-reconcile')!;
      expect(next.textContent).toContain('c.EntraSync_Status_ReconcileOff');
      expect(next.querySelector('c-entra-sync-date-time')).toBeNull();
    });

    it('disables Reconcile now while a run is active', async () => {
      mockGetStatus.mockResolvedValue({ ...STATUS_RECONCILE, activeRunId: 'a01000000000003AAA' });
      const element = await mount();

      expect((byDataId(element, 'reconcile') as HTMLButtonElement).disabled).toBe(true);
    });

    it('is accessible', async () => {
      mockGetStatus.mockResolvedValue(STATUS_RECONCILE);
      const element = await mount();
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('explains what a reconciliation does, then starts it, toasts and tells the app', async () => {
      mockGetStatus.mockResolvedValue(STATUS_RECONCILE);
      mockStartReconcile.mockResolvedValue('a01000000000011AAA');
      confirmDialog.open.mockResolvedValue(true);
      const element = await mount();
      const started = jest.fn();
      const toast = jest.fn();
      element.addEventListener('runstarted', started);
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'reconcile');
      await flushPromises();

      expect(confirmDialog.open).toHaveBeenCalledWith(
        expect.objectContaining({
          label: 'c.EntraSync_Status_ReconcileConfirmTitle',
          message: 'c.EntraSync_Status_ReconcileConfirm',
        }),
      );
      expect(mockStartReconcile).toHaveBeenCalledTimes(1);
      expect(started.mock.calls[0][0].detail).toEqual({ runId: 'a01000000000011AAA', dryRun: false });
      expect(toast.mock.calls[0][0].detail).toMatchObject({
        variant: 'success',
        message: 'c.EntraSync_Status_ReconcileStarted',
      });
      expect(mockGetStatus).toHaveBeenCalledTimes(2);
    });

    it('starts nothing when the admin cancels the confirmation', async () => {
      mockGetStatus.mockResolvedValue(STATUS_RECONCILE);
      confirmDialog.open.mockResolvedValue(false);
      const element = await mount();

      click(element, 'reconcile');
      await flushPromises();

      expect(mockStartReconcile).not.toHaveBeenCalled();
    });
  });

  describe('errors', () => {
    it('toasts the error when a reconciliation cannot start', async () => {
      mockGetStatus.mockResolvedValue(STATUS_RECONCILE);
      confirmDialog.open.mockResolvedValue(true);
      mockStartReconcile.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_ACTIVE: a run is already active' } });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'reconcile');
      await flushPromises();

      expect(toast.mock.calls[0][0].detail).toMatchObject({
        variant: 'error',
        message: 'ENTRASYNC_RUN_ACTIVE: a run is already active',
      });
    });
  });
});
