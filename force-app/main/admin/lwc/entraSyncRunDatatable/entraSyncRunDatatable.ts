import LightningDatatable from 'lightning/datatable';
import runStatusTemplate from './runStatus.html';

/**
 * lightning-datatable with a `runStatus` column type that renders a run's status as c-entra-sync-status-badge
 * (custom data types: https://developer.salesforce.com/docs/component-library/documentation/en/lwc/lwc.data_table_custom_types).
 */
export default class EntraSyncRunDatatable extends LightningDatatable {
  static customTypes = {
    runStatus: {
      template: runStatusTemplate,
      standardCellLayout: true,
    },
  };
}
