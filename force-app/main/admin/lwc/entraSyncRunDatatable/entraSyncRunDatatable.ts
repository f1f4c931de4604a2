import LightningDatatable from 'lightning/datatable';
import runStatusTemplate from './runStatus.html';
import textWithTitleTemplate from './textWithTitle.html';

/**
 * lightning-datatable with a `runStatus` column type that renders a run's status as c-entra-sync-status-badge, and a
 * `textWithTitle` type: text with secondary detail on hover (`typeAttributes: { title: { fieldName } }`), e.g. a
 * group's name with its Entra object id
 * (custom data types: https://developer.salesforce.com/docs/component-library/documentation/en/lwc/lwc.data_table_custom_types).
 */
export default class EntraSyncRunDatatable extends LightningDatatable {
  static customTypes = {
    runStatus: {
      template: runStatusTemplate,
      standardCellLayout: true,
    },
    textWithTitle: {
      template: textWithTitleTemplate,
      standardCellLayout: true,
      typeAttributes: ['title'],
    },
  };
}
