import { createElement } from 'lwc';
import EntraSyncRunHistory from 'c/entraSyncRunHistory';
import getRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';
import RUN_PAGE from './data/runPage.json';
import RUN_PAGE_EMPTY from './data/runPageEmpty.json';
import {
  byDataId,
  fireRowAction,
  flushPromises,
  inCardState,
  resetDom,
} from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRuns', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_History_PageInfo', () => ({ default: 'Page {0} of {1} · {2} runs' }), {
  virtual: true,
});

const mockGetRuns = getRuns as unknown as jest.Mock;
const FINISHED_PAGE = { ...RUN_PAGE, hasActiveRun: false };

type HistoryElement = HTMLElement & { refresh(): Promise<void>; pageSize: number };
type TableElement = HTMLElement & { data: Record<string, unknown>[]; columns: { fieldName: string; type: string }[] };

async function mount(): Promise<HistoryElement> {
  const element = createElement('c-entra-sync-run-history', { is: EntraSyncRunHistory }) as HistoryElement;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-run-history', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('shows the runs with status badges, counts and formatted durations', async () => {
      mockGetRuns.mockResolvedValue(FINISHED_PAGE);
      const element = await mount();

      const table = byDataId<TableElement>(element, 'runs-table');
      expect(table.data.map((row) => row.name)).toEqual(['RUN-000044', 'RUN-000043']);
      expect(table.data[1].durationText).toBe('1h 2m 5s');
      expect(table.data[0].durationText).toBe('');
      expect(table.columns.find((column) => column.fieldName === 'status')!.type).toBe('runStatus');
      expect(byDataId(element, 'page-info').textContent).toBe('Page 1 of 3 · 45 runs');
      expect(mockGetRuns).toHaveBeenCalledWith({
        pageSize: 20,
        pageNumber: 1,
        sortedBy: 'startedAt',
        sortDirection: 'desc',
      });
      expect(byDataId(element, 'live')).toBeNull();
    });

    it('says so when there is no run yet', async () => {
      mockGetRuns.mockResolvedValue(RUN_PAGE_EMPTY);
      const element = await mount();

      expect(inCardState(element, 'empty')).not.toBeNull();
      expect(byDataId(element, 'runs-table')).toBeNull();
    });

    it('is accessible', async () => {
      mockGetRuns.mockResolvedValue(RUN_PAGE);
      const element = await mount();
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('sorts on the server, mapping the duration column to its seconds', async () => {
      mockGetRuns.mockResolvedValue(FINISHED_PAGE);
      const element = await mount();

      byDataId(element, 'runs-table').dispatchEvent(
        new CustomEvent('sort', { detail: { fieldName: 'durationText', sortDirection: 'asc' } }),
      );
      await flushPromises();

      expect(mockGetRuns).toHaveBeenLastCalledWith({
        pageSize: 20,
        pageNumber: 1,
        sortedBy: 'durationSeconds',
        sortDirection: 'asc',
      });
    });

    it('pages forward and back', async () => {
      mockGetRuns
        .mockResolvedValueOnce(FINISHED_PAGE)
        .mockResolvedValueOnce({ ...FINISHED_PAGE, pageNumber: 2 })
        .mockResolvedValueOnce(FINISHED_PAGE);
      const element = await mount();
      expect(byDataId<HTMLButtonElement>(element, 'previous').disabled).toBe(true);

      byDataId(element, 'next').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      expect(mockGetRuns.mock.calls[1][0].pageNumber).toBe(2);
      expect(byDataId<HTMLButtonElement>(element, 'previous').disabled).toBe(false);

      byDataId(element, 'previous').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      expect(mockGetRuns.mock.calls[2][0].pageNumber).toBe(1);
    });

    it('disables Next on the last page', async () => {
      mockGetRuns.mockResolvedValue({ ...FINISHED_PAGE, totalCount: 2 });
      const element = await mount();
      expect(byDataId<HTMLButtonElement>(element, 'next').disabled).toBe(true);
    });

    it('opens a run from its row', async () => {
      mockGetRuns.mockResolvedValue(FINISHED_PAGE);
      const element = await mount();
      const selected = jest.fn();
      element.addEventListener('runselected', selected);

      fireRowAction(element, 'runs-table', 'view', RUN_PAGE.runs[1]);

      expect(selected.mock.calls[0][0].detail).toEqual({ runId: 'a01000000000002AAA', isDryRun: true });
    });

    it('refreshes from the button and from the app', async () => {
      mockGetRuns.mockResolvedValue(FINISHED_PAGE);
      const element = await mount();

      byDataId(element, 'refresh').dispatchEvent(new CustomEvent('click'));
      await flushPromises();
      await element.refresh();

      expect(mockGetRuns).toHaveBeenCalledTimes(3);
    });

    it('polls while a run is active and stops once none is', async () => {
      jest.useFakeTimers();
      mockGetRuns.mockResolvedValueOnce(RUN_PAGE).mockResolvedValue(FINISHED_PAGE);
      const element = await mount();
      expect(byDataId(element, 'live')).not.toBeNull();

      jest.advanceTimersByTime(5000);
      await flushPromises();
      expect(mockGetRuns).toHaveBeenCalledTimes(2);
      expect(byDataId(element, 'live')).toBeNull();

      jest.advanceTimersByTime(30000);
      await flushPromises();
      expect(mockGetRuns).toHaveBeenCalledTimes(2);
    });

    it('stops polling when removed from the page', async () => {
      jest.useFakeTimers();
      mockGetRuns.mockResolvedValue(RUN_PAGE);
      const element = await mount();
      document.body.removeChild(element);

      jest.advanceTimersByTime(30000);
      await flushPromises();
      expect(mockGetRuns).toHaveBeenCalledTimes(1);
    });
  });

  describe('errors', () => {
    it('shows the server error inline', async () => {
      mockGetRuns.mockRejectedValue({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } });
      const element = await mount();

      expect(inCardState(element, 'error-message').textContent).toBe(
        'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin',
      );
    });

    it('loads again when the admin retries after a load error', async () => {
      mockGetRuns
        .mockRejectedValueOnce({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin' } })
        .mockResolvedValue(FINISHED_PAGE);
      const element = await mount();

      inCardState(element, 'retry').click();
      await flushPromises();

      expect(mockGetRuns).toHaveBeenCalledTimes(2);
      expect(inCardState(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'runs-table')).not.toBeNull();
    });
  });
});
