import { createElement } from 'lwc';
import EntraSyncPreview from 'c/entraSyncPreview';
import getPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import PREVIEW from './data/preview.json';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getPreview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/apex/EntraSyncAdminController.getSeats',
  () => ({ default: jest.fn(() => Promise.resolve({ licences: [] })) }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee', () => ({ default: 'Unified Employee' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Common_KindExternal', () => ({ default: 'External' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Detail_PersonAccount', () => ({ default: 'Person Account: {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Detail_Employee', () => ({ default: 'Employee {0}: {1} since {2}' }), {
  virtual: true,
});

const mockGetPreview = getPreview as unknown as jest.Mock;

const RUN = { id: 'a01000000000009AAA', name: 'RUN-000009', status: 'Completed', isDryRun: true, isActive: false };

describe('c-entra-sync-preview Unified Employee', () => {
  afterEach(() => {
    resetDom();
  });

  it('names the licence kind of each planned change and the chain of a returning UEL user', async () => {
    mockGetPreview.mockResolvedValue({
      ...PREVIEW,
      run: RUN,
      groups: [
        {
          action: 'Create',
          count: 1,
          changes: [
            {
              id: 'c1',
              name: 'CHG-1',
              action: 'Create',
              status: 'DryRun',
              displayName: 'Dana Joiner',
              licenceKind: 'UnifiedEmployee',
              fieldChanges: [],
            },
          ],
        },
        {
          action: 'Reactivate',
          count: 2,
          changes: [
            {
              id: 'c2',
              name: 'CHG-2',
              action: 'Reactivate',
              status: 'DryRun',
              displayName: 'Carla Service',
              userId: '005000000000011AAA',
              licenceKind: 'UnifiedEmployee',
              employeeChain: {
                personAccountName: 'Carla Service',
                employeeId: '0Z5000000000011AAA',
                employeeNumber: 'E-1003',
                employeeStatus: 'Terminated',
                statusStartDate: '2026-11-20T08:00:00.000Z',
              },
              fieldChanges: [],
            },
            {
              id: 'c3',
              name: 'CHG-3',
              action: 'Reactivate',
              status: 'DryRun',
              displayName: 'Pat Partner',
              licenceKind: 'External',
              fieldChanges: [],
            },
          ],
        },
      ],
    });
    const element = createElement('c-entra-sync-preview', { is: EntraSyncPreview });
    document.body.appendChild(element);
    await flushPromises();

    const joiner = element.shadowRoot!.querySelector('[data-action="Create"] td[data-id="licence-kind"]')!;
    expect(joiner.textContent!.trim()).toBe('Unified Employee');
    expect(joiner.querySelector('[data-id="employee-chain"]')).toBeNull();
    const returning = element.shadowRoot!.querySelectorAll('[data-action="Reactivate"] td[data-id="licence-kind"]');
    expect(
      Array.from(returning[0].querySelectorAll('[data-id="employee-chain"]')).map((line) => line.textContent!.trim()),
    ).toEqual(['Person Account: Carla Service', 'Employee E-1003: Terminated since 2026-11-20']);
    expect(returning[1].textContent!.trim()).toBe('External');
    await expect(element).toBeAccessible();
  });
});
