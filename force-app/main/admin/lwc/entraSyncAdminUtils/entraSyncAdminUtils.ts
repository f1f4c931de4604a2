/**
 * Helpers shared by the Entra User Sync admin screens: error text, label formatting, toasts, durations and the
 * re-read timer. No Apex: the calls are in c/entraSyncAdminApi.
 */
import { ShowToastEvent } from 'lightning/platformShowToastEvent';

export type * from './dto';
import type { Change } from './dto';
export { formatRunCounts } from './runCounts';
export { formatLabel } from './format';
export { employeeChainLines, licenceKindName } from './licenceKind';

/** How often a screen re-reads while a run is moving through the pipeline. */
export const POLL_INTERVAL_MS = 5000;

/**
 * Re-reads a screen once after POLL_INTERVAL_MS while a run is moving (there is no platform event to listen to).
 * A component keeps one, calls `schedule()` after a load that saw an active run and `stop()` before the next load
 * and when it is disconnected.
 */
export class Poller {
  private readonly reload: () => Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(reload: () => Promise<void>) {
    this.reload = reload;
  }

  /** Queues one re-read, replacing any pending one. */
  schedule(): void {
    this.stop();
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, POLL_INTERVAL_MS);
  }

  /** Cancels a pending re-read. */
  stop(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}

/** Body of an Apex or fetch error as LWC receives it (`error.body.message`, or `error.body` as a list for DML). */
interface ErrorBody {
  message?: string;
  pageErrors?: { message: string }[];
  fieldErrors?: Record<string, { message: string }[]>;
}

/**
 * The text an admin should read for an error from an imperative Apex call (AuraHandledException messages carry an
 * ENTRASYNC_ code), a JavaScript Error or a plain string.
 */
export function errorMessage(error: unknown): string {
  if (error === null || error === undefined) {
    return '';
  }
  if (typeof error === 'string') {
    return error;
  }
  const { body, message } = error as { body?: ErrorBody | ErrorBody[]; message?: string };
  const bodies = Array.isArray(body) ? body : body ? [body] : [];
  const texts: string[] = [];
  for (const item of bodies) {
    if (item.message) {
      texts.push(item.message);
    }
    for (const pageError of item.pageErrors ?? []) {
      texts.push(pageError.message);
    }
    for (const fieldErrors of Object.values(item.fieldErrors ?? {})) {
      texts.push(...fieldErrors.map((fieldError) => fieldError.message));
    }
  }
  if (texts.length === 0 && message) {
    texts.push(message);
  }
  return texts.join(' ');
}

/** `3725` → `1h 2m 5s`; blank for null. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) {
    return '';
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours) {
    parts.push(`${hours}h`);
  }
  if (minutes) {
    parts.push(`${minutes}m`);
  }
  if (rest || parts.length === 0) {
    parts.push(`${rest}s`);
  }
  return parts.join(' ');
}

/**
 * Who a change is about, as people read it: "display name (username)" from what Entra sent, else from the linked
 * Salesforce user; the Entra object id only when nothing else names the person.
 */
export function changeUserLabel(change: Change): string {
  const name = change.displayName || change.salesforceName;
  const username = change.userPrincipalName || change.salesforceUsername;
  if (name && username && name !== username) {
    return `${name} (${username})`;
  }
  return name || username || change.entraObjectId || '';
}

/** Shows a platform toast from the given component. */
export function showToast(
  target: EventTarget,
  title: string,
  message: string,
  variant: 'info' | 'success' | 'warning' | 'error',
): void {
  target.dispatchEvent(new ShowToastEvent({ title, message, variant }));
}
