// Custom labels of the status panel; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Status_Title'; // Entra User Sync
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import RUN_NOW from '@salesforce/label/c.EntraSync_Status_RunNow'; // Run now
import DRY_RUN from '@salesforce/label/c.EntraSync_Status_DryRun'; // Dry run
import RUN_STARTED from '@salesforce/label/c.EntraSync_Status_RunStarted'; // Run started
import RECONCILE from '@salesforce/label/c.EntraSync_Status_Reconcile'; // Reconcile now
import RECONCILE_CONFIRM_TITLE from '@salesforce/label/c.EntraSync_Status_ReconcileConfirmTitle'; // Start a full reconciliation?
import RECONCILE_CONFIRM from '@salesforce/label/c.EntraSync_Status_ReconcileConfirm'; // A full reconciliation reads every user and every rule group's members from Entra afresh (new group tokens), puts back mapped fields that were edited by hand in Salesforce, and deactivates or freezes linked users who are no longer in scope. Removals above the guard's limits are held for approval, and removals you rejected before are asked again. It takes longer than an ordinary run.
import RECONCILE_STARTED from '@salesforce/label/c.EntraSync_Status_ReconcileStarted'; // Reconciliation started: every user and group membership is read again.
import LAST_RECONCILE from '@salesforce/label/c.EntraSync_Status_LastReconcile'; // Last full reconcile
import NEXT_RECONCILE from '@salesforce/label/c.EntraSync_Status_NextReconcile'; // Next automatic reconcile
import RECONCILE_NEVER from '@salesforce/label/c.EntraSync_Status_ReconcileNever'; // Not yet
import RECONCILE_AT_NEXT_RUN from '@salesforce/label/c.EntraSync_Status_ReconcileAtNextRun'; // At the next scheduled run
import RECONCILE_OFF from '@salesforce/label/c.EntraSync_Status_ReconcileOff'; // Off (Reconcile Interval Days is 0)
import DRY_RUN_STARTED from '@salesforce/label/c.EntraSync_Status_DryRunStarted'; // Dry run started: nothing is applied; open Preview when it finishes.
import RUN_IN_PROGRESS from '@salesforce/label/c.EntraSync_Status_RunInProgress'; // A run is in progress; Run now and Dry run are available again when it finishes.
import CONNECTION from '@salesforce/label/c.EntraSync_Status_Connection'; // Connection
import NAMED_CREDENTIAL from '@salesforce/label/c.EntraSync_Status_NamedCredential'; // Named Credential
import CONFIGURED from '@salesforce/label/c.EntraSync_Status_Configured'; // Configured
import NOT_CONFIGURED from '@salesforce/label/c.EntraSync_Status_NotConfigured'; // Not configured: create the Named Credential {0} in Setup and grant its principal in the EntraSyncAdmin permission set.
import TEST_CONNECTION from '@salesforce/label/c.EntraSync_Status_TestConnection'; // Test connection
import CONNECTED_TO from '@salesforce/label/c.EntraSync_Status_ConnectedTo'; // Connected to {0}
import CONNECTION_FAILED from '@salesforce/label/c.EntraSync_Status_ConnectionFailed'; // Connection failed
import SCHEDULE from '@salesforce/label/c.EntraSync_Status_Schedule'; // Schedule
import SCHEDULE_TOGGLE from '@salesforce/label/c.EntraSync_Status_ScheduleToggle'; // Scheduled sync
import SCHEDULE_ON from '@salesforce/label/c.EntraSync_Status_ScheduleOn'; // On
import SCHEDULE_OFF from '@salesforce/label/c.EntraSync_Status_ScheduleOff'; // Off
import SCHEDULE_INTERVAL from '@salesforce/label/c.EntraSync_Status_ScheduleInterval'; // Every {0} hours
import SCHEDULE_INTERVAL_MINUTES from '@salesforce/label/c.EntraSync_Interval_Minutes'; // Every {0} minutes
import SCHEDULE_INTERVAL_HOUR from '@salesforce/label/c.EntraSync_Interval_Hour'; // Every hour
import NEXT_RUN from '@salesforce/label/c.EntraSync_Status_NextRun'; // Next run
import SCHEDULE_SAVED from '@salesforce/label/c.EntraSync_Status_ScheduleSaved'; // Schedule updated
import LAST_RUN from '@salesforce/label/c.EntraSync_Status_LastRun'; // Last run
import NO_RUNS from '@salesforce/label/c.EntraSync_Status_NoRuns'; // No run yet. Test the connection, then start a dry run.
import LAST_RUN_COUNTS from '@salesforce/label/c.EntraSync_Status_LastRunCounts'; // {0} created · {1} updated · {2} deactivated · {3} failed
import DURATION from '@salesforce/label/c.EntraSync_Common_Duration'; // Duration
import STARTED from '@salesforce/label/c.EntraSync_Common_Started'; // Started
import APPROVAL_TITLE from '@salesforce/label/c.EntraSync_Status_ApprovalTitle'; // Run {0} awaits approval
import APPROVAL_DETAIL from '@salesforce/label/c.EntraSync_Status_ApprovalDetail'; // {0} users would be deactivated or frozen. {1}
import APPROVE from '@salesforce/label/c.EntraSync_Status_Approve'; // Approve
import REJECT from '@salesforce/label/c.EntraSync_Status_Reject'; // Reject
import APPROVED from '@salesforce/label/c.EntraSync_Status_Approved'; // Run approved: the held changes are being applied.
import REJECTED from '@salesforce/label/c.EntraSync_Status_Rejected'; // Run rejected: nothing was applied.
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SUCCESS_TITLE from '@salesforce/label/c.EntraSync_Common_SuccessTitle'; // Done

import NO_CHANGES from '@salesforce/label/c.EntraSync_Counts_None'; // No changes
export default {
  noChanges: NO_CHANGES,
  title: TITLE,
  loading: LOADING,
  refresh: REFRESH,
  runNow: RUN_NOW,
  dryRun: DRY_RUN,
  runStarted: RUN_STARTED,
  dryRunStarted: DRY_RUN_STARTED,
  reconcile: RECONCILE,
  reconcileConfirmTitle: RECONCILE_CONFIRM_TITLE,
  reconcileConfirm: RECONCILE_CONFIRM,
  reconcileStarted: RECONCILE_STARTED,
  lastReconcile: LAST_RECONCILE,
  nextReconcile: NEXT_RECONCILE,
  reconcileNever: RECONCILE_NEVER,
  reconcileAtNextRun: RECONCILE_AT_NEXT_RUN,
  reconcileOff: RECONCILE_OFF,
  runInProgress: RUN_IN_PROGRESS,
  connection: CONNECTION,
  namedCredential: NAMED_CREDENTIAL,
  configured: CONFIGURED,
  notConfigured: NOT_CONFIGURED,
  testConnection: TEST_CONNECTION,
  connectedTo: CONNECTED_TO,
  connectionFailed: CONNECTION_FAILED,
  schedule: SCHEDULE,
  scheduleToggle: SCHEDULE_TOGGLE,
  scheduleOn: SCHEDULE_ON,
  scheduleOff: SCHEDULE_OFF,
  scheduleInterval: SCHEDULE_INTERVAL,
  scheduleIntervalMinutes: SCHEDULE_INTERVAL_MINUTES,
  scheduleIntervalHour: SCHEDULE_INTERVAL_HOUR,
  nextRun: NEXT_RUN,
  scheduleSaved: SCHEDULE_SAVED,
  lastRun: LAST_RUN,
  noRuns: NO_RUNS,
  lastRunCounts: LAST_RUN_COUNTS,
  duration: DURATION,
  started: STARTED,
  approvalTitle: APPROVAL_TITLE,
  approvalDetail: APPROVAL_DETAIL,
  approve: APPROVE,
  reject: REJECT,
  approved: APPROVED,
  rejected: REJECTED,
  errorTitle: ERROR_TITLE,
  successTitle: SUCCESS_TITLE,
};
