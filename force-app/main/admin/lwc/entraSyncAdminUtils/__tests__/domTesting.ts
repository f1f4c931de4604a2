/**
 * DOM helpers the admin screens' Jest specs share. Not a spec itself (Jest's testMatch takes `*.test.ts` only) and
 * never deployed (`.forceignore` skips `__tests__`).
 */

/** Lets pending Apex promises and the re-render they trigger settle. */
export async function flushPromises(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await Promise.resolve();
  }
}

/** The element with `data-id="<id>"` in the component's shadow tree (null when it is not rendered). */
export function byDataId<T extends HTMLElement = HTMLElement>(element: HTMLElement, id: string): T {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`) as T;
}

/**
 * The element with `data-id="<id>"` inside the screen's `c-entra-sync-card-state` (its spinner, `load-error`,
 * `error-message`, `retry` and `empty`); null when either is not rendered.
 */
export function inCardState<T extends HTMLElement = HTMLElement>(element: HTMLElement, id: string): T {
  const cardState = element.shadowRoot!.querySelector('c-entra-sync-card-state');
  return (cardState?.shadowRoot?.querySelector(`[data-id="${id}"]`) ?? null) as T;
}

/** Fires the `change` event a base input (lightning-input, -combobox, -dual-listbox…) sends, on `data-id="<id>"`. */
export function fireChange(element: HTMLElement, id: string, detail: Record<string, unknown>): void {
  byDataId(element, id).dispatchEvent(new CustomEvent('change', { detail }));
}

/** Fires lightning-datatable's `rowaction` event for `row` and the action `name` on the table `data-id="<tableId>"`. */
export function fireRowAction(element: HTMLElement, tableId: string, name: string, row: unknown): void {
  byDataId(element, tableId).dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name }, row } }));
}

/** Removes the mounted components and resets mocks and timers between specs. */
export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.useRealTimers();
}
