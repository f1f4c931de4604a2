/**
 * Shapes of the DTOs EntraSyncAdminController returns (inner classes of EntraSyncAdminDto). Dates arrive as ISO
 * strings; Apex Integer nulls arrive as null or are left out.
 *
 * `npm run build` checks these interfaces against force-app/main/admin/classes/EntraSyncAdminDto.cls
 * (scripts/generators/adminDtoTypes.ts): one interface per inner class, one property per @AuraEnabled member, same
 * names, mapped types. Only `?` and `| null` are this file's own say.
 */

export interface RunSummary {
  id: string;
  name: string;
  status: string;
  triggerType?: string;
  mode?: string;
  isDryRun: boolean;
  isActive: boolean;
  startedAt?: string;
  finishedAt?: string;
  durationSeconds?: number | null;
  fetched?: number | null;
  created?: number | null;
  updated?: number | null;
  deactivated?: number | null;
  frozen?: number | null;
  reactivated?: number | null;
  adopted?: number | null;
  unchanged?: number | null;
  skipped?: number | null;
  failed?: number | null;
  pendingDeactivations?: number | null;
  approvalReason?: string;
  errorCode?: string;
  errorMessage?: string;
  /** One line per stable code (`ENTRASYNC_…: what happened … what to do`); Apex always sends it, empty when none. */
  notices: string[];
}

export interface Status {
  namedCredential: string;
  connectionConfigured: boolean;
  scheduleEnabled: boolean;
  scheduleIntervalHours?: number;
  scheduleIntervalMinutes?: number;
  nextScheduledRunAt?: string;
  lastFullSyncAt?: string | null;
  reconcileIntervalDays?: number;
  nextReconcileAt?: string | null;
  lastRun?: RunSummary | null;
  awaitingApproval?: RunSummary | null;
  activeRunId?: string | null;
}

export interface ConnectionResult {
  reachable: boolean;
  tenantName?: string;
  tenantId?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface RunPage {
  runs: RunSummary[];
  totalCount: number;
  pageNumber: number;
  pageSize: number;
  hasActiveRun: boolean;
}

export interface RunTrend {
  runs: RunSummary[];
  days?: number | null;
  maxRuns?: number | null;
}

export interface FieldChange {
  field: string;
  before?: string | null;
  after?: string | null;
}

export interface Change {
  id: string;
  name: string;
  action: string;
  status: string;
  userPrincipalName?: string;
  displayName?: string;
  entraObjectId?: string;
  userId?: string;
  salesforceName?: string;
  salesforceUsername?: string;
  errorCode?: string;
  errorMessage?: string;
  attempts?: number | null;
  nextRetryAt?: string;
  changeSummary?: string;
  fieldChanges: FieldChange[];
  licenceKind?: string | null;
  employeeChain?: EmployeeChain | null;
}

export interface EmployeeChain {
  personAccountId?: string | null;
  personAccountName?: string | null;
  employeeId?: string | null;
  employeeNumber?: string | null;
  employeeStatus?: string | null;
  statusStartDate?: string | null;
  statusEndDate?: string | null;
}

export interface RunDetail {
  run: RunSummary;
  changes: Change[];
  failedCount: number;
  truncated: boolean;
}

export interface PreviewGroup {
  action: string;
  count: number;
  changes: Change[];
}

export interface Preview {
  run?: RunSummary | null;
  groups: PreviewGroup[];
}

export interface LicenceSeats {
  licence: string;
  needed: number;
  reactivations?: number;
  free: number;
  total: number;
  used: number;
  withheld: number;
}

export interface Seats {
  run?: RunSummary | null;
  licences: LicenceSeats[];
}

export interface UserRow {
  id: string;
  name: string;
  username: string;
  email?: string | null;
  profileName?: string | null;
  licenceKind: string;
  isActive: boolean;
  isFrozen: boolean;
  entraObjectId: string;
  lastChangeAction?: string | null;
  lastChangeStatus?: string | null;
  lastChangeAt?: string | null;
  lastChangeErrorCode?: string | null;
  lastChangeErrorMessage?: string | null;
  lastChangeRunName?: string | null;
  failing: boolean;
  employeeChain?: EmployeeChain | null;
}

export interface UserPage {
  users: UserRow[];
  totalCount: number;
  pageNumber: number;
  pageSize: number;
  search?: string | null;
  filter?: string | null;
  employeeFeature: boolean;
}

export interface Option {
  label: string;
  value: string;
}

export interface Mapping {
  developerName?: string;
  label?: string;
  source: string;
  targetField: string;
  applyOn: string;
  defaultValue?: string;
  active: boolean;
  sortOrder?: number | null;
}

export interface ExpressionCheck {
  valid: boolean;
  column?: number;
  errorCode?: string;
  message?: string;
}

export interface MappingTest {
  ok: boolean;
  value?: string | null;
  errorCode?: string;
  errorMessage?: string;
}

export interface SaveResult {
  jobId: string;
  developerName: string;
  message: string;
}

export interface Rule {
  developerName?: string;
  label?: string;
  groupId: string;
  groupName?: string;
  priority?: number | null;
  licenceKind: string;
  profile: string;
  role?: string;
  permissionSets?: string;
  account?: string;
  personRecordType?: string | null;
  active: boolean;
}

export interface RuleOptions {
  profiles: Option[];
  roles: Option[];
  permissionSets: Option[];
  accounts: Option[];
  personRecordTypes?: Option[];
}

export interface RuleMatch {
  winner?: Rule | null;
  matching: Rule[];
  permissionSets: string[];
  inScope: boolean;
  entraObjectId?: string | null;
  groupIds?: string[];
}
