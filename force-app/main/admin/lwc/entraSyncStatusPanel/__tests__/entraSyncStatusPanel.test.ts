import { createElement } from 'lwc';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import testConnection from '@salesforce/apex/EntraSyncAdminController.testConnection';
import startRun from '@salesforce/apex/EntraSyncAdminController.startRun';
import setScheduleEnabled from '@salesforce/apex/EntraSyncAdminController.setScheduleEnabled';
import approveRun from '@salesforce/apex/EntraSyncAdminController.approveRun';
import rejectRun from '@salesforce/apex/EntraSyncAdminController.rejectRun';
const ShowToastEventName = 'lightning__showtoast';
import STATUS from './data/status.json';
import STATUS_AWAITING from './data/statusAwaitingApproval.json';
import STATUS_EMPTY from './data/statusEmpty.json';
import {
  byDataId,
  fireChange,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.testConnection', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.startRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.setScheduleEnabled', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.approveRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.rejectRun', () => ({ default: jest.fn() }), { virtual: true });

// Labels with placeholders get their real text so the formatted values can be checked.
jest.mock('@salesforce/label/c.EntraSync_Status_ConnectedTo', () => ({ default: 'Connected to {0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.EntraSync_Status_ApprovalDetail',
  () => ({ default: '{0} users would be deactivated. {1}' }),
  {
    virtual: true,
  },
);

const mockGetStatus = getStatus as unknown as jest.Mock;
const mockTestConnection = testConnection as unknown as jest.Mock;
const mockStartRun = startRun as unknown as jest.Mock;
const mockSetSchedule = setScheduleEnabled as unknown as jest.Mock;
const mockApprove = approveRun as unknown as jest.Mock;
const mockReject = rejectRun as unknown as jest.Mock;

const APEX_ERROR = { body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: You need the EntraSyncAdmin permission set.' } };

async function mount(): Promise<HTMLElement & { refresh(): Promise<void> }> {
  const element = createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel });
  document.body.appendChild(element);
  await flushPromises();
  return element as HTMLElement & { refresh(): Promise<void> };
}

function click(element: HTMLElement, id: string): void {
  byDataId(element, id)!.dispatchEvent(new CustomEvent('click'));
}

describe('c-entra-sync-status-panel', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('shows connection, schedule and the last run at a glance', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      const element = await mount();

      expect(byDataId(element, 'named-credential')!.textContent).toBe('EntraSyncGraph');
      expect(byDataId(element, 'configured')!.textContent).toContain('c.EntraSync_Status_Configured');
      const toggle = byDataId(element, 'schedule-toggle') as HTMLInputElement;
      expect(toggle.checked).toBe(true);
      expect(byDataId(element, 'next-run')).not.toBeNull();
      expect(byDataId(element, 'last-run')!.textContent).toContain('RUN-000042');
      expect(byDataId(element, 'last-run')!.textContent).toContain('1m 5s');
      const badge = element.shadowRoot!.querySelector('c-entra-sync-status-badge') as HTMLElement & { status: string };
      expect(badge.status).toBe('Completed');
      expect(byDataId(element, 'approval-banner')).toBeNull();
      expect((byDataId(element, 'run-now') as HTMLButtonElement).disabled).toBe(false);
    });

    it('shows the approval banner and disables runs while a run is active', async () => {
      mockGetStatus.mockResolvedValue(STATUS_AWAITING);
      const element = await mount();

      expect(byDataId(element, 'approval-banner')!.textContent).toContain(
        '640 users would be deactivated. 640 deactivations exceed the limit of 500.',
      );
      expect(byDataId(element, 'run-active')).not.toBeNull();
      expect((byDataId(element, 'run-now') as HTMLButtonElement).disabled).toBe(true);
      expect((byDataId(element, 'dry-run') as HTMLButtonElement).disabled).toBe(true);
      expect(byDataId(element, 'configured')!.textContent).toContain('c.EntraSync_Status_NotConfigured');
      expect(byDataId(element, 'last-run-error')!.textContent).toContain('ENTRASYNC_GUARD_HELD');
    });

    it('invites a first dry run when there is no run yet', async () => {
      mockGetStatus.mockResolvedValue(STATUS_EMPTY);
      const element = await mount();

      expect(byDataId(element, 'no-runs')).not.toBeNull();
      expect(byDataId(element, 'next-run')).toBeNull();
    });

    it('is accessible', async () => {
      mockGetStatus.mockResolvedValue(STATUS_AWAITING);
      const element = await mount();
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('tests the connection and shows the tenant name', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockTestConnection.mockResolvedValue({ reachable: true, tenantName: 'Contoso', tenantId: 't-1' });
      const element = await mount();

      click(element, 'test-connection');
      await flushPromises();

      expect(mockTestConnection).toHaveBeenCalledTimes(1);
      const result = byDataId(element, 'connection-result')!;
      expect(result.textContent).toBe('Connected to Contoso');
      expect(result.className).toContain('slds-text-color_success');
    });

    it('shows the exact Graph error when the connection fails', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockTestConnection.mockResolvedValue({
        reachable: false,
        errorCode: 'ENTRASYNC_GRAPH_UNAUTHORIZED',
        errorMessage: 'Graph returned 401 InvalidAuthenticationToken',
      });
      const element = await mount();

      click(element, 'test-connection');
      await flushPromises();

      const result = byDataId(element, 'connection-result')!;
      expect(result.textContent).toContain(
        'ENTRASYNC_GRAPH_UNAUTHORIZED Graph returned 401 InvalidAuthenticationToken',
      );
      expect(result.className).toContain('slds-text-color_error');
    });

    it('starts a run, toasts and tells the app', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockStartRun.mockResolvedValue('a01000000000009AAA');
      const element = await mount();
      const started = jest.fn();
      const toast = jest.fn();
      element.addEventListener('runstarted', started);
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'run-now');
      await flushPromises();

      expect(mockStartRun).toHaveBeenCalledWith({ dryRun: false });
      expect(started.mock.calls[0][0].detail).toEqual({ runId: 'a01000000000009AAA', dryRun: false });
      expect(toast.mock.calls[0][0].detail.variant).toBe('success');
      expect(mockGetStatus).toHaveBeenCalledTimes(2);
    });

    it('starts a dry run', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockStartRun.mockResolvedValue('a01000000000010AAA');
      const element = await mount();
      const started = jest.fn();
      element.addEventListener('runstarted', started);

      click(element, 'dry-run');
      await flushPromises();

      expect(mockStartRun).toHaveBeenCalledWith({ dryRun: true });
      expect(started.mock.calls[0][0].detail.dryRun).toBe(true);
    });

    it('turns the schedule off', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockSetSchedule.mockResolvedValue({ ...STATUS, scheduleEnabled: false, nextScheduledRunAt: null });
      const element = await mount();

      fireChange(element, 'schedule-toggle', { checked: false });
      await flushPromises();

      expect(mockSetSchedule).toHaveBeenCalledWith({ enabled: false });
      expect((byDataId(element, 'schedule-toggle') as HTMLInputElement).checked).toBe(false);
      expect(byDataId(element, 'next-run')).toBeNull();
    });

    it('approves the held run', async () => {
      mockGetStatus.mockResolvedValueOnce(STATUS_AWAITING).mockResolvedValue(STATUS);
      mockApprove.mockResolvedValue({ id: 'a01000000000002AAA', status: 'Preparing' });
      const element = await mount();
      const changed = jest.fn();
      element.addEventListener('runchanged', changed);

      click(element, 'approve');
      await flushPromises();

      expect(mockApprove).toHaveBeenCalledWith({ runId: 'a01000000000002AAA' });
      expect(changed).toHaveBeenCalledTimes(1);
      expect(byDataId(element, 'approval-banner')).toBeNull();
    });

    it('re-reads when the app asks it to', async () => {
      mockGetStatus.mockResolvedValueOnce(STATUS_EMPTY).mockResolvedValue(STATUS);
      const element = await mount();
      expect(byDataId(element, 'no-runs')).not.toBeNull();

      await element.refresh();
      await flushPromises();

      expect(byDataId(element, 'last-run')).not.toBeNull();
    });

    it('rejects the held run', async () => {
      mockGetStatus.mockResolvedValueOnce(STATUS_AWAITING).mockResolvedValue(STATUS);
      mockReject.mockResolvedValue({ id: 'a01000000000002AAA', status: 'Rejected' });
      const element = await mount();

      click(element, 'reject');
      await flushPromises();

      expect(mockReject).toHaveBeenCalledWith({ runId: 'a01000000000002AAA' });
    });

    it('polls while a run is active and stops when it finishes', async () => {
      jest.useFakeTimers();
      mockGetStatus.mockResolvedValueOnce(STATUS_AWAITING).mockResolvedValue(STATUS);
      await mount();
      expect(mockGetStatus).toHaveBeenCalledTimes(1);

      jest.advanceTimersByTime(5000);
      await flushPromises();
      expect(mockGetStatus).toHaveBeenCalledTimes(2);

      jest.advanceTimersByTime(20000);
      await flushPromises();
      expect(mockGetStatus).toHaveBeenCalledTimes(2);
    });
  });

  describe('errors', () => {
    it('shows an inline error when the status cannot be read', async () => {
      mockGetStatus.mockRejectedValue(APEX_ERROR);
      const element = await mount();

      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_ADMIN_NO_ACCESS');
      expect((byDataId(element, 'run-now') as HTMLButtonElement).disabled).toBe(true);
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetStatus.mockRejectedValueOnce(APEX_ERROR).mockResolvedValue(STATUS);
      const element = await mount();

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetStatus).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'named-credential')).not.toBeNull();
    });

    it('toasts the error when a run cannot start', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockStartRun.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_ACTIVE: a run is already active' } });
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'run-now');
      await flushPromises();

      expect(toast.mock.calls[0][0].detail).toMatchObject({
        variant: 'error',
        message: 'ENTRASYNC_RUN_ACTIVE: a run is already active',
      });
    });

    it('toasts and re-reads when the schedule cannot change', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockSetSchedule.mockRejectedValue(new Error('ENTRASYNC_SCHEDULE_FAILED: job limit reached'));
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      fireChange(element, 'schedule-toggle', { checked: false });
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.message).toBe('ENTRASYNC_SCHEDULE_FAILED: job limit reached');
      expect(mockGetStatus).toHaveBeenCalledTimes(2);
    });

    it('toasts when approval fails', async () => {
      mockGetStatus.mockResolvedValue(STATUS_AWAITING);
      mockApprove.mockRejectedValue(APEX_ERROR);
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'approve');
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    });

    it('toasts when the connection test itself fails', async () => {
      mockGetStatus.mockResolvedValue(STATUS);
      mockTestConnection.mockRejectedValue(APEX_ERROR);
      const element = await mount();
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      click(element, 'test-connection');
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_ADMIN_NO_ACCESS');
    });
  });
});
