import { LightningElement, api } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import {
  getStatus,
  testConnection,
  startRun,
  startReconcile,
  setScheduleEnabled,
  approveRun,
  rejectRun,
} from 'c/entraSyncAdminApi';
import {
  Poller,
  errorMessage,
  formatDuration,
  formatLabel,
  formatRunCounts,
  showToast,
  type ConnectionResult,
  type RunSummary,
  type Status,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** The counters that show a dry run planned something. */
const DRY_RUN_COUNTERS: readonly (keyof RunSummary)[] = [
  'created',
  'updated',
  'deactivated',
  'frozen',
  'reactivated',
  'adopted',
  'skipped',
  'failed',
  'pendingDeactivations',
];

/** `LightningConfirm.open`, which the lightning-types preview does not declare (it types the instance only). */
interface ConfirmDialog {
  open(config: { label: string; message: string; theme?: 'warning' | 'error' | 'default' }): Promise<boolean>;
}

/**
 * Status and control: is the Named Credential there and does Graph answer, is the schedule on, how did the last run
 * go; Run now / Dry run / Reconcile now (after a confirmation), with the last and next full reconciliation; the
 * approval banner for a run held by the deactivation guard.
 * Fires `runstarted` (detail `{ runId, dryRun }`) and `runchanged` (detail `{ runId }`) so the app can refresh.
 */
export default class EntraSyncStatusPanel extends LightningElement {
  readonly labels = LABELS;

  status: Status | undefined;
  connection: ConnectionResult | undefined;
  loading = true;
  busy = false;
  loadError = '';

  private readonly poller = new Poller(() => this.load());
  /** The last run as last read (`id:status`), to see a run start or finish. */
  private lastRunKey: string | undefined;

  override connectedCallback(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    this.poller.stop();
  }

  /** The interval changed (and the schedule with it): read the next run time again. */
  handleIntervalChanged(): void {
    void this.refresh();
  }

  /** Re-reads the status; the app calls this after other screens change runs. */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  /** Loads again after a load error (the card state's Retry). */
  handleRetry(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.poller.stop();
    try {
      this.status = await getStatus();
      this.loadError = '';
      this.refreshSeatsOnNewRun();
      if (this.status.activeRunId) {
        this.poller.schedule();
      }
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** The seats read the latest dry run: once a run starts or finishes (a dry run, say), they are read again. */
  private refreshSeatsOnNewRun(): void {
    const lastRun = this.status?.lastRun;
    const key = lastRun ? `${lastRun.id}:${lastRun.status}` : 'none';
    if (this.lastRunKey !== undefined && key !== this.lastRunKey) {
      void (
        this.template?.querySelector('c-entra-sync-seats') as { refresh?: () => Promise<void> } | null
      )?.refresh?.();
    }
    this.lastRunKey = key;
  }

  get hasStatus(): boolean {
    return this.status !== undefined;
  }

  get runActive(): boolean {
    return Boolean(this.status?.activeRunId);
  }

  get runDisabled(): boolean {
    return this.busy || !this.status || this.runActive;
  }

  get configuredText(): string {
    if (!this.status) {
      return '';
    }
    return this.status.connectionConfigured
      ? LABELS.configured
      : formatLabel(LABELS.notConfigured, this.status.namedCredential);
  }

  get configuredIcon(): string {
    return this.status?.connectionConfigured ? 'utility:success' : 'utility:warning';
  }

  get connectionText(): string {
    if (!this.connection) {
      return '';
    }
    if (this.connection.reachable) {
      return formatLabel(LABELS.connectedTo, this.connection.tenantName ?? this.connection.tenantId);
    }
    return `${LABELS.connectionFailed}: ${this.connection.errorCode ?? ''} ${this.connection.errorMessage ?? ''}`.trim();
  }

  get connectionClass(): string {
    return this.connection?.reachable ? 'slds-text-color_success' : 'slds-text-color_error';
  }

  get scheduleEnabled(): boolean {
    return Boolean(this.status?.scheduleEnabled);
  }

  /** The interval in effect: the admin's choice (in minutes) when there is one, else the settings' hours. */
  get intervalText(): string {
    const minutes = this.status?.scheduleIntervalMinutes;
    if (!minutes) {
      return formatLabel(LABELS.scheduleInterval, this.status?.scheduleIntervalHours);
    }
    if (minutes < 60) {
      return formatLabel(LABELS.scheduleIntervalMinutes, minutes);
    }
    return minutes === 60 ? LABELS.scheduleIntervalHour : formatLabel(LABELS.scheduleInterval, minutes / 60);
  }

  get lastRun(): RunSummary | null | undefined {
    return this.status?.lastRun;
  }

  /**
   * The last run's counters. A dry run applies nothing, so one that planned nothing (no action and no failure to
   * count) reads just "No changes", without the "0 failed" of an applied run.
   */
  get lastRunCounts(): string {
    const run = this.lastRun;
    if (run?.isDryRun && !DRY_RUN_COUNTERS.some((key) => Number(run[key] ?? 0) > 0)) {
      return LABELS.noChanges;
    }
    return formatRunCounts(run);
  }

  get lastRunDuration(): string {
    return formatDuration(this.lastRun?.durationSeconds);
  }

  get awaitingApproval(): RunSummary | null | undefined {
    return this.status?.awaitingApproval;
  }

  get approvalTitle(): string {
    return formatLabel(LABELS.approvalTitle, this.awaitingApproval?.name);
  }

  get approvalDetail(): string {
    const run = this.awaitingApproval;
    return formatLabel(LABELS.approvalDetail, run?.pendingDeactivations ?? 0, run?.approvalReason ?? '');
  }

  async handleTestConnection(): Promise<void> {
    this.busy = true;
    try {
      this.connection = await testConnection();
    } catch (error) {
      this.toastError(error);
    } finally {
      this.busy = false;
    }
  }

  handleRunNow(): Promise<void> {
    return this.start(false);
  }

  handleDryRun(): Promise<void> {
    return this.start(true);
  }

  /** Asks first: a reconciliation reads everything again and may deactivate users. */
  async handleReconcile(): Promise<void> {
    const confirmed = await (LightningConfirm as unknown as ConfirmDialog).open({
      label: LABELS.reconcileConfirmTitle,
      message: LABELS.reconcileConfirm,
      theme: 'warning',
    });
    if (!confirmed) {
      return;
    }
    this.busy = true;
    try {
      const runId = await startReconcile();
      showToast(this, LABELS.successTitle, LABELS.reconcileStarted, 'success');
      this.dispatchEvent(new CustomEvent('runstarted', { detail: { runId, dryRun: false } }));
      await this.load();
    } catch (error) {
      this.toastError(error);
    } finally {
      this.busy = false;
    }
  }

  get lastReconcileAt(): string | null | undefined {
    return this.status?.lastFullSyncAt;
  }

  get nextReconcileAt(): string | null | undefined {
    return this.status?.nextReconcileAt;
  }

  /** Shown instead of a date: off, or due at the next scheduled run because there was never a full sync. */
  get nextReconcileText(): string {
    if (this.status?.reconcileIntervalDays === 0) {
      return LABELS.reconcileOff;
    }
    return this.nextReconcileAt ? '' : LABELS.reconcileAtNextRun;
  }

  async handleScheduleToggle(event: CustomEvent<{ checked: boolean }>): Promise<void> {
    const enabled = event.detail.checked;
    this.busy = true;
    try {
      this.status = await setScheduleEnabled({ enabled });
      showToast(this, LABELS.successTitle, LABELS.scheduleSaved, 'success');
    } catch (error) {
      this.toastError(error);
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  async handleApprove(): Promise<void> {
    await this.decide(approveRun, LABELS.approved);
  }

  async handleReject(): Promise<void> {
    await this.decide(rejectRun, LABELS.rejected);
  }

  private async start(dryRun: boolean): Promise<void> {
    this.busy = true;
    try {
      const runId = await startRun({ dryRun });
      showToast(this, LABELS.successTitle, dryRun ? LABELS.dryRunStarted : LABELS.runStarted, 'success');
      this.dispatchEvent(new CustomEvent('runstarted', { detail: { runId, dryRun } }));
      await this.load();
    } catch (error) {
      this.toastError(error);
    } finally {
      this.busy = false;
    }
  }

  private async decide(action: typeof approveRun, message: string): Promise<void> {
    const runId = this.awaitingApproval?.id;
    if (!runId) {
      return;
    }
    this.busy = true;
    try {
      await action({ runId });
      showToast(this, LABELS.successTitle, message, 'success');
      this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId } }));
      await this.load();
    } catch (error) {
      this.toastError(error);
    } finally {
      this.busy = false;
    }
  }

  private toastError(error: unknown): void {
    showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
  }
}
