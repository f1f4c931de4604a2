import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isTestClassSource } from '../org/lib/apexClasses.ts';
import { readMetadataXml, text, texts, type XmlNode } from './xml.ts';

/**
 * Everything in a package directory that other metadata can point at, read from source format once so every check
 * resolves names against the same picture. Names are kept as written; lookups are case-insensitive like the platform's.
 */

export interface FieldInfo {
  name: string;
  object: string;
  file: string;
  type: string;
  required: boolean;
  formula: boolean;
  referenceTo?: string;
  relationshipName?: string;
  /** API names of a picklist's own values (empty for global value sets and other types) */
  picklistValues: string[];
}

export interface ObjectInfo {
  name: string;
  /** the `.object-meta.xml`, absent for standard objects that only carry our custom fields (objects/User/fields/…) */
  file?: string;
  fields: Map<string, FieldInfo>;
}

export interface NamedFile {
  name: string;
  file: string;
  xml: XmlNode;
}

export interface ApexClassInfo {
  name: string;
  file: string;
  isTest: boolean;
  source: string;
  auraEnabledMethods: Set<string>;
}

export interface LwcBundle {
  name: string;
  dir: string;
  files: string[];
}

export interface SourceIndex {
  root: string;
  objects: Map<string, ObjectInfo>;
  listViews: (NamedFile & { object: string })[];
  compactLayouts: (NamedFile & { object: string })[];
  layouts: (NamedFile & { object: string })[];
  reportTypes: Map<string, NamedFile>;
  reports: Map<string, NamedFile>;
  dashboards: Map<string, NamedFile>;
  flexiPages: Map<string, NamedFile>;
  tabs: Map<string, NamedFile>;
  applications: Map<string, NamedFile>;
  permissionSets: Map<string, NamedFile>;
  customPermissions: Map<string, NamedFile>;
  externalCredentials: Map<string, NamedFile>;
  namedCredentials: Map<string, NamedFile>;
  customMetadataRecords: (NamedFile & { type: string })[];
  customLabels: Set<string>;
  classes: Map<string, ApexClassInfo>;
  lwc: Map<string, LwcBundle>;
  /** every file below root, relative paths with `/` */
  allFiles: string[];
}

export const key = (name: string): string => name.toLowerCase();

function emptyIndex(root: string): SourceIndex {
  return {
    root,
    objects: new Map(),
    listViews: [],
    compactLayouts: [],
    layouts: [],
    reportTypes: new Map(),
    reports: new Map(),
    dashboards: new Map(),
    flexiPages: new Map(),
    tabs: new Map(),
    applications: new Map(),
    permissionSets: new Map(),
    customPermissions: new Map(),
    externalCredentials: new Map(),
    namedCredentials: new Map(),
    customMetadataRecords: [],
    customLabels: new Set(),
    classes: new Map(),
    lwc: new Map(),
    allFiles: [],
  };
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (statSync(root, { throwIfNoEntry: false })?.isDirectory()) walk(root);
  return out.sort();
}

function objectFor(index: SourceIndex, name: string): ObjectInfo {
  const existing = index.objects.get(key(name));
  if (existing) return existing;
  const created: ObjectInfo = { name, fields: new Map() };
  index.objects.set(key(name), created);
  return created;
}

/** `@AuraEnabled(cacheable=true) public static List<X> getRuns(` → getRuns */
export function auraEnabledMethods(source: string): Set<string> {
  const names = new Set<string>();
  const pattern =
    /@AuraEnabled\b(?:\s*\([^)]*\))?\s+((?:public|global|static|override|virtual)\s+)+[\w<>,.\s[\]]+?\s+(\w+)\s*\(/gi;
  for (const match of source.matchAll(pattern)) {
    if (match[2]) names.add(match[2]);
  }
  return names;
}

const parentDirName = (file: string, levelsUp: number): string => {
  let dir = path.dirname(file);
  for (let i = 1; i < levelsUp; i++) dir = path.dirname(dir);
  return path.basename(dir);
};

const stripSuffix = (file: string, suffix: string): string => path.basename(file).slice(0, -suffix.length);

export function buildSourceIndex(root: string): SourceIndex {
  const index = emptyIndex(root);
  const files = listFiles(root);
  index.allFiles = files.map((file) => path.relative(root, file).split(path.sep).join('/'));

  for (const file of files) {
    const base = path.basename(file);
    const named = (suffix: string): NamedFile => ({
      name: stripSuffix(file, suffix),
      file,
      xml: readMetadataXml(file),
    });

    if (base.endsWith('.object-meta.xml')) {
      objectFor(index, stripSuffix(file, '.object-meta.xml')).file = file;
    } else if (base.endsWith('.field-meta.xml')) {
      const objectName = parentDirName(file, 2);
      const xml = readMetadataXml(file);
      const field: FieldInfo = {
        name: stripSuffix(file, '.field-meta.xml'),
        object: objectName,
        file,
        type: text(xml, 'type') ?? '',
        required: text(xml, 'required') === 'true',
        formula: text(xml, 'formula') !== undefined,
        referenceTo: text(xml, 'referenceTo'),
        relationshipName: text(xml, 'relationshipName'),
        picklistValues: texts(xml, 'valueSet', 'valueSetDefinition', 'value', 'fullName'),
      };
      objectFor(index, objectName).fields.set(key(field.name), field);
    } else if (base.endsWith('.listView-meta.xml')) {
      index.listViews.push({ ...named('.listView-meta.xml'), object: parentDirName(file, 2) });
    } else if (base.endsWith('.compactLayout-meta.xml')) {
      index.compactLayouts.push({ ...named('.compactLayout-meta.xml'), object: parentDirName(file, 2) });
    } else if (base.endsWith('.layout-meta.xml')) {
      const layout = named('.layout-meta.xml');
      index.layouts.push({ ...layout, object: layout.name.split('-')[0] ?? layout.name });
    } else if (base.endsWith('.reportType-meta.xml')) {
      const reportType = named('.reportType-meta.xml');
      index.reportTypes.set(key(reportType.name), reportType);
    } else if (base.endsWith('.report-meta.xml')) {
      const report = named('.report-meta.xml');
      const fullName = `${parentDirName(file, 1)}/${report.name}`;
      index.reports.set(key(fullName), { ...report, name: fullName });
    } else if (base.endsWith('.dashboard-meta.xml')) {
      const dashboard = named('.dashboard-meta.xml');
      const fullName = `${parentDirName(file, 1)}/${dashboard.name}`;
      index.dashboards.set(key(fullName), { ...dashboard, name: fullName });
    } else if (base.endsWith('.flexipage-meta.xml')) {
      const page = named('.flexipage-meta.xml');
      index.flexiPages.set(key(page.name), page);
    } else if (base.endsWith('.tab-meta.xml')) {
      const tab = named('.tab-meta.xml');
      index.tabs.set(key(tab.name), tab);
    } else if (base.endsWith('.app-meta.xml')) {
      const app = named('.app-meta.xml');
      index.applications.set(key(app.name), app);
    } else if (base.endsWith('.permissionset-meta.xml')) {
      const permissionSet = named('.permissionset-meta.xml');
      index.permissionSets.set(key(permissionSet.name), permissionSet);
    } else if (base.endsWith('.customPermission-meta.xml')) {
      const permission = named('.customPermission-meta.xml');
      index.customPermissions.set(key(permission.name), permission);
    } else if (base.endsWith('.externalCredential-meta.xml')) {
      const credential = named('.externalCredential-meta.xml');
      index.externalCredentials.set(key(credential.name), credential);
    } else if (base.endsWith('.namedCredential-meta.xml')) {
      const credential = named('.namedCredential-meta.xml');
      index.namedCredentials.set(key(credential.name), credential);
    } else if (base.endsWith('.md-meta.xml') && parentDirName(file, 1) === 'customMetadata') {
      const record = named('.md-meta.xml');
      index.customMetadataRecords.push({ ...record, type: `${record.name.split('.')[0] ?? ''}__mdt` });
    } else if (base.endsWith('.labels-meta.xml')) {
      for (const label of texts(readMetadataXml(file), 'labels', 'fullName')) index.customLabels.add(key(label));
    } else if (base.endsWith('.cls')) {
      const source = readFileSync(file, 'utf8');
      const name = base.slice(0, -4);
      index.classes.set(key(name), {
        name,
        file,
        isTest: isTestClassSource(source),
        source,
        auraEnabledMethods: auraEnabledMethods(source),
      });
    }
    const lwcMatch = /(?:^|\/)lwc\/([^/]+)\/[^/]+$/.exec(file.split(path.sep).join('/'));
    if (lwcMatch?.[1] && !file.includes(`${path.sep}__tests__${path.sep}`)) {
      const name = lwcMatch[1];
      const bundle = index.lwc.get(key(name)) ?? { name, dir: path.dirname(file), files: [] };
      bundle.files.push(base);
      index.lwc.set(key(name), bundle);
    }
  }
  // an LWC bundle is a folder with a js-meta.xml; shared .d.ts or tsconfig files next to bundles are not bundles
  for (const [name, bundle] of index.lwc) {
    if (!bundle.files.some((file) => file.endsWith('.js-meta.xml'))) index.lwc.delete(name);
  }
  return index;
}

/** Objects that are ours (custom objects defined in the package), excluding custom metadata types. */
export function customDataObjects(index: SourceIndex): ObjectInfo[] {
  return [...index.objects.values()].filter((object) => object.file && object.name.endsWith('__c'));
}
