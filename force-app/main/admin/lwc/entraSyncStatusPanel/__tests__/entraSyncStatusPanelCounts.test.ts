import { createElement } from 'lwc';
import EntraSyncStatusPanel from 'c/entraSyncStatusPanel';
import getStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import STATUS from './data/status.json';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Created', () => ({ default: '{0} created' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Updated', () => ({ default: '{0} updated' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Deactivated', () => ({ default: '{0} deactivated' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Counts_Frozen', () => ({ default: '{0} frozen' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Counts_Reactivated', () => ({ default: '{0} reactivated' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Counts_Failed', () => ({ default: '{0} failed' }), { virtual: true });

const mockGetStatus = getStatus as unknown as jest.Mock;

describe('c-entra-sync-status-panel counters', () => {
  afterEach(() => {
    resetDom();
  });

  it('names every action of the last run, the freeze included', async () => {
    mockGetStatus.mockResolvedValue({
      ...STATUS,
      lastRun: { ...STATUS.lastRun, created: 6, updated: 3, deactivated: 3, frozen: 2, reactivated: 1, failed: 0 },
    });
    const element = document.body.appendChild(createElement('c-entra-sync-status-panel', { is: EntraSyncStatusPanel }));
    await flushPromises();

    expect(byDataId(element, 'last-run-counts').textContent).toBe(
      '6 created · 3 updated · 3 deactivated · 2 frozen · 1 reactivated · 0 failed',
    );
  });
});
