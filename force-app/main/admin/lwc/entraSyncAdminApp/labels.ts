// Custom labels of the admin app's tabs; the comment after each import is the label's English value.
import TAB_OVERVIEW from '@salesforce/label/c.EntraSync_App_TabOverview'; // Status and history
import TAB_DETAIL from '@salesforce/label/c.EntraSync_App_TabDetail'; // Run detail
import TAB_PREVIEW from '@salesforce/label/c.EntraSync_App_TabPreview'; // Dry run preview
import TAB_MAPPING from '@salesforce/label/c.EntraSync_App_TabMapping'; // Field mapping
import TAB_RULES from '@salesforce/label/c.EntraSync_App_TabRules'; // Provisioning rules
import TAB_USERS from '@salesforce/label/c.EntraSync_App_TabUsers'; // Users

export default {
  tabOverview: TAB_OVERVIEW,
  tabDetail: TAB_DETAIL,
  tabPreview: TAB_PREVIEW,
  tabMapping: TAB_MAPPING,
  tabRules: TAB_RULES,
  tabUsers: TAB_USERS,
};
