import { LightningElement } from 'lwc';
import LABELS from './labels';

/** Values of the lightning-tab elements. */
const TAB = {
  overview: 'overview',
  detail: 'detail',
  preview: 'preview',
  mapping: 'mapping',
  rules: 'rules',
  users: 'users',
} as const;

interface Refreshable {
  refresh: () => Promise<void>;
}

/**
 * The Entra User Sync admin page: lays the screens out in tabs and wires them together — opening a run from the
 * history shows its detail (or its preview for a dry run), starting or changing a run refreshes the history.
 */
export default class EntraSyncAdminApp extends LightningElement {
  readonly labels = LABELS;
  readonly tabs = TAB;

  activeTab: string = TAB.overview;
  selectedRunId: string | undefined;
  previewRunId: string | undefined;

  handleTabActive(event: Event): void {
    this.activeTab = (event.target as HTMLElement & { value: string }).value;
  }

  handleRunStarted(event: CustomEvent<{ runId: string; dryRun: boolean }>): void {
    if (event.detail.dryRun) {
      this.previewRunId = event.detail.runId;
    }
    void this.find('c-entra-sync-run-history')?.refresh();
    void this.find('c-entra-sync-run-trend')?.refresh();
  }

  handleRunSelected(event: CustomEvent<{ runId: string; isDryRun: boolean }>): void {
    this.selectedRunId = event.detail.runId;
    if (event.detail.isDryRun) {
      this.previewRunId = event.detail.runId;
    }
    this.activeTab = TAB.detail;
  }

  handleRunChanged(): void {
    void this.find('c-entra-sync-run-history')?.refresh();
    void this.find('c-entra-sync-run-trend')?.refresh();
    void this.find('c-entra-sync-status-panel')?.refresh();
    void this.find('c-entra-sync-users-table')?.refresh();
  }

  private find(selector: string): Refreshable | null {
    return this.template?.querySelector(selector) as Refreshable | null;
  }
}
