import { createElement } from 'lwc';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import STATUS from './data/status.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/apex/EntraSyncAdminController.getSeats',
  () => ({ default: jest.fn(() => Promise.resolve({ licences: [] })) }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.EntraSync_Counts_None', () => ({ default: 'No changes' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Skipped', () => ({ default: '{0} skipped' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Failed', () => ({ default: '{0} failed' }), { virtual: true });

const mockGetStatus = getStatus as unknown as jest.Mock;

const NOTHING = {
  created: 0,
  updated: 0,
  deactivated: 0,
  frozen: 0,
  reactivated: 0,
  adopted: 0,
  skipped: 0,
  failed: 0,
  pendingDeactivations: 0,
};

async function lastRunCounts(lastRun: Record<string, unknown>): Promise<string> {
  mockGetStatus.mockResolvedValue({ ...STATUS, activeRunId: null, lastRun: { ...STATUS.lastRun, ...lastRun } });
  const element = document.body.appendChild(createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel }));
  await flushPromises();
  return byDataId(element, 'last-run-counts').textContent ?? '';
}

describe('c-entra-sync-status-panel last dry run', () => {
  afterEach(() => {
    resetDom();
  });

  it('says "No changes" for a dry run that planned nothing', async () => {
    expect(await lastRunCounts({ ...NOTHING, isDryRun: true, failed: null })).toBe('No changes');
  });

  it('keeps the counters of a dry run that found something', async () => {
    expect(await lastRunCounts({ ...NOTHING, isDryRun: true, skipped: 2 })).toBe('2 skipped · 0 failed');
  });

  it('keeps "0 failed" for an applied run that changed nothing', async () => {
    expect(await lastRunCounts({ ...NOTHING, isDryRun: false })).toBe('No changes · 0 failed');
  });
});
