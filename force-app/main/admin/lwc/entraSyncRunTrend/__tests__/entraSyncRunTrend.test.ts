import { createElement } from 'lwc';
import EntraSyncRunTrend from 'c/entraSyncRunTrend';
import getRunTrend from '@salesforce/apex/EntraSyncAdminController.getRunTrend';
import RUN_TREND from './data/runTrend.json';
import { byDataId, flushPromises, inCardState, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunTrend', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Trend_Title', () => ({ default: 'Runs of the last {0} days' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Trend_Summary', () => ({ default: '{0} runs from {1} to {2}.' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.EntraSync_Trend_Totals',
  () => ({
    default: '{0} created, {1} updated, {2} deactivated or frozen, {3} reactivated, {4} failed, {5} held.',
  }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.EntraSync_Trend_Empty', () => ({ default: 'No runs in the last {0} days.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Counts_Created', () => ({ default: '{0} created' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Failed', () => ({ default: '{0} failed' }), { virtual: true });

const mockGetRunTrend = getRunTrend as unknown as jest.Mock;

type TrendElement = HTMLElement & { refresh(): Promise<void> };

async function mount(): Promise<TrendElement> {
  const element = createElement('c-entra-sync-run-trend', { is: EntraSyncRunTrend }) as TrendElement;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function heights(element: HTMLElement, runId: string): number[] {
  return Array.from(element.shadowRoot!.querySelectorAll(`g[data-run-id="${runId}"] rect`))
    .filter((rect) => !rect.hasAttribute('stroke'))
    .map((rect) => Number(rect.getAttribute('height')));
}

describe('c-entra-sync-run-trend', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('draws one stacked bar per run, oldest first, scaled to the tallest', async () => {
      mockGetRunTrend.mockResolvedValue(RUN_TREND);
      const element = await mount();

      const bars = Array.from(element.shadowRoot!.querySelectorAll('g[data-run-id]'));
      expect(bars.map((bar) => bar.getAttribute('data-run-id'))).toEqual(RUN_TREND.runs.map((run) => run.id));
      // run 1: created 6 + updated 3; run 2: updated 1, deactivated+frozen 42, failed 1 (the tallest, 44)
      const first = heights(element, RUN_TREND.runs[0].id);
      const second = heights(element, RUN_TREND.runs[1].id);
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(3);
      expect(second.reduce((sum, height) => sum + height, 0)).toBeCloseTo(176);
      expect(first[0] / first[1]).toBeCloseTo(2);
      expect(element.shadowRoot!.querySelector('lightning-card')!.getAttribute('title')).toBeNull();
      expect((element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string }).title).toBe(
        'Runs of the last 30 days',
      );
    });

    it('marks held runs and tells what each bar holds on hover', async () => {
      mockGetRunTrend.mockResolvedValue(RUN_TREND);
      const element = await mount();

      const held = element.shadowRoot!.querySelectorAll('[data-id="held-marker"]');
      expect(held).toHaveLength(1);
      const heldBar = element.shadowRoot!.querySelector(`g[data-run-id="${RUN_TREND.runs[1].id}"]`)!;
      expect(heldBar.querySelector('[data-id="held-marker"]')).not.toBeNull();
      expect(element.shadowRoot!.querySelector(`g[data-run-id="${RUN_TREND.runs[0].id}"] title`)!.textContent).toMatch(
        /^RUN-000001 · .* · 6 created · .*0 failed$/,
      );
    });

    it('gives screen readers a summary and a table of the same numbers', async () => {
      mockGetRunTrend.mockResolvedValue(RUN_TREND);
      const element = await mount();

      const svg = element.shadowRoot!.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(
        /^3 runs from .* to .*\. 6 created, 4 updated, 42 deactivated or frozen, 3 reactivated, 1 failed, 1 held\.$/,
      );
      const table = byDataId(element, 'trend-table');
      expect(table.className).toBe('slds-assistive-text');
      const rows = Array.from(table.querySelectorAll('tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent),
      );
      expect(rows[1][0]).toBe('RUN-000002');
      expect(rows[1].slice(2)).toEqual(['0', '1', '42', '0', '1', 'c.EntraSync_Trend_HeldMark']);
      expect(rows[2].slice(2)).toEqual(['0', '0', '0', '3', '0', '']);
      await expect(element).toBeAccessible();
    });

    it('says so when there are no runs', async () => {
      mockGetRunTrend.mockResolvedValue({ days: 30, maxRuns: 50, runs: [] });
      const element = await mount();

      expect(inCardState(element, 'empty').textContent).toBe('No runs in the last 30 days.');
      expect(element.shadowRoot!.querySelector('svg')).toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('events', () => {
    it('shows and hides the table', async () => {
      mockGetRunTrend.mockResolvedValue(RUN_TREND);
      const element = await mount();

      const toggle = byDataId<HTMLElement & { label: string }>(element, 'toggle-table');
      expect(toggle.label).toBe('c.EntraSync_Trend_ShowTable');
      toggle.click();
      await flushPromises();
      expect(byDataId(element, 'trend-table').className).toBe('slds-m-top_small');
      expect(toggle.label).toBe('c.EntraSync_Trend_HideTable');
      await expect(element).toBeAccessible();
      toggle.click();
      await flushPromises();
      expect(byDataId(element, 'trend-table').className).toBe('slds-assistive-text');
    });

    it('reads again on refresh, and re-reads by itself while a run is active', async () => {
      jest.useFakeTimers();
      const active = { ...RUN_TREND, runs: [{ ...RUN_TREND.runs[0], isActive: true }] };
      mockGetRunTrend.mockResolvedValueOnce(active).mockResolvedValue(RUN_TREND);
      const element = await mount();
      expect(element.shadowRoot!.querySelectorAll('g[data-run-id]')).toHaveLength(1);

      jest.advanceTimersByTime(5000);
      await flushPromises();
      expect(element.shadowRoot!.querySelectorAll('g[data-run-id]')).toHaveLength(3);

      await element.refresh();
      await flushPromises();
      expect(mockGetRunTrend).toHaveBeenCalledTimes(3);
      byDataId(element, 'refresh').click();
      await flushPromises();
      expect(mockGetRunTrend).toHaveBeenCalledTimes(4);
    });
  });

  describe('errors', () => {
    it('shows the load error with a retry', async () => {
      mockGetRunTrend.mockRejectedValueOnce({ body: { message: 'ENTRASYNC_ADMIN_NO_ACCESS: ask for it' } });
      const element = await mount();

      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_ADMIN_NO_ACCESS');
      mockGetRunTrend.mockResolvedValue(RUN_TREND);
      inCardState(element, 'retry').click();
      await flushPromises();
      expect(element.shadowRoot!.querySelectorAll('g[data-run-id]')).toHaveLength(3);
    });
  });
});
