import { readFileSync } from 'node:fs';
import path from 'node:path';
import { record, type CheckResult } from '../result.ts';
import { customDataObjects, key, type NamedFile, type SourceIndex } from '../sourceIndex.ts';
import { children, text, texts, type XmlNode } from '../xml.ts';
import { externalCredentialPrincipals } from './security.ts';
import { lwcReferences } from './ui.ts';

/**
 * Do the package's permission sets grant what its screens and its job touch?
 *
 * - EntraSyncAdmin (people using the admin app): read on every custom object and field of the data model, the Apex
 *   classes the LWCs call, the app and its tabs, the custom metadata types the screens edit, and callouts (Run now and
 *   Test connection enqueue/call as the admin).
 * - EntraSyncIntegration (the user the scheduled job runs as): read/create/edit on the run-log and state objects, edit
 *   on User.EntraSyncObjectId__c, the custom metadata types, and callouts.
 *
 * Callouts through a named credential need the external credential principal in a permission set ("At run time,
 * Salesforce ensures that the user has the permission set before accessing the remote system" — Help: Enable External
 * Credential Principals) and, for OAuth 2.0 named principals, Modify All on User External Credentials so refreshed
 * tokens can be stored (Help: Permission Concepts for User External Credentials).
 */

export const ADMIN_PERMISSION_SET = 'EntraSyncAdmin';
export const INTEGRATION_PERMISSION_SET = 'EntraSyncIntegration';
export const GRAPH_EXTERNAL_CREDENTIAL = 'EntraSyncGraphAuth';

interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  modifyAll: boolean;
}

function objectAccess(permissionSet: XmlNode, objectName: string): ObjectAccess {
  const grant = children(permissionSet, 'objectPermissions').find(
    (g) => key(text(g, 'object') ?? '') === key(objectName),
  );
  const flag = (name: string): boolean => text(grant, name) === 'true';
  return {
    read: flag('allowRead'),
    create: flag('allowCreate'),
    edit: flag('allowEdit'),
    modifyAll: flag('modifyAllRecords'),
  };
}

function fieldAccess(permissionSet: XmlNode, reference: string): { readable: boolean; editable: boolean } {
  const grant = children(permissionSet, 'fieldPermissions').find((g) => key(text(g, 'field') ?? '') === key(reference));
  return { readable: text(grant, 'readable') === 'true', editable: text(grant, 'editable') === 'true' };
}

const enabledNames = (permissionSet: XmlNode, element: string, nameTag: string, flagTag: string): Set<string> =>
  new Set(
    children(permissionSet, element)
      .filter((g) => text(g, flagTag) === 'true')
      .map((g) => key(text(g, nameTag) ?? '')),
  );

/** Fields a permission set can grant (required and master-detail fields are always accessible). */
function grantableFields(index: SourceIndex, objectNames: string[]): { reference: string; readOnly: boolean }[] {
  return objectNames.flatMap((objectName) =>
    [...(index.objects.get(key(objectName))?.fields.values() ?? [])]
      .filter((field) => !field.required && field.type !== 'MasterDetail')
      .map((field) => ({
        reference: `${objectName}.${field.name}`,
        readOnly: field.formula || field.type === 'Summary',
      })),
  );
}

/** Custom fields the package adds to standard objects (e.g. User.EntraSyncObjectId__c). */
function standardObjectFields(index: SourceIndex): string[] {
  return [...index.objects.values()].filter((object) => !object.file).map((object) => object.name);
}

function calloutProblems(index: SourceIndex, permissionSet: XmlNode, why: string): string[] {
  const problems: string[] = [];
  const credential = index.externalCredentials.get(key(GRAPH_EXTERNAL_CREDENTIAL));
  if (!credential) return [`external credential ${GRAPH_EXTERNAL_CREDENTIAL} is not in the package (${why})`];
  const principals = [...externalCredentialPrincipals(credential.xml)];
  const granted = enabledNames(
    permissionSet,
    'externalCredentialPrincipalAccesses',
    'externalCredentialPrincipal',
    'enabled',
  );
  const grantedPrincipals = [...granted]
    .filter((reference) => reference.startsWith(`${key(GRAPH_EXTERNAL_CREDENTIAL)}-`))
    .map((reference) => reference.slice(GRAPH_EXTERNAL_CREDENTIAL.length + 1).trim());
  if (!grantedPrincipals.some((principal) => principals.includes(principal))) {
    problems.push(
      `externalCredentialPrincipalAccesses: no enabled ${GRAPH_EXTERNAL_CREDENTIAL}-<principal> (principals: ${principals.join(', ') || 'none'}) — ${why}`,
    );
  }
  if (!objectAccess(permissionSet, 'UserExternalCredential').modifyAll) {
    problems.push(
      `objectPermissions UserExternalCredential: Modify All is needed to store refreshed OAuth tokens — ${why}`,
    );
  }
  return problems;
}

function adminProblems(index: SourceIndex, permissionSet: XmlNode): string[] {
  const problems: string[] = [];
  const objects = customDataObjects(index).map((object) => object.name);
  for (const objectName of objects) {
    if (!objectAccess(permissionSet, objectName).read)
      problems.push(
        `objectPermissions ${objectName}: allowRead missing (admins read every object of the data model: screens, reports, troubleshooting)`,
      );
  }
  for (const field of grantableFields(index, [...objects, ...standardObjectFields(index)])) {
    if (!fieldAccess(permissionSet, field.reference).readable)
      problems.push(`fieldPermissions ${field.reference}: readable missing`);
  }
  const classes = new Set(texts(permissionSet, 'classAccesses', 'apexClass').map(key));
  for (const className of apexClassesCalledByLwc(index)) {
    if (!classes.has(key(className))) problems.push(`classAccesses ${className}: missing (the admin LWCs call it)`);
  }
  const visibleTabs = new Set(
    children(permissionSet, 'tabSettings')
      .filter((g) => /^(Visible|DefaultOn|Available)$/.test(text(g, 'visibility') ?? ''))
      .map((g) => key(text(g, 'tab') ?? '')),
  );
  for (const tab of index.tabs.values()) {
    if (!visibleTabs.has(key(tab.name))) problems.push(`tabSettings ${tab.name}: not visible`);
  }
  const visibleApps = enabledNames(permissionSet, 'applicationVisibilities', 'application', 'visible');
  for (const app of index.applications.values()) {
    if (!visibleApps.has(key(app.name))) problems.push(`applicationVisibilities ${app.name}: not visible`);
  }
  problems.push(...customMetadataProblems(index, permissionSet));
  problems.push(...calloutProblems(index, permissionSet, 'Run now and Test connection call Graph as the admin'));
  return problems;
}

/** Classes the package's LWCs import as `@salesforce/apex/Class.method` and that exist in the package. */
export function apexClassesCalledByLwc(index: SourceIndex): string[] {
  const names = new Map<string, string>();
  for (const bundle of index.lwc.values()) {
    for (const file of bundle.files.filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))) {
      for (const reference of lwcReferences(readFileSync(path.join(bundle.dir, file), 'utf8'))) {
        const className = reference.name.split('.')[0] ?? '';
        const known = index.classes.get(key(className));
        if (reference.kind === 'apex' && known) names.set(key(className), known.name);
      }
    }
  }
  return [...names.values()].sort();
}

function customMetadataProblems(index: SourceIndex, permissionSet: XmlNode): string[] {
  const granted = enabledNames(permissionSet, 'customMetadataTypeAccesses', 'name', 'enabled');
  return [...index.objects.values()]
    .filter((object) => object.file && object.name.toLowerCase().endsWith('__mdt') && !granted.has(key(object.name)))
    .map((object) => `customMetadataTypeAccesses ${object.name}: missing`);
}

function integrationProblems(index: SourceIndex, permissionSet: XmlNode): string[] {
  const problems: string[] = [];
  for (const object of customDataObjects(index)) {
    const access = objectAccess(permissionSet, object.name);
    const missing = (['read', 'create', 'edit'] as const).filter((right) => !access[right]);
    if (missing.length > 0)
      problems.push(
        `objectPermissions ${object.name}: ${missing.join('/')} missing (the job writes runs, changes and state)`,
      );
  }
  for (const objectName of standardObjectFields(index)) {
    for (const field of grantableFields(index, [objectName])) {
      const access = fieldAccess(permissionSet, field.reference);
      if (!access.readable || (!field.readOnly && !access.editable)) {
        problems.push(
          `fieldPermissions ${field.reference}: ${field.readOnly ? 'readable' : 'readable and editable'} needed (the job links users)`,
        );
      }
    }
  }
  problems.push(...customMetadataProblems(index, permissionSet));
  problems.push(...calloutProblems(index, permissionSet, 'the scheduled job calls Graph as the integration user'));
  return problems;
}

export function checkGrants(index: SourceIndex, results: CheckResult[]): void {
  const expected: [string, (index: SourceIndex, xml: XmlNode) => string[]][] = [
    [ADMIN_PERMISSION_SET, adminProblems],
    [INTEGRATION_PERMISSION_SET, integrationProblems],
  ];
  for (const [name, problemsOf] of expected) {
    const permissionSet: NamedFile | undefined = index.permissionSets.get(key(name));
    if (!permissionSet) {
      record(results, 'permission set grants what the package needs', index.root, [
        `permission set ${name} is not in the package (expected <feature>/permissionsets/${name}.permissionset-meta.xml)`,
      ]);
      continue;
    }
    record(
      results,
      'permission set grants what the package needs',
      permissionSet.file,
      problemsOf(index, permissionSet.xml),
    );
  }
}
