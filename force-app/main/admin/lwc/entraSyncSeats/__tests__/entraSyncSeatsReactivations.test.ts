import { createElement } from 'lwc';
import EntraSyncSeats from 'c/entraSyncSeats';
import getSeats from '@salesforce/apex/EntraSyncAdminController.getSeats';
import { flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getSeats', () => ({ default: jest.fn() }), { virtual: true });

const mockGetSeats = getSeats as unknown as jest.Mock;

describe('c-entra-sync-seats reactivations', () => {
  afterEach(() => {
    resetDom();
  });

  it('counts returning users against the free seats, the Unified Employee licence on its own row', async () => {
    mockGetSeats.mockResolvedValue({
      run: { id: 'a01', name: 'RUN-000009', status: 'Completed', isDryRun: true, isActive: false },
      licences: [
        { licence: 'Salesforce', needed: 4, reactivations: 3, free: 2, total: 10, used: 8, withheld: 2 },
        { licence: 'Unified Employee', needed: 1, free: 5, total: 5, used: 0, withheld: 0 },
      ],
    });
    const element = createElement('c-entra-sync-seats', { is: EntraSyncSeats });
    document.body.appendChild(element);
    await flushPromises();

    const salesforce = element.shadowRoot!.querySelector('[data-licence="Salesforce"] [data-id="reactivations"]')!;
    expect(salesforce.textContent).toBe('3');
    const employee = element.shadowRoot!.querySelector('[data-licence="Unified Employee"] [data-id="reactivations"]')!;
    expect(employee.textContent).toBe('0');
    expect(element.shadowRoot!.querySelector('thead')!.textContent).toContain('c.EntraSync_Seats_ColReactivations');
    await expect(element).toBeAccessible();
  });
});
