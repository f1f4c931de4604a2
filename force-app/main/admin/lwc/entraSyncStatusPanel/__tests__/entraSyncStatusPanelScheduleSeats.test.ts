import { createElement } from 'lwc';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import getSeats from '@salesforce/apex/EntraSyncAdminController.getSeats';
import STATUS from './data/status.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/EntraSyncAdminController.getSeats', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Status_ScheduleInterval', () => ({ default: 'Every {0} hours' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Interval_Minutes', () => ({ default: 'Every {0} minutes' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Interval_Hour', () => ({ default: 'Every hour' }), { virtual: true });

const mockGetStatus = getStatus as unknown as jest.Mock;
const mockGetSeats = getSeats as unknown as jest.Mock;

type PanelElement = HTMLElement & { refresh: () => Promise<void> };

async function mount(status: unknown): Promise<PanelElement> {
  mockGetStatus.mockResolvedValue(status);
  const element = createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel }) as PanelElement;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-status-panel: interval and seats', () => {
  beforeEach(() => {
    mockGetSeats.mockResolvedValue({ licences: [] });
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it.each([
    [30, 'Every 30 minutes'],
    [60, 'Every hour'],
    [120, 'Every 2 hours'],
  ])('states the interval in effect, %i minutes, even when the settings say 2 hours', async (minutes, text) => {
    const element = await mount({ ...STATUS, scheduleIntervalHours: 2, scheduleIntervalMinutes: minutes });

    expect(byDataId(element, 'interval').textContent).toBe(text);
  });

  it('falls back to the settings hours without a chosen interval', async () => {
    const element = await mount({ ...STATUS, scheduleIntervalHours: 4 });

    expect(byDataId(element, 'interval').textContent).toBe('Every 4 hours');
  });

  it('reads the seats again once a new run (a dry run, say) shows up, and not on every read', async () => {
    const element = await mount(STATUS);
    expect(mockGetSeats).toHaveBeenCalledTimes(1);

    await element.refresh();
    await flushPromises();
    expect(mockGetSeats).toHaveBeenCalledTimes(1);

    mockGetStatus.mockResolvedValue({
      ...STATUS,
      lastRun: { ...STATUS.lastRun, id: 'a01000000000002AAA', name: 'RUN-000043', isDryRun: true },
    });
    await element.refresh();
    await flushPromises();
    expect(mockGetSeats).toHaveBeenCalledTimes(2);
  });
});
