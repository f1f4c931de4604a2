import { createElement } from 'lwc';
import EntraSyncCardState from 'c/entraSyncCardState';
import { byDataId, flushPromises, resetDom } from '../../entraSyncAdminUtils/__tests__/domTesting';

interface CardStateProps {
  loading?: boolean;
  loadingLabel?: string;
  error?: string;
  retryLabel?: string;
  empty?: boolean;
  emptyMessage?: string;
}

type CardStateElement = HTMLElement & CardStateProps;
type SpinnerStub = HTMLElement & { alternativeText: string };
type ButtonStub = HTMLElement & { label: string };

function mount(props: CardStateProps = {}): CardStateElement {
  const element = createElement('c-entra-sync-card-state', { is: EntraSyncCardState }) as CardStateElement;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const slotOf = (element: HTMLElement): HTMLSlotElement | null => element.shadowRoot!.querySelector('slot');

describe('c-entra-sync-card-state', () => {
  afterEach(() => {
    resetDom();
  });

  describe('rendering', () => {
    it('shows only the slotted content when the body is ready', () => {
      const element = mount({ loadingLabel: 'Loading', retryLabel: 'Refresh', emptyMessage: 'Nothing here' });

      expect(slotOf(element)).not.toBeNull();
      expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
      expect(byDataId(element, 'load-error')).toBeNull();
      expect(byDataId(element, 'empty')).toBeNull();
    });

    it('shows a spinner named by the loading label over the content while loading', () => {
      const element = mount({ loading: true, loadingLabel: 'Loading' });

      const spinner = element.shadowRoot!.querySelector<SpinnerStub>('lightning-spinner');
      expect(spinner!.alternativeText).toBe('Loading');
      expect(slotOf(element)).not.toBeNull();
    });

    it('shows the load error as an alert with a retry button', () => {
      const element = mount({ error: 'ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin', retryLabel: 'Refresh' });

      const alert = byDataId(element, 'load-error');
      expect(alert.getAttribute('role')).toBe('alert');
      expect(byDataId(element, 'error-message').textContent).toBe('ENTRASYNC_ADMIN_NO_ACCESS: assign EntraSyncAdmin');
      expect(byDataId<ButtonStub>(element, 'retry').label).toBe('Refresh');
      expect(slotOf(element)).not.toBeNull();
    });

    it('shows no retry button when the screen gives no retry label', () => {
      const element = mount({ error: 'ENTRASYNC_RUN_NOT_FOUND' });

      expect(byDataId(element, 'load-error')).not.toBeNull();
      expect(byDataId(element, 'retry')).toBeNull();
    });

    it('shows the empty message instead of the content', () => {
      const element = mount({ empty: true, emptyMessage: 'No runs yet.' });

      expect(byDataId(element, 'empty').textContent).toBe('No runs yet.');
      expect(slotOf(element)).toBeNull();
    });

    it('follows changes of its state', async () => {
      const element = mount({ loading: true, loadingLabel: 'Loading' });

      element.loading = false;
      element.empty = true;
      element.emptyMessage = 'No runs yet.';
      await flushPromises();

      expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
      expect(byDataId(element, 'empty').textContent).toBe('No runs yet.');
    });
  });

  describe('user events', () => {
    it('fires retry when the admin clicks the retry button', () => {
      const element = mount({ error: 'ENTRASYNC_ADMIN_NO_ACCESS', retryLabel: 'Refresh' });
      const retry = jest.fn();
      element.addEventListener('retry', retry);

      byDataId(element, 'retry').click();

      expect(retry).toHaveBeenCalledTimes(1);
    });
  });

  describe('accessibility', () => {
    it('is accessible while loading', async () => {
      const element = mount({ loading: true, loadingLabel: 'Loading' });
      await expect(element).toBeAccessible();
    });

    it('is accessible with a load error and its retry button', async () => {
      const element = mount({ error: 'ENTRASYNC_ADMIN_NO_ACCESS', retryLabel: 'Refresh' });
      await expect(element).toBeAccessible();
    });

    it('is accessible when empty', async () => {
      const element = mount({ empty: true, emptyMessage: 'No runs yet.' });
      await expect(element).toBeAccessible();
    });
  });
});
