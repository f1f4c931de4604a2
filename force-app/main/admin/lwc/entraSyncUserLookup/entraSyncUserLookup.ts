import { LightningElement } from 'lwc';
import { previewUser, syncUser, whichRuleWinsForUser } from 'c/entraSyncAdminApi';
import { errorMessage, formatLabel, showToast, type RuleMatch } from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/**
 * Sync one user now: the admin enters an Entra object id, UPN or e-mail and previews what the sync would do for that
 * person (an OnDemand dry run reading only them from Graph, shown by c-entra-sync-preview with its per-field diff;
 * the rule that wins and its licence kind beside it), then applies it as its own OnDemand run. Fires `runchanged`
 * (detail `{ runId }`) when the sync run starts.
 */
export default class EntraSyncUserLookup extends LightningElement {
  readonly labels = LABELS;

  userKey = '';
  previewRunId: string | undefined;
  previewedKey = '';
  match: RuleMatch | undefined;
  busy = false;

  get previewDisabled(): boolean {
    return this.busy || this.userKey.trim() === '';
  }

  /** Sync now applies what was previewed for the same key. */
  get syncDisabled(): boolean {
    return this.busy || !this.previewRunId || this.previewedKey !== this.userKey.trim();
  }

  get ruleText(): string {
    const winner = this.match?.winner;
    if (!this.match) {
      return '';
    }
    return winner
      ? formatLabel(LABELS.rule, winner.label ?? winner.developerName ?? '', winner.licenceKind)
      : LABELS.noRule;
  }

  handleKeyChange(event: CustomEvent<{ value: string }>): void {
    this.userKey = event.detail.value ?? '';
  }

  async handlePreview(): Promise<void> {
    const userKey = this.userKey.trim();
    this.busy = true;
    try {
      this.previewRunId = await previewUser({ userKey });
      this.previewedKey = userKey;
      this.match = await whichRuleWinsForUser({ userKey }).catch(() => undefined);
    } catch (error) {
      this.previewRunId = undefined;
      showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  async handleSync(): Promise<void> {
    this.busy = true;
    try {
      const runId = await syncUser({ userKey: this.previewedKey });
      showToast(this, LABELS.successTitle, formatLabel(LABELS.started, runId), 'success');
      this.dispatchEvent(new CustomEvent('runchanged', { detail: { runId } }));
    } catch (error) {
      showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }
}
