// Custom labels of the field mapping editor; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Mapping_Title'; // Field mapping
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh
import ADD from '@salesforce/label/c.EntraSync_Mapping_Add'; // Add mapping
import EDIT from '@salesforce/label/c.EntraSync_Common_Edit'; // Edit
import ACTIVATE from '@salesforce/label/c.EntraSync_Common_Activate'; // Activate
import DEACTIVATE from '@salesforce/label/c.EntraSync_Common_Deactivate'; // Deactivate
import EMPTY from '@salesforce/label/c.EntraSync_Mapping_Empty'; // No field mapping yet. Add one to copy an Entra attribute to a User field.
import COL_ORDER from '@salesforce/label/c.EntraSync_Mapping_ColOrder'; // Order
import COL_SOURCE from '@salesforce/label/c.EntraSync_Mapping_ColSource'; // Source (Graph attribute or expression)
import COL_TARGET from '@salesforce/label/c.EntraSync_Mapping_ColTarget'; // User field
import COL_APPLY_ON from '@salesforce/label/c.EntraSync_Mapping_ColApplyOn'; // Apply on
import COL_DEFAULT from '@salesforce/label/c.EntraSync_Mapping_ColDefault'; // Default when empty
import COL_ACTIVE from '@salesforce/label/c.EntraSync_Common_Active'; // Active
import EDITOR_NEW from '@salesforce/label/c.EntraSync_Mapping_EditorNew'; // New mapping
import EDITOR_EDIT from '@salesforce/label/c.EntraSync_Mapping_EditorEdit'; // Edit mapping {0}
import APPLY_CREATE from '@salesforce/label/c.EntraSync_Mapping_ApplyCreate'; // When the user is created
import APPLY_ALWAYS from '@salesforce/label/c.EntraSync_Mapping_ApplyAlways'; // On every sync
import EXPRESSION_VALID from '@salesforce/label/c.EntraSync_Mapping_ExpressionValid'; // The source parses.
import EXPRESSION_ERROR from '@salesforce/label/c.EntraSync_Mapping_ExpressionError'; // Column {0}: {1}
import SAMPLE_USER from '@salesforce/label/c.EntraSync_Mapping_SampleUser'; // Sample Entra user (Graph JSON)
import TEST from '@salesforce/label/c.EntraSync_Mapping_Test'; // Test mapping
import TEST_RESULT from '@salesforce/label/c.EntraSync_Mapping_TestResult'; // Result: {0}
import TEST_EMPTY_RESULT from '@salesforce/label/c.EntraSync_Mapping_TestEmptyResult'; // Result: (empty) — the default value applies.
import SAVE from '@salesforce/label/c.EntraSync_Common_Save'; // Save
import CANCEL from '@salesforce/label/c.EntraSync_Common_Cancel'; // Cancel
import ERROR_TITLE from '@salesforce/label/c.EntraSync_Common_ErrorTitle'; // Something went wrong
import SAVED_TITLE from '@salesforce/label/c.EntraSync_Common_SavedTitle'; // Saved

export default {
  title: TITLE,
  loading: LOADING,
  refresh: REFRESH,
  add: ADD,
  edit: EDIT,
  activate: ACTIVATE,
  deactivate: DEACTIVATE,
  empty: EMPTY,
  colOrder: COL_ORDER,
  colSource: COL_SOURCE,
  colTarget: COL_TARGET,
  colApplyOn: COL_APPLY_ON,
  colDefault: COL_DEFAULT,
  colActive: COL_ACTIVE,
  editorNew: EDITOR_NEW,
  editorEdit: EDITOR_EDIT,
  applyCreate: APPLY_CREATE,
  applyAlways: APPLY_ALWAYS,
  expressionValid: EXPRESSION_VALID,
  expressionError: EXPRESSION_ERROR,
  sampleUser: SAMPLE_USER,
  test: TEST,
  testResult: TEST_RESULT,
  testEmptyResult: TEST_EMPTY_RESULT,
  save: SAVE,
  cancel: CANCEL,
  errorTitle: ERROR_TITLE,
  savedTitle: SAVED_TITLE,
};
