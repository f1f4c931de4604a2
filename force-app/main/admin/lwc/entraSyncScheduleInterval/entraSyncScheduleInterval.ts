import { LightningElement, api } from 'lwc';
import { setScheduleInterval } from 'c/entraSyncAdminApi';
import { errorMessage, formatLabel, showToast } from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/**
 * The intervals the schedule can keep (EntraSyncRunService.isValidInterval): Apex cron takes one value in its minutes
 * field, so only intervals that divide the hour run more often than hourly; whole hours up to a day.
 */
export const INTERVAL_MINUTES = [15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/**
 * How often the scheduled sync runs, from 15 minutes to 24 hours (default every 2 hours). Saving reschedules at once
 * when the schedule is on; fires `intervalchanged` (detail `{ minutes }`) so the panel reads the next run time again.
 */
export default class EntraSyncScheduleInterval extends LightningElement {
  readonly labels = LABELS;

  /** The interval in effect, in minutes. */
  @api minutes: number | undefined;

  busy = false;

  get value(): string {
    return String(this.minutes ?? 120);
  }

  get options(): { label: string; value: string }[] {
    return INTERVAL_MINUTES.map((minutes) => ({ label: describe(minutes), value: String(minutes) }));
  }

  async handleChange(event: CustomEvent<{ value: string }>): Promise<void> {
    const minutes = Number(event.detail.value);
    this.busy = true;
    try {
      await setScheduleInterval({ minutes });
      showToast(this, LABELS.successTitle, LABELS.saved, 'success');
      this.dispatchEvent(new CustomEvent('intervalchanged', { detail: { minutes } }));
    } catch (error) {
      showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }
}

function describe(minutes: number): string {
  if (minutes < 60) {
    return formatLabel(LABELS.minutes, minutes);
  }
  return minutes === 60 ? LABELS.hour : formatLabel(LABELS.hours, minutes / 60);
}
