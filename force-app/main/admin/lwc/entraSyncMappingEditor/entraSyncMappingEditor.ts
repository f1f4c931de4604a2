import { LightningElement } from 'lwc';
import { getMappings, getUserFields, validateExpression, testMapping, saveMapping } from 'c/entraSyncAdminApi';
import {
  errorMessage,
  formatLabel,
  showToast,
  type ExpressionCheck,
  type Mapping,
  type MappingTest,
  type Option,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** Wait this long after the last keystroke before asking the server to parse the source. */
const VALIDATE_DELAY_MS = 300;

/** A Graph user shaped like `GET /v1.0/users/{id}` returns it, for trying out a mapping. */
const SAMPLE_USER = JSON.stringify(
  {
    id: '8f2c1d3e-0000-4000-8000-000000000001',
    userPrincipalName: 'adele.vance@contoso.com',
    mail: 'adele.vance@contoso.com',
    mailNickname: 'AdeleV',
    givenName: 'Adele',
    surname: 'Vance',
    displayName: 'Adele Vance',
    jobTitle: 'Retail Manager',
    department: 'Retail',
    companyName: 'Contoso',
    employeeId: '1001',
    accountEnabled: true,
    onPremisesExtensionAttributes: { extensionAttribute3: 'EMEA' },
  },
  null,
  2,
);

const EDIT_ACTION = { label: LABELS.edit, name: 'edit' };

const COLUMNS = [
  { label: LABELS.colOrder, fieldName: 'sortOrder', type: 'number', initialWidth: 90 },
  { label: LABELS.colSource, fieldName: 'source', type: 'text', wrapText: true },
  { label: LABELS.colTarget, fieldName: 'targetField', type: 'text', wrapText: true, initialWidth: 200 },
  { label: LABELS.colApplyOn, fieldName: 'applyOn', type: 'text', initialWidth: 150 },
  { label: LABELS.colDefault, fieldName: 'defaultValue', type: 'text', wrapText: true, initialWidth: 190 },
  { label: LABELS.colActive, fieldName: 'active', type: 'boolean', initialWidth: 90 },
  {
    type: 'action',
    typeAttributes: {
      // Offer Activate or Deactivate depending on the row (datatable's dynamic row actions).
      rowActions: (row: Mapping, done: (actions: { label: string; name: string }[]) => void) =>
        done([EDIT_ACTION, { label: row.active ? LABELS.deactivate : LABELS.activate, name: 'toggle' }]),
    },
  },
];

/**
 * Field mapping editor: lists the mappings, adds/edits/deactivates them, checks the source expression as the admin
 * types (the server's parser reports the exact column), tries it on a sample Entra user and saves through the
 * Metadata API (the server queues a deployment and says so).
 */
export default class EntraSyncMappingEditor extends LightningElement {
  readonly labels = LABELS;
  readonly columns = COLUMNS;

  mappings: Mapping[] = [];
  userFields: Option[] = [];
  draft: Mapping | undefined;
  check: ExpressionCheck | undefined;
  testOutcome: MappingTest | undefined;
  sampleUser = SAMPLE_USER;
  loading = true;
  saving = false;
  loadError = '';

  private validateTimer: ReturnType<typeof setTimeout> | undefined;
  private validateSequence = 0;

  override connectedCallback(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.validateTimer);
  }

  get applyOnOptions(): Option[] {
    return [
      { label: LABELS.applyAlways, value: 'Always' },
      { label: LABELS.applyCreate, value: 'Create' },
    ];
  }

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.mappings.length === 0;
  }

  get editorTitle(): string {
    return this.draft?.developerName ? formatLabel(LABELS.editorEdit, this.draft.developerName) : LABELS.editorNew;
  }

  get expressionMessage(): string {
    if (!this.check) {
      return '';
    }
    return this.check.valid
      ? LABELS.expressionValid
      : formatLabel(LABELS.expressionError, this.check.column, this.check.message);
  }

  get expressionClass(): string {
    return this.check?.valid ? 'slds-text-color_success' : 'slds-text-color_error';
  }

  get testMessage(): string {
    const outcome = this.testOutcome;
    if (!outcome) {
      return '';
    }
    if (!outcome.ok) {
      return `${outcome.errorCode ?? ''}: ${outcome.errorMessage ?? ''}`;
    }
    return outcome.value === null || outcome.value === undefined || outcome.value === ''
      ? LABELS.testEmptyResult
      : formatLabel(LABELS.testResult, outcome.value);
  }

  get testClass(): string {
    return this.testOutcome?.ok ? 'slds-text-color_default' : 'slds-text-color_error';
  }

  get saveDisabled(): boolean {
    return this.saving || !this.draft?.source || !this.draft?.targetField || this.check?.valid === false;
  }

  /** Loads again after a load error (the card state's Retry). */
  handleRetry(): void {
    void this.load();
  }

  handleAdd(): void {
    this.openEditor({ source: '', targetField: '', applyOn: 'Always', active: true, sortOrder: this.nextOrder() });
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: Mapping }>): void {
    const { action, row } = event.detail;
    if (action.name === 'edit') {
      this.openEditor({ ...row });
      return;
    }
    void this.save({ ...row, active: !row.active });
  }

  handleFieldChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const name = (event.target as HTMLElement & { name: string }).name;
    const { value, checked } = event.detail;
    const draft = { ...this.draft! } as Record<string, unknown>;
    if (name === 'active') {
      draft.active = Boolean(checked);
    } else if (name === 'sortOrder') {
      draft.sortOrder = value === '' || value === undefined ? null : Number(value);
    } else {
      draft[name] = value;
    }
    this.draft = draft as unknown as Mapping;
    if (name === 'source') {
      this.scheduleValidation();
    }
  }

  handleSampleChange(event: CustomEvent<{ value: string }>): void {
    this.sampleUser = event.detail.value;
  }

  async handleTest(): Promise<void> {
    try {
      this.testOutcome = await testMapping({
        source: this.draft!.source,
        sampleUserJson: this.sampleUser,
      });
    } catch (error) {
      this.toastError(error);
    }
  }

  handleCancel(): void {
    this.closeEditor();
  }

  handleSave(): Promise<void> {
    return this.save(this.draft!);
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const [mappings, userFields] = await Promise.all([getMappings(), getUserFields()]);
      this.mappings = mappings;
      this.userFields = userFields;
      this.loadError = '';
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private async save(mapping: Mapping): Promise<void> {
    this.saving = true;
    try {
      const result = await saveMapping({ mapping });
      showToast(this, LABELS.savedTitle, result.message, 'success');
      this.mappings = this.upsertLocally({ ...mapping, developerName: result.developerName });
      this.closeEditor();
    } catch (error) {
      this.toastError(error);
    } finally {
      this.saving = false;
    }
  }

  /**
   * The deployment finishes after the call returns, so re-reading now would show the old record: show the saved
   * values instead until the admin reloads.
   */
  private upsertLocally(saved: Mapping): Mapping[] {
    const others = this.mappings.filter((mapping) => mapping.developerName !== saved.developerName);
    return [...others, saved].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  }

  private openEditor(mapping: Mapping): void {
    this.draft = mapping;
    this.check = undefined;
    this.testOutcome = undefined;
    if (mapping.source) {
      this.scheduleValidation();
    }
  }

  private closeEditor(): void {
    clearTimeout(this.validateTimer);
    this.draft = undefined;
    this.check = undefined;
    this.testOutcome = undefined;
  }

  private nextOrder(): number {
    return this.mappings.reduce((max, mapping) => Math.max(max, mapping.sortOrder ?? 0), 0) + 10;
  }

  private scheduleValidation(): void {
    clearTimeout(this.validateTimer);
    // debounce: parse once the admin pauses typing
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.validateTimer = setTimeout(() => {
      void this.validate();
    }, VALIDATE_DELAY_MS);
  }

  private async validate(): Promise<void> {
    const sequence = ++this.validateSequence;
    const source = this.draft?.source ?? '';
    try {
      const check = await validateExpression({ source });
      // A slower answer for an older keystroke must not overwrite the newer one.
      if (sequence === this.validateSequence && this.draft) {
        this.check = check;
        this.reportSourceValidity();
      }
    } catch (error) {
      this.toastError(error);
    }
  }

  private reportSourceValidity(): void {
    const input = this.template?.querySelector('[data-id="source"]') as
      (HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean }) | null;
    if (input) {
      input.setCustomValidity(this.check?.valid === false ? this.expressionMessage : '');
      input.reportValidity();
    }
  }

  private toastError(error: unknown): void {
    showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
  }
}
