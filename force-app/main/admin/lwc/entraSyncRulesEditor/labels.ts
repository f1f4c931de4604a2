// Custom labels of the provisioning rules editor; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Rules_Title'; // Provisioning rules
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import ADD from '@salesforce/label/c.EntraSync_Rules_Add'; // Add rule
import EDIT from '@salesforce/label/c.EntraSync_Common_Edit'; // Edit
import ACTIVATE from '@salesforce/label/c.EntraSync_Common_Activate'; // Activate
import DEACTIVATE from '@salesforce/label/c.EntraSync_Common_Deactivate'; // Deactivate
import EMPTY from '@salesforce/label/c.EntraSync_Rules_Empty'; // No rule yet: users in no rule are out of scope. Add a rule for a group, or * for all users.
import COL_NAME from '@salesforce/label/c.EntraSync_Rules_ColName'; // Name
import COL_GROUP_ID from '@salesforce/label/c.EntraSync_Rules_ColGroupId'; // Entra group id (* = all users)
import COL_GROUP_NAME from '@salesforce/label/c.EntraSync_Rules_ColGroupName'; // Group name
import COL_PRIORITY from '@salesforce/label/c.EntraSync_Rules_ColPriority'; // Priority (higher wins)
import COL_LICENCE from '@salesforce/label/c.EntraSync_Rules_ColLicence'; // Licence kind
import COL_PROFILE from '@salesforce/label/c.EntraSync_Rules_ColProfile'; // Profile
import COL_ROLE from '@salesforce/label/c.EntraSync_Rules_ColRole'; // Role
import COL_PERMISSION_SETS from '@salesforce/label/c.EntraSync_Rules_ColPermissionSets'; // Permission sets
import COL_ACCOUNT from '@salesforce/label/c.EntraSync_Rules_ColAccount'; // Account (external users)
import COL_ACTIVE from '@salesforce/label/c.EntraSync_Common_Active'; // Active
import AVAILABLE from '@salesforce/label/c.EntraSync_Rules_Available'; // Available
import SELECTED from '@salesforce/label/c.EntraSync_Rules_Selected'; // Granted
import NO_ROLE from '@salesforce/label/c.EntraSync_Rules_NoRole'; // No role
import LICENCE_INTERNAL from '@salesforce/label/c.EntraSync_Rules_LicenceInternal'; // Internal (Salesforce licence)
import LICENCE_EXTERNAL from '@salesforce/label/c.EntraSync_Rules_LicenceExternal'; // External (community licence, needs a Contact)
import EDITOR_NEW from '@salesforce/label/c.EntraSync_Rules_EditorNew'; // New rule
import EDITOR_EDIT from '@salesforce/label/c.EntraSync_Rules_EditorEdit'; // Edit rule {0}
import SAVE from '@salesforce/label/c.EntraSync_Common_Save'; // Save
import CANCEL from '@salesforce/label/c.EntraSync_Common_Cancel'; // Cancel
import WINNER_TITLE from '@salesforce/label/c.EntraSync_Rules_WinnerTitle'; // Which rule wins for a user?
import WINNER_USER from '@salesforce/label/c.EntraSync_Rules_WinnerUser'; // Synced user (Entra object id, UPN or Salesforce username)
import WINNER_CHECK_USER from '@salesforce/label/c.EntraSync_Rules_WinnerCheckUser'; // Check this user
import WINNER_USER_GROUPS from '@salesforce/label/c.EntraSync_Rules_WinnerUserGroups'; // Entra user {0} is in {1} rule groups, as the sync last read them.
import WINNER_GROUPS from '@salesforce/label/c.EntraSync_Rules_WinnerGroups'; // The user is a member of
import WINNER_OTHER_GROUPS from '@salesforce/label/c.EntraSync_Rules_WinnerOtherGroups'; // Other group ids (comma-separated)
import WINNER_CHECK from '@salesforce/label/c.EntraSync_Rules_WinnerCheck'; // Show the winning rule
import WINNER_RESULT from '@salesforce/label/c.EntraSync_Rules_WinnerResult'; // Rule {0} wins: {1} licence, profile {2}, role {3}.
import WINNER_PERMISSION_SETS from '@salesforce/label/c.EntraSync_Rules_WinnerPermissionSets'; // Permission sets from all {0} matching rules: {1}
import OUT_OF_SCOPE from '@salesforce/label/c.EntraSync_Rules_OutOfScope'; // No active rule matches: this user is out of scope and is not synced (or is deactivated if linked).
import ALL_USERS from '@salesforce/label/c.EntraSync_Rules_AllUsers'; // * (all users)
import NONE from '@salesforce/label/c.EntraSync_Common_None'; // none
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SAVED_TITLE from '@salesforce/label/c.EntraSync_Common_SavedTitle'; // Saved
import LICENCE_UNIFIED_EMPLOYEE from '@salesforce/label/c.EntraSync_Rules_LicenceUnifiedEmployee'; // Unified Employee (Person Account and Employee record)
import EMPLOYEE_PROFILE_DEFAULT from '@salesforce/label/c.EntraSync_Rules_EmployeeProfileDefault'; // Unified Employee (default)
import EMPLOYEE_PROFILE_HINT from '@salesforce/label/c.EntraSync_Rules_EmployeeProfileHint'; // Blank uses the Unified Employee profile. The org needs Person Accounts, the Employee object and the Unified Employee licence.
import COL_PERSON_RECORD_TYPE from '@salesforce/label/c.EntraSync_Rules_ColPersonRecordType'; // Person account record type
import DEFAULT_RECORD_TYPE from '@salesforce/label/c.EntraSync_Rules_DefaultRecordType'; // Default (first active person-account record type)
import UEL_UNAVAILABLE_TITLE from '@salesforce/label/c.EntraSync_Rules_UelUnavailableTitle'; // Unified Employee is not available in this org
import KIND_INTERNAL from '@salesforce/label/c.EntraSync_Common_KindInternal'; // Internal
import KIND_EXTERNAL from '@salesforce/label/c.EntraSync_Common_KindExternal'; // External
import KIND_UNIFIED_EMPLOYEE from '@salesforce/label/c.EntraSync_Common_KindUnifiedEmployee'; // Unified Employee

export default {
  title: TITLE,
  loading: LOADING,
  refresh: REFRESH,
  add: ADD,
  edit: EDIT,
  activate: ACTIVATE,
  deactivate: DEACTIVATE,
  empty: EMPTY,
  colName: COL_NAME,
  colGroupId: COL_GROUP_ID,
  colGroupName: COL_GROUP_NAME,
  colPriority: COL_PRIORITY,
  colLicence: COL_LICENCE,
  colProfile: COL_PROFILE,
  colRole: COL_ROLE,
  colPermissionSets: COL_PERMISSION_SETS,
  colAccount: COL_ACCOUNT,
  colActive: COL_ACTIVE,
  available: AVAILABLE,
  selected: SELECTED,
  noRole: NO_ROLE,
  licenceInternal: LICENCE_INTERNAL,
  licenceExternal: LICENCE_EXTERNAL,
  editorNew: EDITOR_NEW,
  editorEdit: EDITOR_EDIT,
  save: SAVE,
  cancel: CANCEL,
  winnerTitle: WINNER_TITLE,
  winnerUser: WINNER_USER,
  winnerCheckUser: WINNER_CHECK_USER,
  winnerUserGroups: WINNER_USER_GROUPS,
  winnerGroups: WINNER_GROUPS,
  winnerOtherGroups: WINNER_OTHER_GROUPS,
  winnerCheck: WINNER_CHECK,
  winnerResult: WINNER_RESULT,
  winnerPermissionSets: WINNER_PERMISSION_SETS,
  outOfScope: OUT_OF_SCOPE,
  allUsers: ALL_USERS,
  none: NONE,
  errorTitle: ERROR_TITLE,
  savedTitle: SAVED_TITLE,
  licenceUnifiedEmployee: LICENCE_UNIFIED_EMPLOYEE,
  employeeProfileDefault: EMPLOYEE_PROFILE_DEFAULT,
  employeeProfileHint: EMPLOYEE_PROFILE_HINT,
  colPersonRecordType: COL_PERSON_RECORD_TYPE,
  defaultRecordType: DEFAULT_RECORD_TYPE,
  uelUnavailableTitle: UEL_UNAVAILABLE_TITLE,
  kindInternal: KIND_INTERNAL,
  kindExternal: KIND_EXTERNAL,
  kindUnifiedEmployee: KIND_UNIFIED_EMPLOYEE,
};
