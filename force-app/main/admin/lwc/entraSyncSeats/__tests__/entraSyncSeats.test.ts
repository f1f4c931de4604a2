import { createElement } from 'lwc';
import EntraSyncSeats from 'c/entraSyncSeats';
import getSeats from '@salesforce/apex/EntraSyncAdminController.getSeats';
import SEATS from './data/seats.json';
import { byDataId, flushPromises, inCardState, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.getSeats', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
  '@salesforce/label/c.EntraSync_Seats_Short',
  () => ({ default: '{0} users would not be created for want of seats (ENTRASYNC_NO_SEATS).' }),
  { virtual: true },
);

const mockGetSeats = getSeats as unknown as jest.Mock;

type SeatsElement = HTMLElement & { runId?: string; refresh(): Promise<void> };

async function mount(runId?: string): Promise<SeatsElement> {
  const element = createElement('c-entra-sync-seats', { is: EntraSyncSeats }) as SeatsElement;
  if (runId) {
    element.runId = runId;
  }
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-seats', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('shows per licence the seats needed against the seats free', async () => {
      mockGetSeats.mockResolvedValue(SEATS);
      const element = await mount();

      expect(mockGetSeats).toHaveBeenCalledWith({ runId: null });
      const salesforce = element.shadowRoot!.querySelector('[data-licence="Salesforce"]')!;
      const cells = [...salesforce.querySelectorAll('th, td')].map((cell) => cell.textContent);
      expect(cells).toEqual(['Salesforce', '12', '0', '10', '40 / 50', '2']);
      expect(byDataId(element, 'short').textContent).toBe(
        '2 users would not be created for want of seats (ENTRASYNC_NO_SEATS).',
      );
    });

    it('says no seat is needed when the run creates nobody', async () => {
      mockGetSeats.mockResolvedValue({ run: null, licences: [] });
      const element = await mount();

      expect(inCardState(element, 'empty')).not.toBeNull();
      expect(byDataId(element, 'seats')).toBeNull();
    });

    it('is accessible', async () => {
      mockGetSeats.mockResolvedValue(SEATS);
      const element = await mount();
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('counts a given run and loads again on refresh', async () => {
      mockGetSeats.mockResolvedValue({ ...SEATS, licences: [{ ...SEATS.licences[1] }] });
      const element = await mount('a01000000000009AAA');

      expect(mockGetSeats).toHaveBeenCalledWith({ runId: 'a01000000000009AAA' });
      expect(byDataId(element, 'short')).toBeNull();
      await element.refresh();
      expect(mockGetSeats).toHaveBeenCalledTimes(2);
    });
  });

  describe('errors', () => {
    it('shows a load error inline', async () => {
      mockGetSeats.mockRejectedValue({ body: { message: 'ENTRASYNC_NO_ACCESS: ask for EntraSyncManage' } });
      const element = await mount();

      expect(inCardState(element, 'error-message').textContent).toContain('ENTRASYNC_NO_ACCESS');
    });
  });
});
