import { LightningElement, api } from 'lwc';
import { getSeats } from 'c/entraSyncAdminApi';
import { errorMessage, formatLabel, type LicenceSeats, type Seats } from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** A licence row ready to render. */
type SeatRow = LicenceSeats & { usedOfTotal: string; withheldClass: string; reactivationCount: number };

/**
 * Seats before creating: per user licence, the seats a run's creates and reactivations need against the seats free
 * now (a returning user takes a seat like a joiner), and how many would wait. Shows the latest dry run unless `run-id` names a run; `refresh()` loads again.
 */
export default class EntraSyncSeats extends LightningElement {
  readonly labels = LABELS;

  seats: Seats | undefined;
  loading = false;
  loadError = '';

  private currentRunId: string | undefined;

  /** The run whose creates to count; empty for the latest dry run. */
  @api
  get runId(): string | undefined {
    return this.currentRunId;
  }
  set runId(value: string | undefined) {
    const changed = value !== this.currentRunId;
    this.currentRunId = value;
    if (changed && this.isConnected) {
      void this.load();
    }
  }

  override connectedCallback(): void {
    void this.load();
  }

  /** Loads again (after a dry run finished, for instance). */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  get rows(): SeatRow[] {
    return (this.seats?.licences ?? []).map((licence) => ({
      ...licence,
      usedOfTotal: `${licence.used} / ${licence.total}`,
      reactivationCount: licence.reactivations ?? 0,
      withheldClass: licence.withheld > 0 ? 'slds-text-color_error' : '',
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get showNone(): boolean {
    return !this.loading && !this.loadError && !this.hasRows;
  }

  get withheldTotal(): number {
    return this.rows.reduce((sum, row) => sum + row.withheld, 0);
  }

  get shortText(): string {
    return this.withheldTotal > 0 ? formatLabel(LABELS.short, this.withheldTotal) : '';
  }

  handleRetry(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      this.seats = await getSeats({ runId: this.currentRunId ?? null });
      this.loadError = '';
    } catch (error) {
      this.seats = undefined;
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
