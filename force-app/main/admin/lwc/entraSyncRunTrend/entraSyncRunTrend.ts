import { LightningElement, api } from 'lwc';
import { getRunTrend } from 'c/entraSyncAdminApi';
import {
  Poller,
  errorMessage,
  formatLabel,
  formatRunCounts,
  type RunSummary,
  type RunTrend,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/**
 * The chart's drawing box in SVG user units. Its width follows the chart's measured width in pixels (so text is never
 * stretched); DEFAULT_WIDTH applies until the first measurement.
 */
const DEFAULT_WIDTH = 1000;
const HEIGHT = 220;
const PLOT_LEFT = 48;
const PLOT_RIGHT = 8;
const PLOT_TOP = 20;
const PLOT_BOTTOM = 24;
const PLOT_HEIGHT = HEIGHT - PLOT_TOP - PLOT_BOTTOM;
/** Bars keep this width or narrower: a handful of runs should not turn into wide blocks. */
const MIN_SLOTS = 20;

/** Statuses of a run whose deactivations were (or are) held for an admin's approval. */
const HELD_STATUSES = new Set(['AwaitingApproval', 'Rejected']);

/** One stacked series: the counters it adds up and its colour (SLDS chart palette, readable on white). */
interface Series {
  key: string;
  label: string;
  color: string;
  value: (run: RunSummary) => number;
}

const count = (value: number | null | undefined): number => Number(value ?? 0);

const SERIES: readonly Series[] = [
  { key: 'created', label: LABELS.created, color: '#2e844a', value: (run) => count(run.created) },
  { key: 'updated', label: LABELS.updated, color: '#0176d3', value: (run) => count(run.updated) },
  {
    key: 'deactivatedFrozen',
    label: LABELS.deactivatedFrozen,
    color: '#dd7a01',
    value: (run) => count(run.deactivated) + count(run.frozen),
  },
  { key: 'reactivated', label: LABELS.reactivated, color: '#7f47b1', value: (run) => count(run.reactivated) },
  { key: 'failed', label: LABELS.failed, color: '#ba0517', value: (run) => count(run.failed) },
];

interface Segment {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

interface Bar {
  key: string;
  title: string;
  segments: Segment[];
  held: boolean;
  heldX: number;
  heldPoints: string;
  outline: { x: number; y: number; width: number; height: number };
}

interface TableRow {
  key: string;
  name: string;
  started: string;
  cells: { key: string; value: number }[];
  held: string;
}

/** Whether the deactivation guard held the run (now or before an approval). */
function isHeld(run: RunSummary): boolean {
  return HELD_STATUSES.has(run.status) || Boolean(run.approvalReason);
}

function formatDay(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function formatDateTime(iso: string | undefined): string {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The status tab's trend picture: the changes of the runs of the last 30 days (at most 50) as a stacked bar chart
 * drawn in SVG — created, updated, deactivated or frozen, reactivated and failed per run, runs held for approval
 * marked with a triangle and a dashed outline. The same numbers are in a table that screen readers always read and
 * that the admin can show with "Show as table".
 */
export default class EntraSyncRunTrend extends LightningElement {
  readonly labels = LABELS;
  readonly height = HEIGHT;
  readonly plotLeft = PLOT_LEFT;
  readonly baselineY = PLOT_TOP + PLOT_HEIGHT;
  readonly topY = PLOT_TOP;
  readonly midY = PLOT_TOP + PLOT_HEIGHT / 2;
  readonly axisLabelX = PLOT_LEFT - 6;

  trend: RunTrend | undefined;
  loading = true;
  loadError = '';
  tableShown = false;
  /** The chart's width in pixels, measured after each render. */
  chartWidth = DEFAULT_WIDTH;

  private readonly onResize = (): void => this.measure();
  private readonly poller = new Poller(() => this.load());

  override connectedCallback(): void {
    window.addEventListener('resize', this.onResize);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('resize', this.onResize);
    this.poller.stop();
  }

  override renderedCallback(): void {
    this.measure();
  }

  get viewBox(): string {
    return `0 0 ${this.chartWidth} ${HEIGHT}`;
  }

  get plotRight(): number {
    return this.chartWidth - PLOT_RIGHT;
  }

  get axisY(): number {
    return HEIGHT - 6;
  }

  /** The dates under the first and the last bar. */
  get axisStart(): { x: number; text: string } | undefined {
    const bars = this.bars;
    return bars.length ? { x: bars[0].heldX, text: formatDay(this.runs[0].startedAt) } : undefined;
  }

  get axisEnd(): { x: number; text: string } | undefined {
    const bars = this.bars;
    return bars.length > 1
      ? { x: bars[bars.length - 1].heldX, text: formatDay(this.runs[this.runs.length - 1].startedAt) }
      : undefined;
  }

  /** Re-reads the runs (the app calls this when a run starts or changes). */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  get days(): number {
    return this.trend?.days ?? 30;
  }

  get cardTitle(): string {
    return formatLabel(LABELS.title, this.days);
  }

  get runs(): RunSummary[] {
    return this.trend?.runs ?? [];
  }

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.runs.length === 0;
  }

  get emptyMessage(): string {
    return formatLabel(LABELS.empty, this.days);
  }

  get hasRuns(): boolean {
    return this.runs.length > 0;
  }

  /** The tallest bar, rounded up to an even number so the mid grid line sits on a whole count. */
  get scaleMax(): number {
    const tallest = Math.max(0, ...this.runs.map((run) => SERIES.reduce((sum, series) => sum + series.value(run), 0)));
    return Math.max(2, tallest + (tallest % 2));
  }

  get scaleMid(): number {
    return this.scaleMax / 2;
  }

  get bars(): Bar[] {
    const runs = this.runs;
    const slot = (this.chartWidth - PLOT_LEFT - PLOT_RIGHT) / Math.max(runs.length, MIN_SLOTS);
    const barWidth = Math.max(2, slot * 0.7);
    const perUnit = PLOT_HEIGHT / this.scaleMax;
    return runs.map((run, index) => {
      const x = PLOT_LEFT + index * slot + (slot - barWidth) / 2;
      let top = this.baselineY;
      const segments: Segment[] = [];
      for (const series of SERIES) {
        const height = series.value(run) * perUnit;
        if (height > 0) {
          top -= height;
          segments.push({ key: `${run.id}-${series.key}`, x, y: top, width: barWidth, height, fill: series.color });
        }
      }
      const markerY = Math.max(4, top - 12);
      const centre = x + barWidth / 2;
      return {
        key: run.id,
        title: `${run.name} · ${formatDateTime(run.startedAt)} · ${formatRunCounts(run)}`,
        segments,
        held: isHeld(run),
        heldX: centre,
        heldPoints: `${centre - 6},${markerY} ${centre + 6},${markerY} ${centre},${markerY + 9}`,
        outline: { x: x - 2, y: PLOT_TOP, width: barWidth + 4, height: PLOT_HEIGHT },
      };
    });
  }

  get legend(): { key: string; label: string; style: string }[] {
    return SERIES.map((series) => ({
      key: series.key,
      label: series.label,
      style: `background-color: ${series.color}`,
    }));
  }

  get summary(): string {
    const runs = this.runs;
    if (runs.length === 0) {
      return '';
    }
    const total = (series: Series): number => runs.reduce((sum, run) => sum + series.value(run), 0);
    const period = formatLabel(
      LABELS.summary,
      runs.length,
      formatDay(runs[0].startedAt),
      formatDay(runs[runs.length - 1].startedAt),
    );
    return `${period} ${formatLabel(LABELS.totals, ...SERIES.map(total), runs.filter(isHeld).length)}`;
  }

  get seriesLabels(): { key: string; label: string }[] {
    return SERIES.map((series) => ({ key: series.key, label: series.label }));
  }

  get tableRows(): TableRow[] {
    return this.runs.map((run) => ({
      key: run.id,
      name: run.name,
      started: formatDateTime(run.startedAt),
      cells: SERIES.map((series) => ({ key: `${run.id}-${series.key}`, value: series.value(run) })),
      held: isHeld(run) ? LABELS.heldMark : '',
    }));
  }

  get tableClass(): string {
    return this.tableShown ? 'slds-m-top_small' : 'slds-assistive-text';
  }

  get toggleLabel(): string {
    return this.tableShown ? LABELS.hideTable : LABELS.showTable;
  }

  handleToggleTable(): void {
    this.tableShown = !this.tableShown;
  }

  handleRefresh(): void {
    void this.load();
  }

  /** Follows the chart's width so bars fill it and text keeps its size; jsdom and hidden tabs measure 0. */
  private measure(): void {
    const width = (this.template?.querySelector('[data-id="chart"]') as HTMLElement | null)?.clientWidth ?? 0;
    if (width > 0 && Math.abs(width - this.chartWidth) > 1) {
      this.chartWidth = width;
    }
  }

  private async load(): Promise<void> {
    this.poller.stop();
    this.loading = true;
    try {
      this.trend = await getRunTrend();
      this.loadError = '';
      if (this.trend.runs.some((run) => run.isActive)) {
        this.poller.schedule();
      }
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
