// Custom labels of the seats table; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Seats_Title'; // Seats before creating
import CAPTION from '@salesforce/label/c.EntraSync_Seats_Caption'; // Seats the latest dry run needs per licence, against the seats free now
import COL_LICENCE from '@salesforce/label/c.EntraSync_Seats_ColLicence'; // Licence
import COL_NEEDED from '@salesforce/label/c.EntraSync_Seats_ColNeeded'; // Needed
import COL_FREE from '@salesforce/label/c.EntraSync_Seats_ColFree'; // Free
import COL_USED from '@salesforce/label/c.EntraSync_Seats_ColUsed'; // Used of total
import COL_WITHHELD from '@salesforce/label/c.EntraSync_Seats_ColWithheld'; // Not created (no seat)
import NONE from '@salesforce/label/c.EntraSync_Seats_None'; // The latest dry run creates no user: no seat is needed.
import SHORT from '@salesforce/label/c.EntraSync_Seats_Short'; // {0} users would not be created for want of seats (ENTRASYNC_NO_SEATS).
import COL_REACTIVATIONS from '@salesforce/label/c.EntraSync_Seats_ColReactivations'; // Of which reactivations
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh

export default {
  title: TITLE,
  caption: CAPTION,
  colLicence: COL_LICENCE,
  colNeeded: COL_NEEDED,
  colReactivations: COL_REACTIVATIONS,
  colFree: COL_FREE,
  colUsed: COL_USED,
  colWithheld: COL_WITHHELD,
  none: NONE,
  short: SHORT,
  loading: LOADING,
  refresh: REFRESH,
};
