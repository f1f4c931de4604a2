/**
 * Reads the sfdx source-format metadata the local org needs from the project's package directories
 * (force-app and unpackaged): objects and fields, custom metadata records, named and external credentials,
 * remote sites, permission sets and roles. Whatever is on disk at load time is read; nothing here is hard-coded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

export interface ObjectSource {
  name: string; // folder name, e.g. Invoice__c or User
  object?: XmlNode; // the CustomObject node (absent for a standard object that only adds fields)
  fields: XmlNode[]; // CustomField nodes
}

export interface CustomMetadataRecordSource {
  typeName: string; // e.g. AppSettings__mdt
  developerName: string; // Default
  label: string;
  values: Record<string, string | number | boolean | null>;
}

/** A `.namedCredential-meta.xml` file, as the NamedCredential object shows it. */
export interface NamedCredentialSource {
  developerName: string;
  label: string;
  endpoint?: string;
  description?: string;
  /** Legacy named credentials only (Anonymous, PerUser, NamedUser); absent for SecuredEndpoint ones */
  principalType?: string;
  allowMergeFieldsInBody: boolean;
  allowMergeFieldsInHeader: boolean;
  generateAuthorizationHeader: boolean;
}

/** A `.notiftype-meta.xml` file (Metadata API "CustomNotificationType"), as the CustomNotificationType object shows it. */
export interface NotificationTypeSource {
  developerName: string;
  customNotifTypeName: string;
  masterLabel: string;
  description?: string;
  desktop: boolean;
  mobile: boolean;
}

/** An `.externalCredential-meta.xml` file, as the ExternalCredential object shows it. */
export interface ExternalCredentialSource {
  developerName: string;
  label: string;
  authenticationProtocol?: string;
  description?: string;
}

export interface ProjectMetadata {
  objects: ObjectSource[];
  customMetadata: CustomMetadataRecordSource[];
  namedCredentials: Map<string, string>; // name -> endpoint URL
  namedCredentialRecords: NamedCredentialSource[];
  externalCredentials: ExternalCredentialSource[];
  notificationTypes: NotificationTypeSource[];
  remoteSites: string[]; // URLs
  permissionSets: { name: string; label: string; description?: string }[];
  roles: { developerName: string; name: string; parentRole?: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['values', 'value', 'fields', 'namedCredentialParameters'].includes(name),
});

function parseXml(file: string): XmlNode {
  return parser.parse(readFileSync(file, 'utf8')) as XmlNode;
}

/** Package directories from sfdx-project.json plus their unpackagedMetadata paths; falls back to force-app + unpackaged. */
export function packageDirectories(projectDir: string): string[] {
  const dirs = new Set<string>();
  const projectFile = join(projectDir, 'sfdx-project.json');
  if (existsSync(projectFile)) {
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
      packageDirectories?: { path: string; unpackagedMetadata?: { path: string } }[];
    };
    for (const d of project.packageDirectories ?? []) {
      dirs.add(d.path);
      if (d.unpackagedMetadata?.path) dirs.add(d.unpackagedMetadata.path);
    }
  }
  if (dirs.size === 0) ['force-app', 'unpackaged'].forEach((d) => dirs.add(d));
  return [...dirs].map((d) => join(projectDir, d)).filter((d) => existsSync(d));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'object') {
    const t = (node as XmlNode)['#text'];
    return t === undefined ? undefined : String(t);
  }
  return String(node);
}

export function loadProjectMetadata(projectDir: string): ProjectMetadata {
  const files: string[] = [];
  for (const dir of packageDirectories(projectDir)) walk(dir, files);
  const objects = new Map<string, ObjectSource>();
  const objectFor = (name: string): ObjectSource => {
    let o = objects.get(name.toLowerCase());
    if (!o) objects.set(name.toLowerCase(), (o = { name, fields: [] }));
    return o;
  };
  const meta: ProjectMetadata = {
    objects: [],
    customMetadata: [],
    namedCredentials: new Map(),
    namedCredentialRecords: [],
    externalCredentials: [],
    notificationTypes: [],
    remoteSites: [],
    permissionSets: [],
    roles: [],
  };
  for (const file of files.sort()) {
    const parts = file.split(sep);
    const name = basename(file);
    if (name.endsWith('.object-meta.xml') && parts.at(-3) === 'objects') {
      objectFor(parts.at(-2)!).object = parseXml(file).CustomObject as XmlNode;
    } else if (name.endsWith('.field-meta.xml') && parts.at(-2) === 'fields' && parts.at(-4) === 'objects') {
      const field = parseXml(file).CustomField as XmlNode;
      if (!field.fullName) field.fullName = name.replace('.field-meta.xml', '');
      objectFor(parts.at(-3)!).fields.push(field);
    } else if (name.endsWith('.md-meta.xml')) {
      meta.customMetadata.push(readCustomMetadataRecord(file));
    } else if (name.endsWith('.namedCredential-meta.xml')) {
      const record = readNamedCredential(file, name.replace('.namedCredential-meta.xml', ''));
      meta.namedCredentialRecords.push(record);
      if (record.endpoint) meta.namedCredentials.set(record.developerName, record.endpoint);
    } else if (name.endsWith('.externalCredential-meta.xml')) {
      const ec = parseXml(file).ExternalCredential as XmlNode;
      const developerName = name.replace('.externalCredential-meta.xml', '');
      meta.externalCredentials.push({
        developerName,
        label: text(ec.label) ?? developerName,
        authenticationProtocol: text(ec.authenticationProtocol),
        description: text(ec.description),
      });
    } else if (name.endsWith('.notiftype-meta.xml')) {
      meta.notificationTypes.push(readNotificationType(file, name.replace('.notiftype-meta.xml', '')));
    } else if (name.endsWith('.remoteSite-meta.xml')) {
      const rs = parseXml(file).RemoteSiteSetting as XmlNode;
      const url = text(rs.url);
      if (url && text(rs.isActive) !== 'false') meta.remoteSites.push(url);
    } else if (name.endsWith('.permissionset-meta.xml')) {
      const ps = parseXml(file).PermissionSet as XmlNode;
      const psName = name.replace('.permissionset-meta.xml', '');
      meta.permissionSets.push({
        name: psName,
        label: text(ps.label) ?? psName,
        description: text(ps.description)?.replace(/\s+/g, ' ').trim().slice(0, 255),
      });
    } else if (name.endsWith('.role-meta.xml')) {
      const role = parseXml(file).Role as XmlNode;
      const dev = name.replace('.role-meta.xml', '');
      meta.roles.push({ developerName: dev, name: text(role.name) ?? dev, parentRole: text(role.parentRole) });
    }
  }
  meta.objects = [...objects.values()];
  return meta;
}

function readNamedCredential(file: string, developerName: string): NamedCredentialSource {
  const nc = parseXml(file).NamedCredential as XmlNode;
  const flag = (node: unknown) => text(node) === 'true';
  return {
    developerName,
    label: text(nc.label) ?? developerName,
    endpoint: text(nc.endpoint) ?? namedCredentialUrlParameter(nc),
    description: text(nc.description),
    principalType: text(nc.principalType),
    allowMergeFieldsInBody: flag(nc.allowMergeFieldsInBody),
    allowMergeFieldsInHeader: flag(nc.allowMergeFieldsInHeader),
    generateAuthorizationHeader: flag(nc.generateAuthorizationHeader),
  };
}

function readNotificationType(file: string, developerName: string): NotificationTypeSource {
  const nt = parseXml(file).CustomNotificationType as XmlNode;
  const label = text(nt.masterLabel) ?? developerName;
  return {
    developerName,
    customNotifTypeName: text(nt.customNotifTypeName) ?? label,
    masterLabel: label,
    description: text(nt.description),
    desktop: text(nt.desktop) === 'true',
    mobile: text(nt.mobile) === 'true',
  };
}

function namedCredentialUrlParameter(nc: XmlNode): string | undefined {
  const params = (nc.namedCredentialParameters as XmlNode[] | undefined) ?? [];
  for (const p of params) if (text(p.parameterType) === 'Url') return text(p.parameterValue);
  return undefined;
}

function readCustomMetadataRecord(file: string): CustomMetadataRecordSource {
  const base = basename(file).replace('.md-meta.xml', '');
  const dot = base.indexOf('.');
  const typeName = base.slice(0, dot) + '__mdt';
  const developerName = base.slice(dot + 1);
  const node = parseXml(file).CustomMetadata as XmlNode;
  const values: CustomMetadataRecordSource['values'] = {};
  for (const v of (node.values as XmlNode[] | undefined) ?? []) {
    const fieldName = text(v.field)!;
    const valueNode = (v.value as unknown[] | undefined)?.[0];
    values[fieldName] = typedMetadataValue(valueNode);
  }
  return { typeName, developerName, label: text(node.label) ?? developerName, values };
}

function typedMetadataValue(node: unknown): string | number | boolean | null {
  if (node === undefined || node === null || node === '') return null;
  if (typeof node !== 'object') return String(node);
  const n = node as XmlNode;
  if (n['@xsi:nil'] === 'true') return null;
  const raw = text(n) ?? '';
  const type = String(n['@xsi:type'] ?? 'xsd:string');
  if (type === 'xsd:boolean') return raw === 'true';
  if (type === 'xsd:double' || type === 'xsd:int' || type === 'xsd:long') return Number(raw);
  return raw;
}
