// Custom labels of the sync interval control; the comment after each import is the label's English value.
import LABEL from '@salesforce/label/c.EntraSync_Interval_Label'; // Sync interval
import MINUTES from '@salesforce/label/c.EntraSync_Interval_Minutes'; // Every {0} minutes
import HOURS from '@salesforce/label/c.EntraSync_Interval_Hours'; // Every {0} hours
import HOUR from '@salesforce/label/c.EntraSync_Interval_Hour'; // Every hour
import SAVED from '@salesforce/label/c.EntraSync_Interval_Saved'; // The sync interval is saved.
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SUCCESS_TITLE from '@salesforce/label/c.EntraSync_Common_SuccessTitle'; // Done

export default {
  label: LABEL,
  minutes: MINUTES,
  hours: HOURS,
  hour: HOUR,
  saved: SAVED,
  errorTitle: ERROR_TITLE,
  successTitle: SUCCESS_TITLE,
};
