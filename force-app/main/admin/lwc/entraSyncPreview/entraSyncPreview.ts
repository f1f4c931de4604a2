import { LightningElement, api } from 'lwc';
import { getPreview } from 'c/entraSyncAdminApi';
import {
  Poller,
  changeUserLabel,
  employeeChainLines,
  errorMessage,
  formatLabel,
  licenceKindName,
  type Preview,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** One planned change ready to render. */
interface PreviewRow {
  id: string;
  userLabel: string;
  /** The Entra object id as secondary detail, when a name is the primary one. */
  objectIdText: string;
  licenceKindLabel: string;
  /** A Unified Employee user's Person Account and Employee2 status, one line each. */
  chainLines: { key: string; text: string }[];
  detail: string;
  fieldRows: { key: string; field: string; before: string; after: string }[];
}

/** One action's section. */
interface PreviewSection {
  action: string;
  label: string;
  rows: PreviewRow[];
}

/**
 * Preview: a dry run's plan grouped by action (creates, updates with their field diffs, deactivations…) before
 * anything is applied. Shows the given dry run, or the latest one; re-reads itself while the dry run is planning.
 */
export default class EntraSyncPreview extends LightningElement {
  readonly labels = LABELS;

  preview: Preview | undefined;
  loading = true;
  loadError = '';

  private currentRunId: string | undefined;
  private readonly poller = new Poller(() => this.load());

  /** The dry run to show; blank shows the latest dry run. */
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

  override disconnectedCallback(): void {
    this.poller.stop();
  }

  /** Re-reads the preview (the app calls this when a dry run starts). */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  /** Seats before creating, once the dry run has planned every change (the seats table loads when shown). */
  get showSeats(): boolean {
    return this.hasRun && !this.inProgress;
  }

  get previewRunId(): string | undefined {
    return this.preview?.run?.id;
  }

  get hasRun(): boolean {
    return Boolean(this.preview?.run);
  }

  get showNoDryRun(): boolean {
    return !this.loading && !this.loadError && !this.hasRun;
  }

  get inProgress(): boolean {
    return Boolean(this.preview?.run?.isActive);
  }

  get inProgressText(): string {
    return formatLabel(LABELS.inProgress, this.preview?.run?.name);
  }

  get summaryText(): string {
    return formatLabel(LABELS.summary, this.preview?.run?.name);
  }

  get nothingToDo(): boolean {
    return this.hasRun && !this.inProgress && (this.preview?.groups.length ?? 0) === 0;
  }

  get sections(): PreviewSection[] {
    return (this.preview?.groups ?? []).map((group) => ({
      action: group.action,
      label: formatLabel(LABELS.groupLabel, group.action, group.count),
      rows: group.changes.map((change) => ({
        id: change.id,
        userLabel: changeUserLabel(change),
        objectIdText:
          change.entraObjectId && changeUserLabel(change) !== change.entraObjectId
            ? formatLabel(LABELS.entraObjectId, change.entraObjectId)
            : '',
        licenceKindLabel: licenceKindName(change.licenceKind),
        chainLines: employeeChainLines(change).map((text, index) => ({ key: `${change.id}-chain-${index}`, text })),
        detail: change.errorCode ? `${change.errorCode}: ${change.errorMessage ?? ''}` : '',
        fieldRows: change.fieldChanges.map((fieldChange, index) => ({
          key: `${change.id}-${index}`,
          field: fieldChange.field,
          before: fieldChange.before ?? LABELS.emptyValue,
          after: fieldChange.after ?? LABELS.emptyValue,
        })),
      })),
    }));
  }

  get openSections(): string[] {
    return this.sections.map((section) => section.action);
  }

  handleRefresh(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.poller.stop();
    this.loading = true;
    try {
      this.preview = await getPreview({ runId: this.currentRunId ?? null });
      this.loadError = '';
      if (this.preview.run?.isActive) {
        this.poller.schedule();
      }
    } catch (error) {
      this.preview = undefined;
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
