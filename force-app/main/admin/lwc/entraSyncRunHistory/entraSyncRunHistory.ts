import { LightningElement, api } from 'lwc';
import { getRuns } from 'c/entraSyncAdminApi';
import {
  Poller,
  errorMessage,
  formatDuration,
  formatLabel,
  formatRunCounts,
  type RunSummary,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** A run as a table row: the summary plus its formatted duration and counters. */
type RunRow = RunSummary & { durationText: string; countsText: string };

/** Table columns that sort by a different server column than the one they display. */
const SERVER_SORT_FIELD: Readonly<Record<string, string>> = { durationText: 'durationSeconds' };

/**
 * Fixed widths for the short columns so their headers are never cut ("Tr…"); the counters share one wrapping column
 * that takes the rest, so every action a run took (frozen, reactivated, adopted…) is shown at 1280 px.
 */
const COLUMNS = [
  {
    label: LABELS.colRun,
    fieldName: 'name',
    type: 'button',
    sortable: true,
    initialWidth: 120,
    typeAttributes: { label: { fieldName: 'name' }, name: 'view', variant: 'base' },
  },
  { label: LABELS.colStatus, fieldName: 'status', type: 'runStatus', sortable: true, initialWidth: 190 },
  { label: LABELS.colTrigger, fieldName: 'triggerType', type: 'text', sortable: true, initialWidth: 110 },
  { label: LABELS.colMode, fieldName: 'mode', type: 'text', sortable: true, initialWidth: 100 },
  {
    label: LABELS.colStarted,
    fieldName: 'startedAt',
    type: 'date',
    sortable: true,
    initialWidth: 175,
    typeAttributes: { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' },
  },
  { label: LABELS.colDuration, fieldName: 'durationText', type: 'text', sortable: true, initialWidth: 110 },
  { label: LABELS.colFetched, fieldName: 'fetched', type: 'number', sortable: true, initialWidth: 100 },
  { label: LABELS.colChanges, fieldName: 'countsText', type: 'text', wrapText: true },
  { label: LABELS.colFailed, fieldName: 'failed', type: 'number', sortable: true, initialWidth: 90 },
];

/**
 * Run history: a sortable, paged table of runs that re-reads itself while a run is active.
 * Fires `runselected` (detail `{ runId, isDryRun }`) when the admin opens a run.
 */
export default class EntraSyncRunHistory extends LightningElement {
  /** Rows per page. */
  @api pageSize = 20;

  readonly labels = LABELS;
  readonly columns = COLUMNS;

  rows: RunRow[] = [];
  totalCount = 0;
  pageNumber = 1;
  sortedBy = 'startedAt';
  sortedDirection: 'asc' | 'desc' = 'desc';
  hasActiveRun = false;
  loading = true;
  loadError = '';

  private readonly poller = new Poller(() => this.load());

  override connectedCallback(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    this.poller.stop();
  }

  /** Re-reads the current page (the app calls this when a run starts or changes). */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  get pageCount(): number {
    return Math.max(1, Math.ceil(this.totalCount / this.pageSize));
  }

  get pageInfo(): string {
    return formatLabel(LABELS.pageInfo, this.pageNumber, this.pageCount, this.totalCount);
  }

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.totalCount === 0;
  }

  get previousDisabled(): boolean {
    return this.loading || this.pageNumber <= 1;
  }

  get nextDisabled(): boolean {
    return this.loading || this.pageNumber >= this.pageCount;
  }

  handleSort(event: CustomEvent<{ fieldName: string; sortDirection: 'asc' | 'desc' }>): void {
    this.sortedBy = event.detail.fieldName;
    this.sortedDirection = event.detail.sortDirection;
    this.pageNumber = 1;
    void this.load();
  }

  handlePrevious(): void {
    this.pageNumber = Math.max(1, this.pageNumber - 1);
    void this.load();
  }

  handleNext(): void {
    this.pageNumber = Math.min(this.pageCount, this.pageNumber + 1);
    void this.load();
  }

  handleRefresh(): void {
    void this.load();
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: RunRow }>): void {
    const { row } = event.detail;
    this.dispatchEvent(new CustomEvent('runselected', { detail: { runId: row.id, isDryRun: row.isDryRun } }));
  }

  private async load(): Promise<void> {
    this.poller.stop();
    this.loading = true;
    try {
      const page = await getRuns({
        pageSize: this.pageSize,
        pageNumber: this.pageNumber,
        sortedBy: SERVER_SORT_FIELD[this.sortedBy] ?? this.sortedBy,
        sortDirection: this.sortedDirection,
      });
      this.rows = page.runs.map((run) => ({
        ...run,
        durationText: formatDuration(run.durationSeconds),
        countsText: formatRunCounts(run),
      }));
      this.totalCount = page.totalCount;
      this.pageNumber = page.pageNumber;
      this.hasActiveRun = page.hasActiveRun;
      this.loadError = '';
      if (page.hasActiveRun) {
        this.poller.schedule();
      }
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
