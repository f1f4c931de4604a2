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

/** Removes the mounted components and resets mocks and timers between specs. */
export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.useRealTimers();
}
