import { createElement } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import EntraSyncRunDetail from 'c/entraSyncRunDetail';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import undoRun from '@salesforce/apex/EntraSyncAdminController.undoRun';
import RUN_DETAIL from './data/runDetail.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.undoRun', () => ({ default: jest.fn() }), { virtual: true });

const mockGetRunDetail = getRunDetail as unknown as jest.Mock;
const mockUndoRun = undoRun as unknown as jest.Mock;
// The sfdx-lwc-jest stub of lightning/confirm throws from open(); each test decides the admin's answer.
const confirmDialog = LightningConfirm as unknown as { open: jest.Mock };
const RUN_ID = 'a01000000000002AAA';
const UNDO_RUN_ID = 'a01000000000009AAA';
const TOAST_EVENT = 'lightning__showtoast';

type DetailElement = HTMLElement & { runId?: string };

async function mount(detail: unknown): Promise<DetailElement> {
  mockGetRunDetail.mockResolvedValue(detail);
  const element = createElement('c-entra-sync-run-detail', { is: EntraSyncRunDetail }) as DetailElement;
  element.runId = RUN_ID;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function undoButton(element: HTMLElement): HTMLButtonElement {
  return byDataId<HTMLButtonElement>(element, 'undo-run');
}

describe('c-entra-sync-run-detail: undo', () => {
  beforeEach(() => {
    confirmDialog.open = jest.fn().mockResolvedValue(true);
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('offers undo for a completed run', async () => {
    const element = await mount(RUN_DETAIL);

    expect(undoButton(element).disabled).toBe(false);
  });

  it('offers no undo for a dry run or a run still working', async () => {
    const dryRun = await mount({ ...RUN_DETAIL, run: { ...RUN_DETAIL.run, isDryRun: true } });
    expect(undoButton(dryRun).disabled).toBe(true);
    resetDom();

    const working = await mount({ ...RUN_DETAIL, run: { ...RUN_DETAIL.run, status: 'Applying', isActive: true } });
    expect(undoButton(working).disabled).toBe(true);
  });

  it('asks first, naming the run, and starts nothing when the admin cancels', async () => {
    confirmDialog.open.mockResolvedValue(false);
    const element = await mount(RUN_DETAIL);
    const changed = jest.fn();
    element.addEventListener('runchanged', changed);

    undoButton(element).dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(confirmDialog.open).toHaveBeenCalledWith(
      expect.objectContaining({
        label: 'c.EntraSync_Detail_UndoConfirmTitle',
        message: 'c.EntraSync_Detail_UndoConfirm',
        theme: 'warning',
      }),
    );
    expect(mockUndoRun).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
    expect(undoButton(element).disabled).toBe(false);
  });

  it('starts the undo run and tells the page its id', async () => {
    mockUndoRun.mockResolvedValue(UNDO_RUN_ID);
    const element = await mount(RUN_DETAIL);
    const toast = jest.fn();
    const changed = jest.fn();
    element.addEventListener(TOAST_EVENT, toast);
    element.addEventListener('runchanged', changed);

    undoButton(element).dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(confirmDialog.open).toHaveBeenCalledTimes(1);
    expect(mockUndoRun).toHaveBeenCalledWith({ runId: RUN_ID });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(changed.mock.calls[0][0].detail).toEqual({ runId: UNDO_RUN_ID });
  });

  it('shows the server refusal as an error toast', async () => {
    mockUndoRun.mockRejectedValue({ body: { message: 'ENTRASYNC_RUN_ACTIVE: wait for the run to finish' } });
    const element = await mount(RUN_DETAIL);
    const toast = jest.fn();
    element.addEventListener(TOAST_EVENT, toast);

    undoButton(element).dispatchEvent(new CustomEvent('click'));
    await flushPromises();

    expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    expect(toast.mock.calls[0][0].detail.message).toContain('ENTRASYNC_RUN_ACTIVE');
    expect(undoButton(element).disabled).toBe(false);
  });

  it('is accessible with the undo button', async () => {
    const element = await mount(RUN_DETAIL);
    await expect(element).toBeAccessible();
  });
});
