import { createElement } from 'lwc';
import EntraSyncRunDetail from 'c/entraSyncRunDetail';
import getRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import RUN_DETAIL from './data/runDetail.json';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getRunDetail', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/EntraSyncAdminController.retryFailed', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee', () => ({ default: 'Unified Employee' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Common_KindInternal', () => ({ default: 'Internal' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Detail_PersonAccount', () => ({ default: 'Person Account: {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Detail_Employee', () => ({ default: 'Employee {0}: {1} since {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Detail_EmployeeEnded', () => ({ default: 'ended {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Detail_NoEmployee', () => ({ default: 'No Employee record yet' }), {
  virtual: true,
});

const mockGetRunDetail = getRunDetail as unknown as jest.Mock;

const EMPLOYEE = {
  id: 'a02000000000011AAA',
  name: 'CHG-0000011',
  action: 'Deactivate',
  status: 'Applied',
  userPrincipalName: 'carla.service@pinnacle.example',
  displayName: 'Carla Service',
  userId: '005000000000011AAA',
  licenceKind: 'UnifiedEmployee',
  employeeChain: {
    personAccountId: '001000000000011AAA',
    personAccountName: 'Carla Service',
    employeeId: '0Z5000000000011AAA',
    employeeNumber: 'E-1003',
    employeeStatus: 'Terminated',
    statusStartDate: '2026-11-27T09:00:00.000Z',
    statusEndDate: '2026-11-27T09:00:00.000Z',
  },
  fieldChanges: [{ field: 'IsActive', before: 'true', after: 'false' }],
};

async function mount(changes: unknown[]): Promise<HTMLElement> {
  mockGetRunDetail.mockResolvedValue({ ...RUN_DETAIL, changes });
  const element = createElement('c-entra-sync-run-detail', { is: EntraSyncRunDetail }) as HTMLElement & {
    runId?: string;
  };
  element.runId = RUN_DETAIL.run.id;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

function kindCells(element: HTMLElement): Element[] {
  return Array.from(element.shadowRoot!.querySelectorAll('td[data-id="licence-kind"]'));
}

describe('c-entra-sync-run-detail Unified Employee', () => {
  afterEach(() => {
    resetDom();
  });

  it('shows each change licence kind and a UEL user chain', async () => {
    const internal = { ...RUN_DETAIL.changes[0], licenceKind: 'Internal' };
    const element = await mount([EMPLOYEE, internal]);

    const [employeeCell, internalCell] = kindCells(element);
    expect(employeeCell.querySelector('div')!.textContent).toBe('Unified Employee');
    const chain = Array.from(employeeCell.querySelectorAll('[data-id="employee-chain"]')).map((line) =>
      line.textContent!.trim(),
    );
    expect(chain).toEqual([
      'Person Account: Carla Service',
      'Employee E-1003: Terminated since 2026-11-27, ended 2026-11-27',
    ]);
    expect(internalCell.textContent!.trim()).toBe('Internal');
    expect(element.shadowRoot!.querySelector('thead')!.textContent).toContain('c.EntraSync_Detail_ColLicenceKind');
    await expect(element).toBeAccessible();
  });

  it('says when a UEL user has no Employee record, and shows nothing for a change without a kind', async () => {
    const noEmployee = {
      ...EMPLOYEE,
      employeeChain: { personAccountName: 'Carla Service', employeeId: null },
    };
    const element = await mount([noEmployee, RUN_DETAIL.changes[1]]);

    const [employeeCell, unknownCell] = kindCells(element);
    expect(
      Array.from(employeeCell.querySelectorAll('[data-id="employee-chain"]')).map((line) => line.textContent!.trim()),
    ).toEqual(['Person Account: Carla Service', 'No Employee record yet']);
    expect(unknownCell.textContent!.trim()).toBe('');
  });
});
