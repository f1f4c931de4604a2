import { LightningElement } from 'lwc';
import { getRules, getRuleOptions, saveRule, whichRuleWins, whichRuleWinsForUser } from 'c/entraSyncAdminApi';
import {
  errorMessage,
  formatLabel,
  showToast,
  type Option,
  type Rule,
  type RuleMatch,
  type RuleOptions,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

const ALL_USERS = '*';

const COLUMNS = [
  // Groups by name (the Entra object id on hover). Short columns have fixed widths and long values wrap; the
  // wrap/clip header menu is hidden so it does not take the header's room.
  {
    label: LABELS.colGroupName,
    fieldName: 'groupLabel',
    type: 'textWithTitle',
    wrapText: true,
    hideDefaultActions: true,
    typeAttributes: { title: { fieldName: 'groupTitle' } },
  },
  { label: LABELS.colName, fieldName: 'label', type: 'text', wrapText: true, hideDefaultActions: true },
  { label: LABELS.colPriority, fieldName: 'priority', type: 'number', initialWidth: 165, hideDefaultActions: true },
  { label: LABELS.colLicence, fieldName: 'licenceKind', type: 'text', initialWidth: 115, hideDefaultActions: true },
  { label: LABELS.colProfile, fieldName: 'profile', type: 'text', wrapText: true, hideDefaultActions: true },
  { label: LABELS.colRole, fieldName: 'role', type: 'text', wrapText: true, hideDefaultActions: true },
  {
    label: LABELS.colPermissionSets,
    fieldName: 'permissionSets',
    type: 'text',
    wrapText: true,
    hideDefaultActions: true,
    initialWidth: 160,
  },
  {
    label: LABELS.colAccount,
    fieldName: 'account',
    type: 'text',
    wrapText: true,
    hideDefaultActions: true,
    initialWidth: 190,
  },
  { label: LABELS.colActive, fieldName: 'active', type: 'boolean', initialWidth: 85, hideDefaultActions: true },
  {
    type: 'action',
    typeAttributes: {
      rowActions: (row: Rule, done: (actions: { label: string; name: string }[]) => void) =>
        done([
          { label: LABELS.edit, name: 'edit' },
          { label: row.active ? LABELS.deactivate : LABELS.activate, name: 'toggle' },
        ]),
    },
  },
];

/** A rule as a table row: the group shown by name, its id on hover. */
type RuleRow = Rule & { groupLabel: string; groupTitle: string };

/**
 * Provisioning rules editor: Entra group → licence kind, profile, role, permission sets and Account, with pickers fed
 * from the org, and a "which rule wins" check for a user's groups (highest priority decides profile, licence and
 * role; permission sets are the union of all matching rules).
 */
export default class EntraSyncRulesEditor extends LightningElement {
  readonly labels = LABELS;
  readonly columns = COLUMNS;

  rules: Rule[] = [];
  options: RuleOptions = { profiles: [], roles: [], permissionSets: [], accounts: [] };
  draft: Rule | undefined;
  memberOf: string[] = [];
  otherGroupIds = '';
  userKey = '';
  match: RuleMatch | undefined;
  loading = true;
  saving = false;
  loadError = '';

  override connectedCallback(): void {
    void this.load();
  }

  get rows(): RuleRow[] {
    return this.rules.map((rule) => ({
      ...rule,
      groupLabel: this.groupName(rule),
      groupTitle: rule.groupId === ALL_USERS ? '' : rule.groupId,
    }));
  }

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.rules.length === 0;
  }

  get licenceOptions(): Option[] {
    return [
      { label: LABELS.licenceInternal, value: 'Internal' },
      { label: LABELS.licenceExternal, value: 'External' },
    ];
  }

  get roleOptions(): Option[] {
    return [{ label: LABELS.noRole, value: '' }, ...this.options.roles];
  }

  get isExternal(): boolean {
    return this.draft?.licenceKind === 'External';
  }

  get draftPermissionSets(): string[] {
    return splitNames(this.draft?.permissionSets);
  }

  get editorTitle(): string {
    return this.draft?.developerName ? formatLabel(LABELS.editorEdit, this.draft.developerName) : LABELS.editorNew;
  }

  get saveDisabled(): boolean {
    return this.saving || !this.draft?.groupId || !this.draft?.profile || !this.draft?.licenceKind;
  }

  /** Groups named in rules, for the "which rule wins" check. */
  get groupOptions(): Option[] {
    const seen = new Set<string>();
    const groups: Option[] = [];
    for (const rule of this.rules) {
      if (rule.groupId !== ALL_USERS && !seen.has(rule.groupId)) {
        seen.add(rule.groupId);
        groups.push({ label: this.groupName(rule), value: rule.groupId });
      }
    }
    return groups;
  }

  get matchText(): string {
    const winner = this.match?.winner;
    if (!this.match) {
      return '';
    }
    if (!winner) {
      return LABELS.outOfScope;
    }
    return formatLabel(
      LABELS.winnerResult,
      winner.label ?? winner.developerName,
      winner.licenceKind,
      winner.profile,
      winner.role || LABELS.none,
    );
  }

  get matchUserText(): string {
    if (!this.match?.entraObjectId) {
      return '';
    }
    return formatLabel(LABELS.winnerUserGroups, this.match.entraObjectId, this.match.groupIds?.length ?? 0);
  }

  get matchPermissionSets(): string {
    if (!this.match?.winner) {
      return '';
    }
    return formatLabel(
      LABELS.winnerPermissionSets,
      this.match.matching.length,
      this.match.permissionSets.length ? this.match.permissionSets.join(', ') : LABELS.none,
    );
  }

  /** Loads again after a load error (the card state's Retry). */
  handleRetry(): void {
    void this.load();
  }

  handleAdd(): void {
    this.draft = {
      groupId: '',
      groupName: '',
      priority: 100,
      licenceKind: 'Internal',
      profile: '',
      role: '',
      permissionSets: '',
      account: '',
      active: true,
    };
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: RuleRow }>): void {
    const { action, row } = event.detail;
    const rule: Rule = this.rules.find((existing) => existing.developerName === row.developerName) ?? row;
    if (action.name === 'edit') {
      this.draft = { ...rule };
      return;
    }
    void this.save({ ...rule, active: !rule.active });
  }

  handleFieldChange(event: CustomEvent<{ value?: string | string[]; checked?: boolean }>): void {
    const name = (event.target as HTMLElement & { name: string }).name;
    const { value, checked } = event.detail;
    const draft = { ...this.draft! } as Record<string, unknown>;
    if (name === 'active') {
      draft.active = Boolean(checked);
    } else if (name === 'priority') {
      draft.priority = value === '' || value === undefined ? null : Number(value);
    } else if (name === 'permissionSets') {
      draft.permissionSets = ((value as string[] | undefined) ?? []).join(',');
    } else {
      draft[name] = value;
    }
    this.draft = draft as unknown as Rule;
  }

  handleCancel(): void {
    this.draft = undefined;
  }

  handleSave(): Promise<void> {
    return this.save(this.draft!);
  }

  handleMemberOfChange(event: CustomEvent<{ value: string[] }>): void {
    this.memberOf = event.detail.value;
  }

  handleOtherGroupsChange(event: CustomEvent<{ value: string }>): void {
    this.otherGroupIds = event.detail.value;
  }

  handleUserKeyChange(event: CustomEvent<{ value: string }>): void {
    this.userKey = event.detail.value;
  }

  /** Asks the server which rule wins for a synced user, and ticks the groups the sync knows for them. */
  async handleCheckUser(): Promise<void> {
    try {
      const match = await whichRuleWinsForUser({ userKey: this.userKey });
      this.match = match;
      this.memberOf = match.groupIds ?? [];
    } catch (error) {
      this.match = undefined;
      this.toastError(error);
    }
  }

  async handleCheckWinner(): Promise<void> {
    const groupIds = [...this.memberOf, ...splitNames(this.otherGroupIds)];
    try {
      this.match = await whichRuleWins({ groupIds });
    } catch (error) {
      this.toastError(error);
    }
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const [rules, options] = await Promise.all([getRules(), getRuleOptions()]);
      this.rules = rules;
      this.options = options;
      this.loadError = '';
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private async save(rule: Rule): Promise<void> {
    this.saving = true;
    try {
      const result = await saveRule({ rule });
      showToast(this, LABELS.savedTitle, result.message, 'success');
      const saved = { ...rule, developerName: result.developerName };
      // The deployment completes after this call returns: show the saved values until the admin reloads.
      this.rules = [...this.rules.filter((existing) => existing.developerName !== saved.developerName), saved].sort(
        (a, b) => (b.priority ?? 0) - (a.priority ?? 0),
      );
      this.draft = undefined;
    } catch (error) {
      this.toastError(error);
    } finally {
      this.saving = false;
    }
  }

  /** The group as the table shows it: its name alone, or its id when the rule stores no name. */
  private groupName(rule: Rule): string {
    if (rule.groupId === ALL_USERS) {
      return LABELS.allUsers;
    }
    return rule.groupName || rule.groupId;
  }

  private toastError(error: unknown): void {
    showToast(this, LABELS.errorTitle, errorMessage(error), 'error');
  }
}

function splitNames(commaSeparated: string | undefined): string[] {
  return (commaSeparated ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}
