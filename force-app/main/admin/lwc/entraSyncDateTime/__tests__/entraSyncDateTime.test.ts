import { createElement } from 'lwc';
import EntraSyncDateTime from 'c/entraSyncDateTime';

interface FormattedDateTime extends HTMLElement {
  value: string;
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

describe('c-entra-sync-date-time', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the value in the admin screens’ one date-time format, accessibly', async () => {
    const element = createElement('c-entra-sync-date-time', { is: EntraSyncDateTime }) as HTMLElement & {
      value?: string;
    };
    element.value = '2026-11-23T08:00:00.000Z';
    document.body.appendChild(element);

    const formatted = element.shadowRoot!.querySelector<FormattedDateTime>('lightning-formatted-date-time')!;
    expect(formatted.value).toBe('2026-11-23T08:00:00.000Z');
    expect([formatted.year, formatted.month, formatted.day, formatted.hour, formatted.minute]).toEqual([
      'numeric',
      'short',
      'numeric',
      '2-digit',
      '2-digit',
    ]);
    await expect(element).toBeAccessible();
  });
});
