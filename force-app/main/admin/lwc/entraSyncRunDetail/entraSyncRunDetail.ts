import { LightningElement, api } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import { getRunDetail, retryFailed, undoRun } from 'c/entraSyncAdminApi';
import {
  changeUserLabel,
  employeeChainLines,
  errorMessage,
  formatLabel,
  licenceKindName,
  showToast,
  type Change,
  type RunDetail,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** API values of EntraSyncChange__c.Action__c and Status__c, in the order the filters offer them. */
const ACTIONS = ['Create', 'Update', 'Deactivate', 'Freeze', 'Reactivate', 'Adopt', 'NoChange', 'Skip'];
const STATUSES = ['Staged', 'Planned', 'Applied', 'Failed', 'Skipped', 'Held', 'DryRun'];
/** EntraSyncRun__c.Status__c values of a run that can be undone. */
const UNDOABLE_STATUSES = ['Completed', 'CompletedWithErrors'];

/** `LightningConfirm.open`, which the lightning-types preview does not declare (it types the instance only). */
interface ConfirmDialog {
  open(config: { label: string; message: string; theme?: 'warning' | 'error' | 'default' }): Promise<boolean>;
}

/** A field diff ready to render: blank values read as "(empty)". */
interface FieldChangeRow {
  key: string;
  field: string;
  before: string;
  after: string;
}

/** A change ready to render. */
type ChangeRow = Change & {
  fieldRows: FieldChangeRow[];
  hasError: boolean;
  userLabel: string;
  /** The Entra object id as secondary detail, when a name is the primary one. */
  objectIdText: string;
  licenceKindLabel: string;
  /** A Unified Employee user's Person Account and Employee2 status, one line each. */
  chainLines: { key: string; text: string }[];
};

/**
 * Run detail: a run's changes filtered by action and status, each with the before → after of every changed field
 * and its error; Retry failed queues the failed changes again; Undo starts a run that puts back what a completed run
 * changed. Fires `runchanged` (detail `{ runId }`) after a retry, and after an undo with the undo run's id.
 */
export default class EntraSyncRunDetail extends LightningElement {
  readonly labels = LABELS;

  detail: RunDetail | undefined;
  actionFilter = '';
  statusFilter = '';
  loading = false;
  busy = false;
  loadError = '';

  private currentRunId: string | undefined;

  /** The EntraSyncRun__c to show. */
  @api
  get runId(): string | undefined {
    return this.currentRunId;
  }
  set runId(value: string | undefined) {
    const changed = value !== this.currentRunId;
    this.currentRunId = value;
    if (changed) {
      this.actionFilter = '';
      this.statusFilter = '';
      void this.load();
    }
  }

  get hasRun(): boolean {
    return Boolean(this.currentRunId);
  }

  get showNoRun(): boolean {
    return !this.hasRun;
  }

  get cardTitle(): string {
    return formatLabel(LABELS.title, this.detail?.run.name ?? '');
  }

  get actionOptions(): { label: string; value: string }[] {
    return [{ label: LABELS.all, value: '' }, ...ACTIONS.map((action) => ({ label: action, value: action }))];
  }

  get statusOptions(): { label: string; value: string }[] {
    return [{ label: LABELS.all, value: '' }, ...STATUSES.map((status) => ({ label: status, value: status }))];
  }

  get failedCount(): number {
    return this.detail?.failedCount ?? 0;
  }

  get retryLabel(): string {
    return formatLabel(LABELS.retryFailed, this.failedCount);
  }

  get retryDisabled(): boolean {
    return this.busy || this.failedCount === 0 || Boolean(this.detail?.run.isActive);
  }

  /** Only a completed run that was not a dry run can be undone (the server checks too). */
  get undoDisabled(): boolean {
    const run = this.detail?.run;
    return this.busy || !run || run.isDryRun || !UNDOABLE_STATUSES.includes(run.status);
  }

  get rows(): ChangeRow[] {
    return (this.detail?.changes ?? []).map((change) => ({
      ...change,
      userLabel: changeUserLabel(change),
      objectIdText:
        change.entraObjectId && changeUserLabel(change) !== change.entraObjectId
          ? formatLabel(LABELS.entraObjectId, change.entraObjectId)
          : '',
      hasError: Boolean(change.errorCode || change.errorMessage),
      licenceKindLabel: licenceKindName(change.licenceKind),
      chainLines: employeeChainLines(change).map((text, index) => ({ key: `${change.id}-chain-${index}`, text })),
      fieldRows: change.fieldChanges.map((fieldChange, index) => ({
        key: `${change.id}-${index}`,
        field: fieldChange.field,
        before: fieldChange.before ?? LABELS.emptyValue,
        after: fieldChange.after ?? LABELS.emptyValue,
      })),
    }));
  }

  get isEmpty(): boolean {
    return Boolean(this.detail) && this.detail!.changes.length === 0;
  }

  get truncated(): boolean {
    return Boolean(this.detail?.truncated);
  }

  get runError(): string {
    const run = this.detail?.run;
    return run?.errorCode ? `${run.errorCode}: ${run.errorMessage ?? ''}` : '';
  }

  /** What the run could not do fully and what to do about it (EntraSyncRun__c.Notices__c), shown above the changes. */
  get runNotices(): string[] {
    return this.detail?.run.notices ?? [];
  }

  /** Loads again after a load error (the card state's Retry). */
  handleRetry(): void {
    void this.load();
  }

  handleActionFilter(event: CustomEvent<{ value: string }>): void {
    this.actionFilter = event.detail.value;
    void this.load();
  }

  handleStatusFilter(event: CustomEvent<{ value: string }>): void {
    this.statusFilter = event.detail.value;
    void this.load();
  }

  async handleRetryFailed(): Promise<void> {
    const runId = this.currentRunId;
    if (!runId) {
      return;
    }
    this.busy = true;
    try {
      await retryFailed({ runId });
      showToast(this, LABELS.successTitle, LABELS.retryQueued, 'success');
      this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId } }));
      await this.load();
    } catch (error) {
      showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  /**
   * Asks first (an undo changes users back, and turns off those the run created), then starts the undo run and tells
   * the page (`runchanged` with the undo run's id) so it can show it.
   */
  async handleUndo(): Promise<void> {
    const runId = this.currentRunId;
    if (!runId) {
      return;
    }
    const confirmed = await (LightningConfirm as unknown as ConfirmDialog).open({
      label: formatLabel(LABELS.undoConfirmTitle, this.detail?.run.name ?? ''),
      message: LABELS.undoConfirm,
      theme: 'warning',
    });
    if (!confirmed) {
      return;
    }
    this.busy = true;
    try {
      const undoRunId = await undoRun({ runId });
      showToast(this, LABELS.successTitle, LABELS.undoQueued, 'success');
      this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId: undoRunId } }));
    } catch (error) {
      showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private async load(): Promise<void> {
    if (!this.currentRunId) {
      this.detail = undefined;
      return;
    }
    this.loading = true;
    try {
      this.detail = await getRunDetail({
        runId: this.currentRunId,
        action: this.actionFilter,
        status: this.statusFilter,
      });
      this.loadError = '';
    } catch (error) {
      this.detail = undefined;
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }
}
