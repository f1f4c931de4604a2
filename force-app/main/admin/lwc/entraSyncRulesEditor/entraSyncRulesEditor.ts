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
/** EntraSyncProvisioningRule__mdt.LicenceKind__c values. */
const INTERNAL = 'Internal';
const EXTERNAL = 'External';
const UNIFIED_EMPLOYEE = 'UnifiedEmployee';
/** The error code of a Unified Employee rule the org cannot serve (EntraSyncErrorCodes.UEL_UNAVAILABLE). */
const UEL_UNAVAILABLE = 'ENTRASYNC_UEL_UNAVAILABLE';

/** A licence kind as the table and the winner check name it. */
const KIND_NAMES: Record<string, string> = {
  [INTERNAL]: LABELS.kindInternal,
  [EXTERNAL]: LABELS.kindExternal,
  [UNIFIED_EMPLOYEE]: LABELS.kindUnifiedEmployee,
};

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
  {
    label: LABELS.colLicence,
    fieldName: 'licenceKindLabel',
    type: 'text',
    wrapText: true,
    initialWidth: 125,
    hideDefaultActions: true,
  },
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

/** A rule as a table row: the group shown by name, its id on hover; the licence kind by name. */
type RuleRow = Rule & { groupLabel: string; groupTitle: string; licenceKindLabel: string };

/**
 * Provisioning rules editor: Entra group → licence kind, profile, role, permission sets and Account, with pickers fed
 * from the org, and a "which rule wins" check for a user's groups (highest priority decides profile, licence and
 * role; permission sets are the union of all matching rules).
 */
export default class EntraSyncRulesEditor extends LightningElement {
  readonly labels = LABELS;
  readonly columns = COLUMNS;

  rules: Rule[] = [];
  options: RuleOptions = { profiles: [], roles: [], permissionSets: [], accounts: [], personRecordTypes: [] };
  /** The message of a save the org refused because it cannot serve Unified Employee users. */
  uelUnavailable = '';
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
      licenceKindLabel: kindName(rule.licenceKind),
    }));
  }

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.rules.length === 0;
  }

  get licenceOptions(): Option[] {
    return [
      { label: LABELS.licenceInternal, value: INTERNAL },
      { label: LABELS.licenceExternal, value: EXTERNAL },
      { label: LABELS.licenceUnifiedEmployee, value: UNIFIED_EMPLOYEE },
    ];
  }

  get isUnifiedEmployee(): boolean {
    return this.draft?.licenceKind === UNIFIED_EMPLOYEE;
  }

  /** Profiles; a Unified Employee rule may leave it blank for the Unified Employee profile. */
  get profileOptions(): Option[] {
    return this.isUnifiedEmployee
      ? [{ label: LABELS.employeeProfileDefault, value: '' }, ...this.options.profiles]
      : this.options.profiles;
  }

  get profileRequired(): boolean {
    return !this.isUnifiedEmployee;
  }

  get personRecordTypeOptions(): Option[] {
    return [{ label: LABELS.defaultRecordType, value: '' }, ...(this.options.personRecordTypes ?? [])];
  }

  get roleOptions(): Option[] {
    return [{ label: LABELS.noRole, value: '' }, ...this.options.roles];
  }

  get isExternal(): boolean {
    return this.draft?.licenceKind === EXTERNAL;
  }

  get draftPermissionSets(): string[] {
    return splitNames(this.draft?.permissionSets);
  }

  get editorTitle(): string {
    return this.draft?.developerName ? formatLabel(LABELS.editorEdit, this.draft.developerName) : LABELS.editorNew;
  }

  get saveDisabled(): boolean {
    const profileMissing = !this.draft?.profile && !this.isUnifiedEmployee;
    return this.saving || !this.draft?.groupId || profileMissing || !this.draft?.licenceKind;
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
      kindName(winner.licenceKind),
      winner.profile || (winner.licenceKind === UNIFIED_EMPLOYEE ? LABELS.kindUnifiedEmployee : LABELS.none),
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
    this.uelUnavailable = '';
    this.draft = {
      groupId: '',
      groupName: '',
      priority: 100,
      licenceKind: 'Internal',
      profile: '',
      role: '',
      permissionSets: '',
      account: '',
      personRecordType: '',
      active: true,
    };
  }

  handleRowAction(event: CustomEvent<{ action: { name: string }; row: RuleRow }>): void {
    const { action, row } = event.detail;
    const rule: Rule = this.rules.find((existing) => existing.developerName === row.developerName) ?? row;
    if (action.name === 'edit') {
      this.uelUnavailable = '';
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
    this.uelUnavailable = '';
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
      this.uelUnavailable = '';
    } catch (error) {
      const message = errorMessage(error);
      // The org lacks what Unified Employee users need: say so beside the form, which stays open to change the kind.
      this.uelUnavailable = message.includes(UEL_UNAVAILABLE) ? message : '';
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

/** A licence kind's readable name; an unknown value as it is. */
function kindName(kind: string | undefined): string {
  return (kind && KIND_NAMES[kind]) || kind || '';
}

function splitNames(commaSeparated: string | undefined): string[] {
  return (commaSeparated ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}
