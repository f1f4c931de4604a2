/** Renders a field-mapping definition as an `EntraSyncFieldMapping__mdt` custom metadata record (source format). */
import type { FieldMappingDefinition } from './types.ts';

export const MAPPING_TYPE = 'EntraSyncFieldMapping';

/** File name of a record in customMetadata/: `EntraSyncFieldMapping.<Name>.md-meta.xml`. */
export function recordFileName(definition: FieldMappingDefinition): string {
  return `${MAPPING_TYPE}.${definition.name}.md-meta.xml`;
}

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

function value(field: string, type: 'string' | 'boolean' | 'double', content: string | undefined): string {
  const body =
    content === undefined || content === ''
      ? '<value xsi:nil="true" />'
      : `<value xsi:type="xsd:${type}">${escapeXml(content)}</value>`;
  return `    <values>\n        <field>${field}</field>\n        ${body}\n    </values>\n`;
}

/** The record XML, formatted the way prettier's XML plugin leaves it. */
export function toCustomMetadataXml(definition: FieldMappingDefinition): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    `    <label>${escapeXml(definition.label)}</label>\n` +
    '    <protected>false</protected>\n' +
    value('Active__c', 'boolean', String(definition.active ?? true)) +
    value('ApplyOn__c', 'string', definition.applyOn) +
    value('DefaultValue__c', 'string', definition.defaultValue) +
    value('Order__c', 'double', definition.order.toFixed(1)) +
    value('OnOverflow__c', 'string', definition.onOverflow) +
    value('Source__c', 'string', definition.source) +
    value('TargetField__c', 'string', definition.target) +
    '</CustomMetadata>\n'
  );
}
