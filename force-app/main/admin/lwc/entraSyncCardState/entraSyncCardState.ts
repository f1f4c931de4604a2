import { LightningElement, api } from 'lwc';

/**
 * The states every admin card body shares, so each screen marks them up once: a spinner over the body while it loads,
 * the load error with a retry button, and an empty-state message in place of the content. The content goes in the
 * default slot and shows whenever the body is not empty (also while loading or after an error, as before a reload
 * the last data stays visible). All text comes from the using screen's labels.
 * Fires `retry` (no detail) when the admin asks to load again after an error.
 */
export default class EntraSyncCardState extends LightningElement {
  /** Shows the spinner over the body. */
  @api loading = false;
  /** Alternative text of the spinner, e.g. the "Loading" label. */
  @api loadingLabel = '';
  /** The load error an admin should read; blank when the last load worked. */
  @api error = '';
  /** Label of the button that fires `retry`; without one the error shows no button. */
  @api retryLabel = '';
  /** Shows `emptyMessage` instead of the slotted content. */
  @api empty = false;
  /** What the body says when there is nothing to show. */
  @api emptyMessage = '';

  handleRetry(): void {
    this.dispatchEvent(new CustomEvent('retry'));
  }
}
