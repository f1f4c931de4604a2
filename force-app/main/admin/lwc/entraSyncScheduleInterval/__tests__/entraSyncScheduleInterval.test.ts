import { createElement } from 'lwc';
import EntraSyncScheduleInterval from 'c/entraSyncScheduleInterval';
import setScheduleInterval from '@salesforce/apex/EntraSyncAdminController.setScheduleInterval';
import { byDataId, fireChange, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

jest.mock('@salesforce/apex/EntraSyncAdminController.setScheduleInterval', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Interval_Minutes', () => ({ default: 'Every {0} minutes' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.EntraSync_Interval_Hours', () => ({ default: 'Every {0} hours' }), { virtual: true });
jest.mock('@salesforce/label/c.EntraSync_Interval_Hour', () => ({ default: 'Every hour' }), { virtual: true });

const mockSetInterval = setScheduleInterval as unknown as jest.Mock;
const TOAST_EVENT = 'lightning__showtoast';

type IntervalElement = HTMLElement & { minutes?: number };
type Combobox = HTMLElement & { value: string; options: { label: string; value: string }[] };

async function mount(minutes?: number): Promise<IntervalElement> {
  const element = createElement('c-entra-sync-schedule-interval', { is: EntraSyncScheduleInterval }) as IntervalElement;
  element.minutes = minutes;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-entra-sync-schedule-interval', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('offers 15 minutes to 24 hours and defaults to every 2 hours', async () => {
      const element = await mount();
      const select = byDataId<Combobox>(element, 'interval-select');

      expect(select.value).toBe('120');
      expect(select.options[0]).toEqual({ label: 'Every 15 minutes', value: '15' });
      expect(select.options.find((o) => o.value === '60')!.label).toBe('Every hour');
      expect(select.options.at(-1)).toEqual({ label: 'Every 24 hours', value: '1440' });
    });

    it('is accessible', async () => {
      const element = await mount(30);
      await expect(element).toBeAccessible();
    });
  });

  describe('user events', () => {
    it('saves the chosen interval and tells the panel', async () => {
      mockSetInterval.mockResolvedValue({});
      const element = await mount(120);
      const changed = jest.fn();
      element.addEventListener('intervalchanged', changed);

      fireChange(element, 'interval-select', { value: '15' });
      await flushPromises();

      expect(mockSetInterval).toHaveBeenCalledWith({ minutes: 15 });
      expect(changed.mock.calls[0][0].detail).toEqual({ minutes: 15 });
    });
  });

  describe('errors', () => {
    it('shows the refusal as an error toast', async () => {
      mockSetInterval.mockRejectedValue({ body: { message: 'ENTRASYNC_SCHEDULE_FAILED: 45 is not offered' } });
      const element = await mount(120);
      const toast = jest.fn();
      element.addEventListener(TOAST_EVENT, toast);

      fireChange(element, 'interval-select', { value: '45' });
      await flushPromises();

      expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    });
  });
});
