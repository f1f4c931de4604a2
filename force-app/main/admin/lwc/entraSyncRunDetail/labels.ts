// Custom labels of the run detail; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Detail_Title'; // Run {0}
import NO_RUN from '@salesforce/label/c.EntraSync_Detail_NoRun'; // Select a run in the run history to see its changes.
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import RETRY_FAILED from '@salesforce/label/c.EntraSync_Detail_RetryFailed'; // Retry failed ({0})
import RETRY_QUEUED from '@salesforce/label/c.EntraSync_Detail_RetryQueued'; // The failed changes are queued for another attempt.
import FILTER_ACTION from '@salesforce/label/c.EntraSync_Detail_FilterAction'; // Action
import FILTER_STATUS from '@salesforce/label/c.EntraSync_Common_Status'; // Status
import ALL from '@salesforce/label/c.EntraSync_Common_All'; // All
import COL_USER from '@salesforce/label/c.EntraSync_Common_User'; // User
import COL_CHANGES from '@salesforce/label/c.EntraSync_Common_FieldChanges'; // Field changes (before → after)
import COL_ERROR from '@salesforce/label/c.EntraSync_Detail_ColError'; // Error
import COL_ATTEMPTS from '@salesforce/label/c.EntraSync_Detail_ColAttempts'; // Attempts
import EMPTY from '@salesforce/label/c.EntraSync_Detail_Empty'; // No change matches these filters.
import TRUNCATED from '@salesforce/label/c.EntraSync_Detail_Truncated'; // Only the first 2,000 changes are shown; narrow the filters or use the reports.
import RUN_ERROR from '@salesforce/label/c.EntraSync_Detail_RunError'; // Run error
import EMPTY_VALUE from '@salesforce/label/c.EntraSync_Common_EmptyValue'; // (empty)
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SUCCESS_TITLE from '@salesforce/label/c.EntraSync_Common_SuccessTitle'; // Done
import UNDO from '@salesforce/label/c.EntraSync_Detail_Undo'; // Undo this run
import UNDO_QUEUED from '@salesforce/label/c.EntraSync_Detail_UndoQueued'; // The undo run has started; it puts back what this run changed, user by user.
import UNDO_CONFIRM_TITLE from '@salesforce/label/c.EntraSync_Detail_UndoConfirmTitle'; // Undo run {0}?
import UNDO_CONFIRM from '@salesforce/label/c.EntraSync_Detail_UndoConfirm'; // An undo run puts back what this run changed, user by user: fields, profile, role, permission sets, active and frozen state. Users it created are deactivated. Users a later run changed are left alone, and no one Entra has turned off is turned back on.
import ENTRA_OBJECT_ID from '@salesforce/label/c.EntraSync_Common_EntraObjectId'; // Entra object id: {0}

import COL_LICENCE_KIND from '@salesforce/label/c.EntraSync_Detail_ColLicenceKind'; // Licence kind
export default {
  colLicenceKind: COL_LICENCE_KIND,
  entraObjectId: ENTRA_OBJECT_ID,
  title: TITLE,
  noRun: NO_RUN,
  loading: LOADING,
  refresh: REFRESH,
  retryFailed: RETRY_FAILED,
  retryQueued: RETRY_QUEUED,
  filterAction: FILTER_ACTION,
  filterStatus: FILTER_STATUS,
  all: ALL,
  colUser: COL_USER,
  colChanges: COL_CHANGES,
  colError: COL_ERROR,
  colAttempts: COL_ATTEMPTS,
  empty: EMPTY,
  truncated: TRUNCATED,
  runError: RUN_ERROR,
  emptyValue: EMPTY_VALUE,
  errorTitle: ERROR_TITLE,
  successTitle: SUCCESS_TITLE,
  undo: UNDO,
  undoQueued: UNDO_QUEUED,
  undoConfirmTitle: UNDO_CONFIRM_TITLE,
  undoConfirm: UNDO_CONFIRM,
};
