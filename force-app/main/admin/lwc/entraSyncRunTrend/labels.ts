// Custom labels of the run trend chart; the comment after each import is the label's English value.
import TITLE from '@salesforce/label/c.EntraSync_Trend_Title'; // Runs of the last {0} days
import EMPTY from '@salesforce/label/c.EntraSync_Trend_Empty'; // No runs in the last {0} days. The chart fills in as runs complete.
import SHOW_TABLE from '@salesforce/label/c.EntraSync_Trend_ShowTable'; // Show as table
import HIDE_TABLE from '@salesforce/label/c.EntraSync_Trend_HideTable'; // Hide table
import SUMMARY from '@salesforce/label/c.EntraSync_Trend_Summary'; // {0} runs from {1} to {2}.
import TOTALS from '@salesforce/label/c.EntraSync_Trend_Totals'; // {0} created, {1} updated, {2} deactivated or frozen, {3} reactivated, {4} failed, {5} held.
import DEACTIVATED_FROZEN from '@salesforce/label/c.EntraSync_Trend_DeactivatedFrozen'; // Deactivated or frozen
import REACTIVATED from '@salesforce/label/c.EntraSync_Trend_Reactivated'; // Reactivated
import HELD from '@salesforce/label/c.EntraSync_Trend_Held'; // Held for approval
import HELD_MARK from '@salesforce/label/c.EntraSync_Trend_HeldMark'; // Held
import LEGEND from '@salesforce/label/c.EntraSync_Trend_Legend'; // Legend
import TABLE_CAPTION from '@salesforce/label/c.EntraSync_Trend_TableCaption'; // Changes per run, oldest first
import CREATED from '@salesforce/label/c.EntraSync_History_ColCreated'; // Created
import UPDATED from '@salesforce/label/c.EntraSync_History_ColUpdated'; // Updated
import FAILED from '@salesforce/label/c.EntraSync_History_ColFailed'; // Failed
import RUN from '@salesforce/label/c.EntraSync_History_ColRun'; // Run
import STARTED from '@salesforce/label/c.EntraSync_Common_Started'; // Started
import LOADING from '@salesforce/label/c.EntraSync_Common_Loading'; // Loading
import REFRESH from '@salesforce/label/c.EntraSync_Common_Refresh'; // Refresh

export default {
  title: TITLE,
  empty: EMPTY,
  showTable: SHOW_TABLE,
  hideTable: HIDE_TABLE,
  summary: SUMMARY,
  totals: TOTALS,
  deactivatedFrozen: DEACTIVATED_FROZEN,
  reactivated: REACTIVATED,
  held: HELD,
  heldMark: HELD_MARK,
  legend: LEGEND,
  tableCaption: TABLE_CAPTION,
  created: CREATED,
  updated: UPDATED,
  failed: FAILED,
  run: RUN,
  started: STARTED,
  loading: LOADING,
  refresh: REFRESH,
};
