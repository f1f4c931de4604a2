import { LightningElement, api } from 'lwc';
import { getUsers } from 'c/entraSyncAdminApi';
import {
  errorMessage,
  formatLabel,
  licenceKindName,
  type EmployeeChain,
  type UserPage,
  type UserRow,
} from 'c/entraSyncAdminUtils';
import LABELS from './labels';

/** How long the search box waits after the last keystroke before it asks the server. */
const SEARCH_DELAY_MS = 300;

/** The server's filters (EntraSyncUserAdminService.FILTERS) with what the admin reads. */
const FILTER_OPTIONS = [
  { label: LABELS.filterAll, value: 'all' },
  { label: LABELS.filterActive, value: 'active' },
  { label: LABELS.filterInactive, value: 'inactive' },
  { label: LABELS.filterFrozen, value: 'frozen' },
  { label: LABELS.filterFailing, value: 'failing' },
  { label: LABELS.filterInternal, value: 'internal' },
  { label: LABELS.filterExternal, value: 'external' },
  { label: LABELS.filterEmployee, value: 'employee' },
];

/** Licence kinds (EntraSyncRuleDecision.LICENCE_*) as the admin reads them. */
/** A user as a table row: the DTO plus the texts, titles, icons and classes of its cells. */
type UserTableRow = UserRow & {
  objectIdTitle: string;
  licenceText: string;
  stateText: string;
  stateIcon: string;
  stateClass: string;
  personAccountText: string;
  personAccountTitle: string;
  employeeText: string;
  lastChangeText: string;
  lastChangeTitle: string;
  lastChangeIcon: string;
  lastChangeClass: string;
};

/**
 * People by name and username (the Entra object id on hover); the short columns have fixed widths so no header is cut
 * ("Li…") at 1280 px, and the wrapping columns share the rest.
 */
const NAME_COLUMN = {
  label: LABELS.colName,
  fieldName: 'name',
  type: 'textWithTitle',
  wrapText: true,
  typeAttributes: { title: { fieldName: 'objectIdTitle' } },
};
const USERNAME_COLUMN = { label: LABELS.colUsername, fieldName: 'username', type: 'text', wrapText: true };
const LICENCE_COLUMN = {
  label: LABELS.colLicence,
  fieldName: 'licenceText',
  type: 'text',
  wrapText: true,
  initialWidth: 150,
};
const STATE_COLUMN = {
  label: LABELS.colStatus,
  fieldName: 'stateText',
  type: 'text',
  wrapText: true,
  initialWidth: 160,
  cellAttributes: {
    iconName: { fieldName: 'stateIcon' },
    class: { fieldName: 'stateClass' },
  },
};
const PERSON_ACCOUNT_COLUMN = {
  label: LABELS.colPersonAccount,
  fieldName: 'personAccountText',
  type: 'textWithTitle',
  wrapText: true,
  typeAttributes: { title: { fieldName: 'personAccountTitle' } },
};
const EMPLOYEE_COLUMN = { label: LABELS.colEmployee, fieldName: 'employeeText', type: 'text', wrapText: true };
const LAST_CHANGE_COLUMN = {
  label: LABELS.colLastChange,
  fieldName: 'lastChangeText',
  type: 'textWithTitle',
  wrapText: true,
  typeAttributes: { title: { fieldName: 'lastChangeTitle' } },
  cellAttributes: {
    iconName: { fieldName: 'lastChangeIcon' },
    class: { fieldName: 'lastChangeClass' },
  },
};

/** A date-time as the admin's locale writes it (e.g. "Nov 27, 2026, 09:00 AM"). */
function formatDateTime(iso: string | null | undefined): string {
  return iso
    ? new Date(iso).toLocaleString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '';
}

/** An Apex Date ("2026-11-02") as the admin's locale writes it, on the same day in every time zone. */
function formatDate(isoDate: string | null | undefined): string {
  return isoDate
    ? new Date(isoDate).toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      })
    : '';
}

/** "E-2001 · Active since Nov 2, 2026", or with the end date when the status has one. */
function employeeText(chain: EmployeeChain): string {
  const number = chain.employeeNumber ?? '';
  const status = chain.employeeStatus ?? '';
  if (chain.statusEndDate) {
    return formatLabel(
      LABELS.employeeUntil,
      number,
      status,
      formatDate(chain.statusStartDate),
      formatDate(chain.statusEndDate),
    );
  }
  return formatLabel(LABELS.employeeSince, number, status, formatDate(chain.statusStartDate));
}

function toRow(user: UserRow): UserTableRow {
  const states = [user.isActive ? LABELS.active : LABELS.inactive];
  if (user.isFrozen) {
    states.push(LABELS.frozen);
  }
  const isEmployee = user.licenceKind === 'UnifiedEmployee';
  const chain = user.employeeChain;
  const when = formatDateTime(user.lastChangeAt);
  let lastChangeText = LABELS.noChange;
  if (user.lastChangeAction && user.failing) {
    lastChangeText = formatLabel(LABELS.lastChangeFailed, user.lastChangeAction, user.lastChangeErrorCode, when);
  } else if (user.lastChangeAction) {
    lastChangeText = formatLabel(LABELS.lastChange, user.lastChangeAction, user.lastChangeStatus, when);
  }
  return {
    ...user,
    objectIdTitle: formatLabel(LABELS.entraObjectId, user.entraObjectId),
    licenceText: licenceKindName(user.licenceKind),
    stateText: states.join(' · '),
    stateIcon: user.isFrozen ? 'utility:lock' : user.isActive ? 'utility:success' : 'utility:ban',
    stateClass: user.isFrozen || !user.isActive ? 'slds-text-color_error' : 'slds-text-color_success',
    personAccountText: chain?.personAccountName ?? '',
    personAccountTitle: chain?.personAccountId ?? '',
    employeeText: chain ? employeeText(chain) : isEmployee ? LABELS.noEmployee : '',
    lastChangeText,
    lastChangeTitle: [user.lastChangeRunName, user.lastChangeErrorMessage].filter(Boolean).join(': '),
    lastChangeIcon: user.failing ? 'utility:error' : '',
    lastChangeClass: user.failing ? 'slds-text-color_error' : '',
  };
}

/**
 * The users the sync manages: searched (debounced) by name, username, email or Entra object id, filtered by state,
 * licence kind or failure, paged on the server. Each row shows the person by name and username, licence kind,
 * active / inactive / frozen state, a Unified Employee user's chain (Person Account, Employee2 number, status and
 * dates; the columns appear only where the org has the feature) and the latest change, failures marked.
 */
export default class EntraSyncUsersTable extends LightningElement {
  /** Rows per page. */
  @api pageSize = 25;

  readonly labels = LABELS;
  readonly filterOptions = FILTER_OPTIONS;

  rows: UserTableRow[] = [];
  totalCount = 0;
  pageNumber = 1;
  searchText = '';
  filter = 'all';
  employeeFeature = false;
  loading = true;
  loadError = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Only the answer to the latest request is shown (a slow earlier answer must not overwrite it). */
  private requestNumber = 0;

  override connectedCallback(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    this.cancelSearch();
  }

  /** Re-reads the current page (the app calls this after a run changes users). */
  @api
  refresh(): Promise<void> {
    return this.load();
  }

  get columns(): object[] {
    return this.employeeFeature
      ? [
          NAME_COLUMN,
          USERNAME_COLUMN,
          LICENCE_COLUMN,
          STATE_COLUMN,
          PERSON_ACCOUNT_COLUMN,
          EMPLOYEE_COLUMN,
          LAST_CHANGE_COLUMN,
        ]
      : [NAME_COLUMN, USERNAME_COLUMN, LICENCE_COLUMN, STATE_COLUMN, LAST_CHANGE_COLUMN];
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

  /** No user at all, or none that matches what the admin asked for. */
  get emptyMessage(): string {
    return this.searchText.trim() || this.filter !== 'all' ? LABELS.noMatch : LABELS.empty;
  }

  get previousDisabled(): boolean {
    return this.loading || this.pageNumber <= 1;
  }

  get nextDisabled(): boolean {
    return this.loading || this.pageNumber >= this.pageCount;
  }

  handleSearchChange(event: CustomEvent<{ value: string }>): void {
    this.searchText = event.detail.value ?? '';
    this.cancelSearch();
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      this.pageNumber = 1;
      void this.load();
    }, SEARCH_DELAY_MS);
  }

  handleFilterChange(event: CustomEvent<{ value: string }>): void {
    this.filter = event.detail.value;
    this.pageNumber = 1;
    this.cancelSearch();
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

  private cancelSearch(): void {
    if (this.searchTimer !== undefined) {
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
    }
  }

  private async load(): Promise<void> {
    const request = ++this.requestNumber;
    this.loading = true;
    try {
      const page: UserPage = await getUsers({
        search: this.searchText.trim(),
        filter: this.filter,
        pageSize: this.pageSize,
        pageNumber: this.pageNumber,
      });
      if (request !== this.requestNumber) {
        return;
      }
      this.rows = page.users.map(toRow);
      this.totalCount = page.totalCount;
      this.pageNumber = page.pageNumber;
      this.employeeFeature = page.employeeFeature === true;
      this.loadError = '';
    } catch (error) {
      if (request === this.requestNumber) {
        this.loadError = errorMessage(error);
      }
    } finally {
      if (request === this.requestNumber) {
        this.loading = false;
      }
    }
  }
}
