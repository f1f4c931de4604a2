// Custom labels of sync one user now; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_OnDemand_Title'; // Sync one user now
import KEY from '@salesforce/label/c.EntraSync_OnDemand_Key'; // Entra object id, user principal name or e-mail
import PREVIEW from '@salesforce/label/c.EntraSync_OnDemand_Preview'; // Preview
import SYNC from '@salesforce/label/c.EntraSync_OnDemand_Sync'; // Sync now
import RULE from '@salesforce/label/c.EntraSync_OnDemand_Rule'; // Rule that wins: {0} · licence {1}
import NO_RULE from '@salesforce/label/c.EntraSync_OnDemand_NoRule'; // In no rule: the sync keeps this person out (or turns them off).
import STARTED from '@salesforce/label/c.EntraSync_OnDemand_Started'; // Run {0} syncs this user now.
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SUCCESS_TITLE from '@salesforce/label/c.EntraSync_Common_SuccessTitle'; // Done

export default {
  title: TITLE,
  key: KEY,
  preview: PREVIEW,
  sync: SYNC,
  rule: RULE,
  noRule: NO_RULE,
  started: STARTED,
  errorTitle: ERROR_TITLE,
  successTitle: SUCCESS_TITLE,
};
