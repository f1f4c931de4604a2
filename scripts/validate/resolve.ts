import { key, type FieldInfo, type SourceIndex } from './sourceIndex.ts';

/**
 * Name resolution against the package source. Custom names (`__c`, `__mdt`, `__e`) must be defined in the package;
 * standard objects and standard fields cannot be verified offline and are accepted, except standard fields on our own
 * custom objects, which have a fixed set.
 */

const CUSTOM_SUFFIX = /__(c|mdt|e|b|x)$/i;

/** The standard fields every custom object has (Object Reference: "Custom Objects — System Fields"). */
const CUSTOM_OBJECT_SYSTEM_FIELDS = new Set(
  [
    'Id',
    'Name',
    'OwnerId',
    'Owner',
    'CreatedDate',
    'CreatedById',
    'CreatedBy',
    'LastModifiedDate',
    'LastModifiedById',
    'LastModifiedBy',
    'SystemModstamp',
    'IsDeleted',
    'RecordTypeId',
    'RecordType',
    'LastActivityDate',
    'LastViewedDate',
    'LastReferencedDate',
    'CurrencyIsoCode',
  ].map(key),
);

/** The standard fields of a custom metadata type. */
const CUSTOM_METADATA_SYSTEM_FIELDS = new Set(
  ['Id', 'DeveloperName', 'MasterLabel', 'Label', 'Language', 'NamespacePrefix', 'QualifiedApiName'].map(key),
);

export function isCustomName(name: string): boolean {
  return CUSTOM_SUFFIX.test(name);
}

export function objectExists(index: SourceIndex, objectName: string): boolean {
  if (!isCustomName(objectName)) return true;
  return Boolean(index.objects.get(key(objectName))?.file);
}

/** Why a field reference does not resolve, or undefined when it does. */
export function missingField(index: SourceIndex, objectName: string, fieldName: string): string | undefined {
  if (!objectExists(index, objectName)) return `object ${objectName} is not in the package`;
  const object = index.objects.get(key(objectName));
  if (isCustomName(fieldName)) {
    return object?.fields.has(key(fieldName)) ? undefined : `field ${objectName}.${fieldName} does not exist`;
  }
  if (!isCustomName(objectName)) return undefined;
  const systemFields = objectName.toLowerCase().endsWith('__mdt')
    ? CUSTOM_METADATA_SYSTEM_FIELDS
    : CUSTOM_OBJECT_SYSTEM_FIELDS;
  return systemFields.has(key(fieldName))
    ? undefined
    : `field ${objectName}.${fieldName} is not a field of a custom object`;
}

export function findField(index: SourceIndex, objectName: string, fieldName: string): FieldInfo | undefined {
  return index.objects.get(key(objectName))?.fields.get(key(fieldName));
}

/**
 * Follows a dotted path from an object: `ApprovedBy__c.Name` on EntraSyncRun__c checks ApprovedBy__c is a lookup,
 * then Name on its target. Returns why it does not resolve, or undefined.
 */
export function missingFieldPath(index: SourceIndex, objectName: string, fieldPath: string): string | undefined {
  const parts = fieldPath.split('.');
  let current = objectName;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const fieldName = part.replace(/__r$/i, '__c');
    const problem = missingField(index, current, fieldName);
    if (problem) return problem;
    const field = findField(index, current, fieldName);
    if (!field) return undefined; // a standard lookup (e.g. Owner): its target cannot be checked offline
    if (!field.referenceTo) return `field ${current}.${fieldName} is not a lookup, so ${fieldPath} cannot follow it`;
    current = field.referenceTo;
  }
  return missingField(index, current, parts[parts.length - 1] as string);
}

/** The child object behind a child relationship name (`Changes__r` on EntraSyncRun__c → EntraSyncChange__c). */
export function childObjectOf(index: SourceIndex, parentObject: string, relationship: string): string | undefined {
  const wanted = key(relationship.replace(/__r$/i, ''));
  for (const object of index.objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo &&
        key(field.referenceTo) === key(parentObject) &&
        key(field.relationshipName ?? '') === wanted
      ) {
        return object.name;
      }
    }
  }
  return undefined;
}

export function lwcExists(index: SourceIndex, name: string): boolean {
  return index.lwc.has(key(name));
}

/** `entra-sync-run-detail` → `entraSyncRunDetail` (LWC naming: kebab-case tags, camelCase folders). */
export function kebabToCamel(tag: string): string {
  return tag.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
