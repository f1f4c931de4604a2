// Custom labels of the run history; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_History_Title'; // Run history
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import PREVIOUS from '@salesforce/label/c.EntraSync_Common_Previous'; // Previous
import NEXT from '@salesforce/label/c.EntraSync_Common_Next'; // Next
import PAGE_INFO from '@salesforce/label/c.EntraSync_History_PageInfo'; // Page {0} of {1} · {2} runs
import EMPTY from '@salesforce/label/c.EntraSync_History_Empty'; // No runs yet. Start one with Run now or Dry run.
import LIVE from '@salesforce/label/c.EntraSync_History_Live'; // A run is in progress; this list refreshes itself.
import COL_RUN from '@salesforce/label/c.EntraSync_History_ColRun'; // Run
import COL_STATUS from '@salesforce/label/c.EntraSync_Common_Status'; // Status
import COL_TRIGGER from '@salesforce/label/c.EntraSync_History_ColTrigger'; // Trigger
import COL_MODE from '@salesforce/label/c.EntraSync_History_ColMode'; // Mode
import COL_STARTED from '@salesforce/label/c.EntraSync_Common_Started'; // Started
import COL_DURATION from '@salesforce/label/c.EntraSync_Common_Duration'; // Duration
import COL_FETCHED from '@salesforce/label/c.EntraSync_History_ColFetched'; // Fetched
import COL_CHANGES from '@salesforce/label/c.EntraSync_History_ColChanges'; // Changes
import COL_FAILED from '@salesforce/label/c.EntraSync_History_ColFailed'; // Failed
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong

export default {
  title: TITLE,
  loading: LOADING,
  refresh: REFRESH,
  previous: PREVIOUS,
  next: NEXT,
  pageInfo: PAGE_INFO,
  empty: EMPTY,
  live: LIVE,
  colRun: COL_RUN,
  colStatus: COL_STATUS,
  colTrigger: COL_TRIGGER,
  colMode: COL_MODE,
  colStarted: COL_STARTED,
  colDuration: COL_DURATION,
  colFetched: COL_FETCHED,
  colChanges: COL_CHANGES,
  colFailed: COL_FAILED,
  errorTitle: ERROR_TITLE,
};
