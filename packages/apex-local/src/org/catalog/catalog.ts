/**
 * The standard-object catalog: every standard object of the Salesforce Object Reference with its fields, their
 * documented SOAP types and properties (standard-objects.json.gz, see README.md here for its source and licence).
 * Read once per process, on first use, and turned into the org's describes (FieldDescribe) on demand.
 *
 * What the catalog does not say and this module supplies: key prefixes (the well-known ones below; every other
 * object gets a stable local prefix `z..`), child relationship names (a table of the documented ones, else the
 * child's plural for a `<Parent>Id` lookup), the setup objects of "sObjects That Can't Be Used Together in DML
 * Operations" (Apex Developer Guide) and which field types the runtime cannot represent (address, location,
 * time, base64, …): those fields are reported as LOCAL_UNSUPPORTED instead of being invented or dropped.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { DmlOperation, FieldDescribe, FieldType } from '../api.ts';

interface CatalogField {
  /** SOAP type as documented */
  t: string | null;
  /** property letters: c create, u update, n nillable, d defaulted, a autonumber, k calculated, q unique, x external id, r restricted picklist */
  p?: string;
  /** referenced object(s), comma separated */
  r?: string;
  /** maximum length, where the documentation states it */
  l?: number;
}

interface CatalogFile {
  source: string;
  objects: Record<string, { f: Record<string, CatalogField> }>;
}

interface Loaded {
  /** lower-case name -> canonical name */
  names: Map<string, string>;
  objects: Record<string, { f: Record<string, CatalogField> }>;
  prefixes: Map<string, string>;
  byPrefix: Map<string, string>;
  children: Map<string, { relationshipName: string; childObject: string; field: string }[]> | undefined;
  loadMs: number;
}

let loaded: Loaded | undefined;

const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Key prefixes of the standard objects code commonly checks (`Id.startsWith('001')`), from real org ids. The
 * local org's own setup objects (standardObjects.ts) keep theirs.
 */
const KNOWN_PREFIXES: Record<string, string> = {
  Account: '001',
  Note: '002',
  Contact: '003',
  Opportunity: '006',
  OpportunityHistory: '008',
  Document: '015',
  Folder: '00l',
  EmailTemplate: '00X',
  Attachment: '00P',
  Lead: '00Q',
  Task: '00T',
  Event: '00U',
  CaseComment: '00a',
  OpportunityLineItem: '00k',
  OpportunityContactRole: '00K',
  OpportunityTeamMember: '00q',
  CampaignMember: '00v',
  Report: '00O',
  RecordType: '012',
  AccountTeamMember: '01M',
  BusinessHours: '01m',
  Pricebook2: '01s',
  Product2: '01t',
  PricebookEntry: '01u',
  Dashboard: '01Z',
  ApexTrigger: '01q',
  Period: '026',
  Asset: '02i',
  EmailMessage: '02s',
  QueueSobject: '03g',
  ProcessInstance: '04g',
  ProcessInstanceStep: '04h',
  ProcessInstanceWorkitem: '04i',
  ApexPage: '066',
  ContentVersion: '068',
  ContentDocument: '069',
  ContentDocumentLink: '06A',
  AccountContactRelation: '07k',
  StaticResource: '081',
  Idea: '087',
  OrgWideEmailAddress: '0D2',
  FeedItem: '0D5',
  FeedComment: '0D7',
  EntitySubscription: '0E8',
  CollaborationGroup: '0F9',
  CollaborationGroupMember: '0FB',
  TopicAssignment: '0FT',
  Individual: '0PK',
  PermissionSetGroup: '0PG',
  Quote: '0Q0',
  QuoteLineItem: '0QL',
  Topic: '0TO',
  WorkOrder: '0WO',
  Case: '500',
  Solution: '501',
  Entitlement: '550',
  Campaign: '701',
  Contract: '800',
  Order: '801',
  OrderItem: '802',
  ServiceContract: '810',
};

/** Child relationship names the Object Reference documents that the plural rule would not find. */
const CHILD_RELATIONSHIPS: Record<string, string> = {
  'Contact.AccountId': 'Contacts',
  'User.ProfileId': 'Users',
  'User.ContactId': 'Users',
  'User.UserRoleId': 'Users',
  'User.ManagerId': 'ManagedUsers',
  'PermissionSetAssignment.AssigneeId': 'PermissionSetAssignments',
  'PermissionSetAssignment.PermissionSetId': 'Assignments',
  'GroupMember.GroupId': 'GroupMembers',
  'Profile.UserLicenseId': 'Profiles',
  'UserLogin.UserId': 'UserLogins',
  'UserRole.ParentRoleId': 'ChildRoles',
  'AsyncApexJob.ApexClassId': 'AsyncApexJobs',
  'Account.ParentId': 'ChildAccounts',
  'Case.ParentId': 'Cases',
  'Contact.ReportsToId': 'ReportsToContacts',
  'Task.WhatId': 'Tasks',
  'Task.WhoId': 'Tasks',
  'Event.WhatId': 'Events',
  'Event.WhoId': 'Events',
  'Attachment.ParentId': 'Attachments',
  'Note.ParentId': 'Notes',
  'CaseComment.ParentId': 'CaseComments',
  'EmailMessage.ParentId': 'EmailMessages',
  'FeedItem.ParentId': 'Feeds',
  'ContentDocumentLink.LinkedEntityId': 'ContentDocumentLinks',
  'ContentVersion.ContentDocumentId': 'ContentVersions',
  'OpportunityLineItem.OpportunityId': 'OpportunityLineItems',
  'OrderItem.OrderId': 'OrderItems',
  'QuoteLineItem.QuoteId': 'QuoteLineItems',
  'CampaignMember.CampaignId': 'CampaignMembers',
  'CampaignMember.ContactId': 'CampaignMembers',
  'CampaignMember.LeadId': 'CampaignMembers',
  'AccountContactRelation.ContactId': 'AccountContactRelations',
  'AccountContactRelation.AccountId': 'AccountContactRelations',
  'ProcessInstance.TargetObjectId': 'ProcessInstances',
  'ProcessInstanceStep.ProcessInstanceId': 'Steps',
  'ProcessInstanceWorkitem.ProcessInstanceId': 'Workitems',
  'CollaborationGroupMember.CollaborationGroupId': 'GroupMembers',
};

/**
 * "sObjects That Can't Be Used Together in DML Operations" (Apex Developer Guide, apex_dml_non_mix_sobjects).
 */
export const SETUP_OBJECTS = new Set(
  [
    'FieldPermissions',
    'Group',
    'GroupMember',
    'ObjectPermissions',
    'ObjectTerritory2AssignmentRule',
    'ObjectTerritory2AssignmentRuleItem',
    'PermissionSet',
    'PermissionSetAssignment',
    'PermissionSetGroup',
    'PermissionSetGroupComponent',
    'PermissionSetLicenseAssign',
    'QueueSobject',
    'RuleTerritory2Association',
    'SetupEntityAccess',
    'Territory2',
    'Territory2Model',
    'User',
    'UserPackageLicense',
    'UserRole',
    'UserTerritory2Association',
  ].map((n) => n.toLowerCase()),
);

/**
 * Fields the catalog lists as required on create (not nillable, not defaulted) that a real org fills or does not
 * require: the default business hours, the default record type, ids the platform sets, alternatives (a campaign
 * member names a Contact or a Lead).
 */
const NOT_REQUIRED = new Set([
  'Case.BusinessHoursId',
  'CampaignMember.AccountId',
  'PricebookEntry.ProductSellingModelId',
  'OrderItem.QuoteLineItemId',
  'OrderItem.RelatedOrderItemID',
  'Contract.SourceQuoteId',
  'ContentVersion.ContentDocumentId',
  'Group.QueueRoutingConfigId',
]);

/** Documented SOAP types -> the org's field types; anything else is a type the runtime cannot represent. */
const TYPES: Record<string, FieldType> = {
  string: 'string',
  text: 'string',
  escapedstring: 'string',
  encryptedstring: 'string',
  character: 'string',
  ip: 'string',
  'string (derived)': 'string',
  textarea: 'textarea',
  'textarea (max length 4000)': 'textarea',
  email: 'email',
  phone: 'phone',
  url: 'url',
  picklist: 'picklist',
  combobox: 'picklist',
  'dynamic picklist': 'picklist',
  enum: 'picklist',
  multipicklist: 'multipicklist',
  boolean: 'boolean',
  check: 'boolean',
  int: 'int',
  integer: 'int',
  double: 'double',
  number: 'double',
  currency: 'currency',
  percent: 'percent',
  date: 'date',
  datetime: 'datetime',
  id: 'reference',
  reference: 'reference',
  entityid: 'reference',
  'foreignkey (user)': 'reference',
  'foreignkey (location)': 'reference',
  'reference to a workgoal object': 'reference',
};

function load(): Loaded {
  if (loaded) return loaded;
  const t0 = performance.now();
  const raw = gunzipSync(new Uint8Array(readFileSync(new URL('./standard-objects.json.gz', import.meta.url))));
  const file = JSON.parse(raw.toString('utf8')) as CatalogFile;
  const names = new Map<string, string>();
  for (const n of Object.keys(file.objects)) if (IDENT.test(n) && !/__[a-z]+$/i.test(n)) names.set(n.toLowerCase(), n);
  const prefixes = new Map<string, string>();
  const byPrefix = new Map<string, string>();
  for (const [n, p] of Object.entries(KNOWN_PREFIXES)) {
    prefixes.set(n.toLowerCase(), p);
    byPrefix.set(p, n);
  }
  // every other object: a stable local prefix 'z' + two base-62 digits, in name order (see DIVERGENCES.md)
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let i = 0;
  for (const n of [...names.values()].sort()) {
    if (prefixes.has(n.toLowerCase())) continue;
    const p = (i < 3844 ? 'z' : 'y') + B62[Math.floor((i % 3844) / 62)] + B62[i % 62];
    i++;
    prefixes.set(n.toLowerCase(), p);
    byPrefix.set(p, n);
  }
  loaded = { names, objects: file.objects, prefixes, byPrefix, children: undefined, loadMs: 0 };
  loaded.loadMs = performance.now() - t0;
  return loaded;
}

/** Canonical name of a catalog object, case-insensitively; undefined when the catalog does not list it. */
export function catalogName(name: string): string | undefined {
  return load().names.get(name.toLowerCase());
}

export function catalogNames(): string[] {
  return [...load().names.values()];
}

export function catalogKeyPrefix(name: string): string | undefined {
  return load().prefixes.get(name.toLowerCase());
}

export function catalogByKeyPrefix(prefix: string): string | undefined {
  return load().byPrefix.get(prefix);
}

/** How long reading and parsing the catalog took (ms), for the README's numbers. */
export function catalogLoadMs(): number {
  return load().loadMs;
}

function referenceTo(objectName: string, fieldName: string, f: CatalogField): string[] | undefined {
  if (f.r) {
    const refs = f.r
      .split(',')
      .map((s) => s.trim())
      .filter((s) => IDENT.test(s));
    return refs.length ? refs : undefined;
  }
  if (/reference to a (\w+) object/i.test(f.t ?? '')) return [/reference to a (\w+) object/i.exec(f.t!)![1]];
  if (fieldName.endsWith('Id')) {
    const guess = fieldName.slice(0, -2);
    const known = catalogName(guess);
    if (known) return [known];
    if (guess === 'Parent' || guess === 'MasterRecord') return [objectName];
  }
  return undefined;
}

export interface CatalogFields {
  fields: FieldDescribe[];
  /** lower-case field name -> its documented type, for fields of a type the runtime cannot represent */
  unsupported: Map<string, { name: string; type: string }>;
}

/** The object's documented fields as FieldDescribes (system audit fields are added by the schema). */
export function catalogFields(objectName: string): CatalogFields {
  const L = load();
  const canonical = L.names.get(objectName.toLowerCase());
  const out: CatalogFields = { fields: [], unsupported: new Map() };
  if (!canonical) return out;
  for (const [name, f] of Object.entries(L.objects[canonical].f)) {
    if (!IDENT.test(name) || name === 'Id') continue;
    const t = (f.t ?? '').toLowerCase();
    let type: FieldType | undefined = TYPES[t];
    if (t === 'id' && !name.endsWith('Id') && !name.endsWith('ID')) type = 'string';
    if (!type) {
      out.unsupported.set(name.toLowerCase(), { name, type: f.t ?? 'undocumented' });
      continue;
    }
    const p = f.p ?? '';
    const createable = p.includes('c');
    const updateable = p.includes('u');
    const d: FieldDescribe = {
      name,
      label: labelFromName(name),
      type,
      required:
        createable &&
        !p.includes('n') &&
        !p.includes('d') &&
        type !== 'boolean' &&
        name !== 'RecordTypeId' &&
        !NOT_REQUIRED.has(`${canonical}.${name}`),
      unique: p.includes('q'),
      externalId: p.includes('x'),
      createable,
      updateable,
    };
    if (f.l !== undefined) d.length = f.l;
    else if (type === 'email') d.length = 80;
    else if (type === 'phone') d.length = 40;
    if (p.includes('a')) d.autoNumber = true;
    if (p.includes('k')) d.calculated = true;
    if (type === 'reference') {
      const refs = referenceTo(canonical, name, f);
      if (refs) {
        d.referenceTo = refs;
        d.relationshipName = name.endsWith('Id') ? name.slice(0, -2) : name;
      }
    }
    out.fields.push(d);
  }
  return out;
}

function labelFromName(name: string): string {
  const idRef = /[a-z]Id$/.test(name);
  const base = (idRef ? name.slice(0, -2) : name).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return idRef ? `${base} ID` : base;
}

/** DML the platform allows on a catalog object: inferred from whether any field can be created or updated. */
export function catalogDml(fields: FieldDescribe[]): ReadonlySet<DmlOperation> {
  const ops = new Set<DmlOperation>();
  if (fields.some((f) => f.createable))
    ['insert', 'upsert', 'delete', 'undelete'].forEach((o) => ops.add(o as DmlOperation));
  if (fields.some((f) => f.updateable)) ops.add('update');
  return ops;
}

function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return name.slice(0, -1) + 'ies';
  if (/(s|x|ch|sh)$/.test(name)) return name + 'es';
  return name + 's';
}

/**
 * Standard child relationships of a parent object, from the whole catalog (built once): the documented names of
 * CHILD_RELATIONSHIPS, else the child's plural for a lookup named `<Parent>Id` (Opportunity.AccountId ->
 * Account.Opportunities).
 */
export function standardChildRelationships(
  parentName: string,
): { relationshipName: string; childObject: string; field: string }[] {
  const L = load();
  if (!L.children) {
    const children = new Map<string, { relationshipName: string; childObject: string; field: string }[]>();
    for (const child of L.names.values()) {
      for (const [fname, f] of Object.entries(L.objects[child].f)) {
        if (!fname.endsWith('Id') || fname.endsWith('ById') || !IDENT.test(fname)) continue;
        const t = (f.t ?? '').toLowerCase();
        if (TYPES[t] !== 'reference') continue;
        const refs = referenceTo(child, fname, f) ?? [];
        const documented = CHILD_RELATIONSHIPS[`${child}.${fname}`];
        for (const parent of refs) {
          const rel = documented ?? (fname === `${parent}Id` ? plural(child) : undefined);
          if (!rel) continue;
          const key = parent.toLowerCase();
          const list = children.get(key) ?? [];
          if (!list.some((c) => c.relationshipName.toLowerCase() === rel.toLowerCase()))
            list.push({ relationshipName: rel, childObject: child, field: fname });
          children.set(key, list);
        }
      }
    }
    L.children = children;
  }
  return (L.children.get(parentName.toLowerCase()) ?? []).map((c) => ({ ...c }));
}

/** Documented child relationships for the local org's own objects that the catalog may not list. */
export function documentedChildRelationship(childObject: string, field: string): string | undefined {
  return CHILD_RELATIONSHIPS[`${childObject}.${field}`];
}
