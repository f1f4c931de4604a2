// Custom labels of the users table; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Users_Title'; // Users the sync manages
import SEARCH from '@salesforce/label/c.EntraSync_Users_Search'; // Search users
import SEARCH_PLACEHOLDER from '@salesforce/label/c.EntraSync_Users_SearchPlaceholder'; // Name, username, email or Entra object id
import FILTER from '@salesforce/label/c.EntraSync_Users_Filter'; // Show
import FILTER_ALL from '@salesforce/label/c.EntraSync_Users_FilterAll'; // All users
import FILTER_ACTIVE from '@salesforce/label/c.EntraSync_Users_FilterActive'; // Active
import FILTER_INACTIVE from '@salesforce/label/c.EntraSync_Users_FilterInactive'; // Inactive
import FILTER_FROZEN from '@salesforce/label/c.EntraSync_Users_FilterFrozen'; // Frozen
import FILTER_FAILING from '@salesforce/label/c.EntraSync_Users_FilterFailing'; // Failing (latest change failed)
import FILTER_INTERNAL from '@salesforce/label/c.EntraSync_Users_FilterInternal'; // Internal users
import FILTER_EXTERNAL from '@salesforce/label/c.EntraSync_Users_FilterExternal'; // External users
import FILTER_EMPLOYEE from '@salesforce/label/c.EntraSync_Users_FilterEmployee'; // Unified Employee users
import COL_NAME from '@salesforce/label/c.EntraSync_Users_ColName'; // Name
import COL_USERNAME from '@salesforce/label/c.EntraSync_Users_ColUsername'; // Username
import COL_LICENCE from '@salesforce/label/c.EntraSync_Users_ColLicence'; // Licence
import COL_PERSON_ACCOUNT from '@salesforce/label/c.EntraSync_Users_ColPersonAccount'; // Person account
import COL_EMPLOYEE from '@salesforce/label/c.EntraSync_Users_ColEmployee'; // Employee
import COL_LAST_CHANGE from '@salesforce/label/c.EntraSync_Users_ColLastChange'; // Last change
import INACTIVE from '@salesforce/label/c.EntraSync_Users_Inactive'; // Inactive
import FROZEN from '@salesforce/label/c.EntraSync_Users_Frozen'; // Frozen
import EMPLOYEE_SINCE from '@salesforce/label/c.EntraSync_Users_EmployeeSince'; // {0} · {1} since {2}
import EMPLOYEE_UNTIL from '@salesforce/label/c.EntraSync_Users_EmployeeUntil'; // {0} · {1} {2} – {3}
import NO_EMPLOYEE from '@salesforce/label/c.EntraSync_Users_NoEmployee'; // No Employee record
import LAST_CHANGE from '@salesforce/label/c.EntraSync_Users_LastChange'; // {0} · {1} · {2}
import LAST_CHANGE_FAILED from '@salesforce/label/c.EntraSync_Users_LastChangeFailed'; // {0} failed ({1}) · {2}
import NO_CHANGE from '@salesforce/label/c.EntraSync_Users_NoChange'; // No change recorded
import PAGE_INFO from '@salesforce/label/c.EntraSync_Users_PageInfo'; // Page {0} of {1} · {2} users
import EMPTY from '@salesforce/label/c.EntraSync_Users_Empty'; // The sync manages no users yet. Run a sync to link Entra users to Salesforce users.
import NO_MATCH from '@salesforce/label/c.EntraSync_Users_NoMatch'; // No user matches the search and filter.
import ACTIVE from '@salesforce/label/c.EntraSync_Common_Active'; // Active
import STATUS from '@salesforce/label/c.EntraSync_Common_Status'; // Status
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import PREVIOUS from '@salesforce/label/c.EntraSync_Common_Previous'; // Previous
import NEXT from '@salesforce/label/c.EntraSync_Common_Next'; // Next
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import ENTRA_OBJECT_ID from '@salesforce/label/c.EntraSync_Common_EntraObjectId'; // Entra object id: {0}

export default {
  title: TITLE,
  search: SEARCH,
  searchPlaceholder: SEARCH_PLACEHOLDER,
  filter: FILTER,
  filterAll: FILTER_ALL,
  filterActive: FILTER_ACTIVE,
  filterInactive: FILTER_INACTIVE,
  filterFrozen: FILTER_FROZEN,
  filterFailing: FILTER_FAILING,
  filterInternal: FILTER_INTERNAL,
  filterExternal: FILTER_EXTERNAL,
  filterEmployee: FILTER_EMPLOYEE,
  colName: COL_NAME,
  colUsername: COL_USERNAME,
  colLicence: COL_LICENCE,
  colPersonAccount: COL_PERSON_ACCOUNT,
  colEmployee: COL_EMPLOYEE,
  colLastChange: COL_LAST_CHANGE,
  inactive: INACTIVE,
  frozen: FROZEN,
  employeeSince: EMPLOYEE_SINCE,
  employeeUntil: EMPLOYEE_UNTIL,
  noEmployee: NO_EMPLOYEE,
  lastChange: LAST_CHANGE,
  lastChangeFailed: LAST_CHANGE_FAILED,
  noChange: NO_CHANGE,
  pageInfo: PAGE_INFO,
  empty: EMPTY,
  noMatch: NO_MATCH,
  active: ACTIVE,
  colStatus: STATUS,
  refresh: REFRESH,
  previous: PREVIOUS,
  next: NEXT,
  loading: LOADING,
  entraObjectId: ENTRA_OBJECT_ID,
};
