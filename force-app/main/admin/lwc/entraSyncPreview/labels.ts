// Custom labels of the dry-run preview; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Preview_Title'; // Dry run preview
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import NO_DRY_RUN from '@salesforce/label/c.EntraSync_Preview_NoDryRun'; // No dry run yet. Click Dry run to see what a sync would change before anything is applied.
import IN_PROGRESS from '@salesforce/label/c.EntraSync_Preview_InProgress'; // Dry run {0} is still planning; this preview refreshes itself.
import SUMMARY from '@salesforce/label/c.EntraSync_Preview_Summary'; // Plan of dry run {0}: nothing has been applied.
import NOTHING_TO_DO from '@salesforce/label/c.EntraSync_Preview_NothingToDo'; // The dry run found nothing to change.
import GROUP_LABEL from '@salesforce/label/c.EntraSync_Preview_GroupLabel'; // {0} ({1})
import COL_USER from '@salesforce/label/c.EntraSync_Common_User'; // User
import COL_CHANGES from '@salesforce/label/c.EntraSync_Common_FieldChanges'; // Field changes (before → after)
import EMPTY_VALUE from '@salesforce/label/c.EntraSync_Common_EmptyValue'; // (empty)
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import ENTRA_OBJECT_ID from '@salesforce/label/c.EntraSync_Common_EntraObjectId'; // Entra object id: {0}

import COL_LICENCE_KIND from '@salesforce/label/c.EntraSync_Detail_ColLicenceKind'; // Licence kind
export default {
  colLicenceKind: COL_LICENCE_KIND,
  entraObjectId: ENTRA_OBJECT_ID,
  title: TITLE,
  loading: LOADING,
  refresh: REFRESH,
  noDryRun: NO_DRY_RUN,
  inProgress: IN_PROGRESS,
  summary: SUMMARY,
  nothingToDo: NOTHING_TO_DO,
  groupLabel: GROUP_LABEL,
  colUser: COL_USER,
  colChanges: COL_CHANGES,
  emptyValue: EMPTY_VALUE,
  errorTitle: ERROR_TITLE,
};
