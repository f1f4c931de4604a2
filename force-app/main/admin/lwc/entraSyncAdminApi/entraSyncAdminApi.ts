/**
 * The admin screens' only door to Apex: every `@AuraEnabled` method of EntraSyncAdminController imported once and
 * wrapped with its parameters and the DTO it returns (see entraSyncAdminUtils/dto.ts, checked against
 * EntraSyncAdminDto.cls by `npm run build`). Components import these functions, never `@salesforce/apex/…`.
 * The screens call Apex imperatively; a future `@wire` would import the raw adapter, which TypeScript types as
 * `unknown` data.
 */
import apexGetStatus from '@salesforce/apex/EntraSyncAdminController.getStatus';
import apexTestConnection from '@salesforce/apex/EntraSyncAdminController.testConnection';
import apexStartRun from '@salesforce/apex/EntraSyncAdminController.startRun';
import apexStartReconcile from '@salesforce/apex/EntraSyncAdminController.startReconcile';
import apexSetScheduleEnabled from '@salesforce/apex/EntraSyncAdminController.setScheduleEnabled';
import apexApproveRun from '@salesforce/apex/EntraSyncAdminController.approveRun';
import apexRejectRun from '@salesforce/apex/EntraSyncAdminController.rejectRun';
import apexGetRuns from '@salesforce/apex/EntraSyncAdminController.getRuns';
import apexGetRunDetail from '@salesforce/apex/EntraSyncAdminController.getRunDetail';
import apexGetRunTrend from '@salesforce/apex/EntraSyncAdminController.getRunTrend';
import apexGetUsers from '@salesforce/apex/EntraSyncAdminController.getUsers';
import apexRetryFailed from '@salesforce/apex/EntraSyncAdminController.retryFailed';
import apexUndoRun from '@salesforce/apex/EntraSyncAdminController.undoRun';
import apexGetSeats from '@salesforce/apex/EntraSyncAdminController.getSeats';
import apexPreviewUser from '@salesforce/apex/EntraSyncAdminController.previewUser';
import apexSyncUser from '@salesforce/apex/EntraSyncAdminController.syncUser';
import apexSetScheduleInterval from '@salesforce/apex/EntraSyncAdminController.setScheduleInterval';
import apexGetPreview from '@salesforce/apex/EntraSyncAdminController.getPreview';
import apexGetMappings from '@salesforce/apex/EntraSyncAdminController.getMappings';
import apexGetUserFields from '@salesforce/apex/EntraSyncAdminController.getUserFields';
import apexValidateExpression from '@salesforce/apex/EntraSyncAdminController.validateExpression';
import apexTestMapping from '@salesforce/apex/EntraSyncAdminController.testMapping';
import apexSaveMapping from '@salesforce/apex/EntraSyncAdminController.saveMapping';
import apexGetRules from '@salesforce/apex/EntraSyncAdminController.getRules';
import apexGetRuleOptions from '@salesforce/apex/EntraSyncAdminController.getRuleOptions';
import apexWhichRuleWins from '@salesforce/apex/EntraSyncAdminController.whichRuleWins';
import apexWhichRuleWinsForUser from '@salesforce/apex/EntraSyncAdminController.whichRuleWinsForUser';
import apexSaveRule from '@salesforce/apex/EntraSyncAdminController.saveRule';
import type {
  ConnectionResult,
  ExpressionCheck,
  Mapping,
  MappingTest,
  Option,
  Preview,
  Rule,
  RuleMatch,
  RuleOptions,
  RunDetail,
  RunPage,
  RunSummary,
  RunTrend,
  SaveResult,
  Seats,
  Status,
  UserPage,
} from 'c/entraSyncAdminUtils';

/** An Apex `Id` as LWC sends and receives it. */
type Id = string;

// ---- Status and control ----

/** Connection, schedule, latest run, run awaiting approval and active run. */
export function getStatus(): Promise<Status> {
  return apexGetStatus() as Promise<Status>;
}

/** Calls Graph through the Named Credential: the tenant's name, or the exact error. */
export function testConnection(): Promise<ConnectionResult> {
  return apexTestConnection() as Promise<ConnectionResult>;
}

/** Queues a run (or a dry run); resolves with the new run's id. */
export function startRun(params: { dryRun: boolean }): Promise<Id> {
  return apexStartRun(params) as Promise<Id>;
}

/** Queues a full reconciliation (every user and membership read afresh); resolves with the new run's id. */
export function startReconcile(): Promise<Id> {
  return apexStartReconcile() as Promise<Id>;
}

/** Turns the schedule on or off; resolves with the new status. */
export function setScheduleEnabled(params: { enabled: boolean }): Promise<Status> {
  return apexSetScheduleEnabled(params) as Promise<Status>;
}

/** Applies a run held by the deactivation guard. */
export function approveRun(params: { runId: Id }): Promise<RunSummary> {
  return apexApproveRun(params) as Promise<RunSummary>;
}

/** Discards a run held by the deactivation guard. */
export function rejectRun(params: { runId: Id }): Promise<RunSummary> {
  return apexRejectRun(params) as Promise<RunSummary>;
}

// ---- Runs ----

/** One sorted page of runs. */
export function getRuns(params: {
  pageSize: number;
  pageNumber: number;
  sortedBy: string;
  sortDirection: 'asc' | 'desc';
}): Promise<RunPage> {
  return apexGetRuns(params) as Promise<RunPage>;
}

/** A run with its changes, filtered by Action__c and Status__c (blank for all). */
export function getRunDetail(params: { runId: Id; action: string; status: string }): Promise<RunDetail> {
  return apexGetRunDetail(params) as Promise<RunDetail>;
}

/** The runs of the last 30 days (at most 50, oldest first) for the trend chart. */
export function getRunTrend(): Promise<RunTrend> {
  return apexGetRunTrend() as Promise<RunTrend>;
}

/**
 * One page of the users the sync manages, ordered by name: `search` is found in the name, username, email or Entra
 * object id (blank for all); `filter` is all, active, inactive, frozen, failing, internal, external or employee.
 */
export function getUsers(params: {
  search: string;
  filter: string;
  pageSize: number;
  pageNumber: number;
}): Promise<UserPage> {
  return apexGetUsers(params) as Promise<UserPage>;
}

/** Queues a run's failed changes for another attempt; resolves with the run's id. */
export function retryFailed(params: { runId: Id }): Promise<Id> {
  return apexRetryFailed(params) as Promise<Id>;
}

/** Per licence, the seats a run's creates need against the seats free (`runId` null for the latest dry run). */
export function getSeats(params: { runId: Id | null }): Promise<Seats> {
  return apexGetSeats(params) as Promise<Seats>;
}

/** Sets how often the scheduled sync runs (15, 20, 30 minutes or whole hours up to 1440); returns the new status. */
export function setScheduleInterval(params: { minutes: number }): Promise<Status> {
  return apexSetScheduleInterval(params) as Promise<Status>;
}

/** Sync one user now, preview: an OnDemand dry run for one user (read its plan with getPreview); returns its id. */
export function previewUser(params: { userKey: string }): Promise<Id> {
  return apexPreviewUser(params) as Promise<Id>;
}

/** Sync one user now: an OnDemand run that applies what the preview showed; returns its id. */
export function syncUser(params: { userKey: string }): Promise<Id> {
  return apexSyncUser(params) as Promise<Id>;
}

/** Undoes a completed run as a new run (trigger Undo); returns the undo run's id. */
export function undoRun(params: { runId: Id }): Promise<Id> {
  return apexUndoRun(params) as Promise<Id>;
}

/** A dry run's plan grouped by action (`runId` null for the latest dry run). */
export function getPreview(params: { runId: Id | null }): Promise<Preview> {
  return apexGetPreview(params) as Promise<Preview>;
}

// ---- Field mappings ----

export function getMappings(): Promise<Mapping[]> {
  return apexGetMappings() as Promise<Mapping[]>;
}

/** The User fields a mapping may target. */
export function getUserFields(): Promise<Option[]> {
  return apexGetUserFields() as Promise<Option[]>;
}

/** Whether a mapping source parses, and where it does not. */
export function validateExpression(params: { source: string }): Promise<ExpressionCheck> {
  return apexValidateExpression(params) as Promise<ExpressionCheck>;
}

/** The value a mapping source produces for a sample Graph user (JSON). */
export function testMapping(params: { source: string; sampleUserJson: string }): Promise<MappingTest> {
  return apexTestMapping(params) as Promise<MappingTest>;
}

/** Queues the custom-metadata deployment of a mapping. */
export function saveMapping(params: { mapping: Mapping }): Promise<SaveResult> {
  return apexSaveMapping(params) as Promise<SaveResult>;
}

// ---- Provisioning rules ----

export function getRules(): Promise<Rule[]> {
  return apexGetRules() as Promise<Rule[]>;
}

/** What the rule pickers offer. */
export function getRuleOptions(): Promise<RuleOptions> {
  return apexGetRuleOptions() as Promise<RuleOptions>;
}

/** Which rule wins for a user in the given Entra groups. */
export function whichRuleWins(params: { groupIds: string[] }): Promise<RuleMatch> {
  return apexWhichRuleWins(params) as Promise<RuleMatch>;
}

/** Which rule wins for a user found by object id, UPN, username, email or federation id. */
export function whichRuleWinsForUser(params: { userKey: string }): Promise<RuleMatch> {
  return apexWhichRuleWinsForUser(params) as Promise<RuleMatch>;
}

/** Queues the custom-metadata deployment of a rule. */
export function saveRule(params: { rule: Rule }): Promise<SaveResult> {
  return apexSaveRule(params) as Promise<SaveResult>;
}
