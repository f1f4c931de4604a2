import { record, type CheckResult } from '../result.ts';
import { findField, isCustomName, missingField, objectExists } from '../resolve.ts';
import { key, type NamedFile, type SourceIndex } from '../sourceIndex.ts';
import { children, text, texts, type XmlNode } from '../xml.ts';

/** Principal names an external credential defines (`parameterType` NamedPrincipal / PerUserPrincipal). */
export function externalCredentialPrincipals(credential: XmlNode): Set<string> {
  const principals = new Set<string>();
  for (const parameter of children(credential, 'externalCredentialParameters')) {
    if (/Principal$/.test(text(parameter, 'parameterType') ?? '')) {
      for (const name of [text(parameter, 'parameterName'), text(parameter, 'parameterGroup')]) {
        if (name) principals.add(key(name));
      }
    }
  }
  return principals;
}

/** `EntraSyncGraphAuth-EntraSyncPrincipal` → why it does not resolve, or undefined. */
export function missingPrincipal(index: SourceIndex, reference: string): string | undefined {
  const dash = reference.indexOf('-');
  if (dash < 0) return `${reference} is not ExternalCredential-PrincipalName`;
  const credentialName = reference.slice(0, dash).trim();
  const principal = reference.slice(dash + 1).trim();
  const credential = index.externalCredentials.get(key(credentialName));
  if (!credential) return `external credential ${credentialName} is not in the package`;
  return externalCredentialPrincipals(credential.xml).has(key(principal))
    ? undefined
    : `external credential ${credentialName} has no principal ${principal}`;
}

/**
 * Field permissions the platform rejects at deploy time: required fields and master-detail fields are always
 * accessible and cannot appear in fieldPermissions; formula and roll-up fields cannot be editable.
 */
function fieldPermissionProblem(
  index: SourceIndex,
  objectName: string,
  fieldName: string,
  editable: boolean,
): string | undefined {
  const field = findField(index, objectName, fieldName);
  if (!field) return undefined;
  if (field.required) return `${objectName}.${fieldName} is required: required fields cannot be in fieldPermissions`;
  if (field.type === 'MasterDetail')
    return `${objectName}.${fieldName} is master-detail: it cannot be in fieldPermissions`;
  if (editable && (field.formula || field.type === 'Summary' || field.type === 'AutoNumber')) {
    return `${objectName}.${fieldName} is read-only (${field.formula ? 'formula' : field.type}) but granted editable`;
  }
  return undefined;
}

function checkPermissionSet(index: SourceIndex, permissionSet: NamedFile): string[] {
  const problems: string[] = [];
  const xml = permissionSet.xml;
  for (const object of texts(xml, 'objectPermissions', 'object')) {
    if (!objectExists(index, object)) problems.push(`objectPermissions ${object}: object is not in the package`);
    else if (object.toLowerCase().endsWith('__mdt'))
      problems.push(`objectPermissions ${object}: use customMetadataTypeAccesses for custom metadata types`);
  }
  for (const grant of children(xml, 'fieldPermissions')) {
    const reference = text(grant, 'field') ?? '';
    const dot = reference.indexOf('.');
    if (dot < 0) {
      problems.push(`fieldPermissions ${reference}: not Object.Field`);
      continue;
    }
    const objectName = reference.slice(0, dot);
    const fieldName = reference.slice(dot + 1);
    const problem =
      missingField(index, objectName, fieldName) ??
      fieldPermissionProblem(index, objectName, fieldName, text(grant, 'editable') === 'true');
    if (problem) problems.push(`fieldPermissions ${reference}: ${problem}`);
  }
  for (const apexClass of texts(xml, 'classAccesses', 'apexClass')) {
    if (!index.classes.has(key(apexClass))) problems.push(`classAccesses ${apexClass}: class is not in the package`);
  }
  for (const tab of texts(xml, 'tabSettings', 'tab')) {
    if (!tab.startsWith('standard-') && !index.tabs.has(key(tab)))
      problems.push(`tabSettings ${tab}: tab is not in the package`);
  }
  for (const app of texts(xml, 'applicationVisibilities', 'application')) {
    if (!index.applications.has(key(app)))
      problems.push(`applicationVisibilities ${app}: application is not in the package`);
  }
  for (const permission of texts(xml, 'customPermissions', 'name')) {
    if (!index.customPermissions.has(key(permission)))
      problems.push(`customPermissions ${permission}: custom permission is not in the package`);
  }
  for (const type of [
    ...texts(xml, 'customMetadataTypeAccesses', 'name'),
    ...texts(xml, 'customSettingAccesses', 'name'),
  ]) {
    if (!objectExists(index, type)) problems.push(`customMetadataTypeAccesses ${type}: type is not in the package`);
  }
  for (const principal of texts(xml, 'externalCredentialPrincipalAccesses', 'externalCredentialPrincipal')) {
    const problem = missingPrincipal(index, principal);
    if (problem) problems.push(`externalCredentialPrincipalAccesses ${principal}: ${problem}`);
  }
  return problems;
}

/** A record's value for a picklist field must be one of the field's values, or the deploy fails. */
function badPicklistValue(
  index: SourceIndex,
  type: string,
  fieldName: string,
  value: string | undefined,
): string | undefined {
  const field = findField(index, type, fieldName);
  if (!field || field.type !== 'Picklist' || !value || field.picklistValues.length === 0) return undefined;
  return field.picklistValues.includes(value)
    ? undefined
    : `value ${value} is not a value of picklist ${type}.${fieldName} (${field.picklistValues.join(', ')})`;
}

/** Settings that name the Named Credential (`NamedCredential__c`) must name one the package ships. */
function missingNamedCredential(index: SourceIndex, fieldName: string, value: string | undefined): string | undefined {
  if (key(fieldName) !== key('NamedCredential__c') || !value) return undefined;
  return index.namedCredentials.has(key(value)) ? undefined : `named credential ${value} is not in the package`;
}

function checkCustomMetadataRecords(index: SourceIndex, results: CheckResult[]): void {
  for (const record_ of index.customMetadataRecords) {
    const problems: string[] = [];
    if (!objectExists(index, record_.type)) {
      problems.push(`type ${record_.type} is not in the package`);
    } else {
      for (const entry of children(record_.xml, 'values')) {
        const field = text(entry, 'field') ?? '';
        const problem =
          missingField(index, record_.type, field) ??
          badPicklistValue(index, record_.type, field, text(entry, 'value')) ??
          missingNamedCredential(index, field, text(entry, 'value'));
        if (problem) problems.push(`values ${field}: ${problem}`);
      }
    }
    record(results, 'custom metadata record fields resolve', record_.file, problems);
  }
}

function checkCredentials(index: SourceIndex, results: CheckResult[]): void {
  for (const credential of index.namedCredentials.values()) {
    const problems: string[] = [];
    const external = [
      ...texts(credential.xml, 'namedCredentialParameters', 'externalCredential'),
      ...texts(credential.xml, 'externalCredential'),
    ];
    for (const name of new Set(external)) {
      if (!index.externalCredentials.has(key(name))) problems.push(`externalCredential ${name} is not in the package`);
    }
    record(results, 'named credential resolves', credential.file, problems);
  }
}

function checkFieldTargets(index: SourceIndex, results: CheckResult[]): void {
  for (const object of index.objects.values()) {
    for (const field of object.fields.values()) {
      if (field.referenceTo && isCustomName(field.referenceTo) && !objectExists(index, field.referenceTo)) {
        record(results, 'lookup targets resolve', field.file, [
          `referenceTo ${field.referenceTo} is not in the package`,
        ]);
      } else if (field.referenceTo) {
        record(results, 'lookup targets resolve', field.file, []);
      }
    }
  }
}

export function checkSecurityAndMetadata(index: SourceIndex, results: CheckResult[]): void {
  for (const permissionSet of index.permissionSets.values()) {
    record(results, 'permission set references resolve', permissionSet.file, checkPermissionSet(index, permissionSet));
  }
  checkCustomMetadataRecords(index, results);
  checkCredentials(index, results);
  checkFieldTargets(index, results);
}
