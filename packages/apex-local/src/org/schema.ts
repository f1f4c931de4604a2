/**
 * The org's schema: standard objects (standardObjects.ts) plus the custom objects, custom fields on standard
 * objects and custom metadata types read from the project's metadata (metadata.ts).
 */
import type { DmlOperation, FieldDescribe, FieldType, ObjectDescribe, PlainValue } from './api.ts';
import type { ObjectSource, ProjectMetadata, XmlNode } from './metadata.ts';
import { field, standardObjects, systemFields } from './standardObjects.ts';

const ALL_DML: ReadonlySet<DmlOperation> = new Set(['insert', 'update', 'upsert', 'delete', 'undelete']);
const NO_DML: ReadonlySet<DmlOperation> = new Set();

/** Child relationship names of the standard lookups (Object Reference). */
const STANDARD_CHILD_RELATIONSHIPS: Record<string, string> = {
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
};

export class Schema {
  private readonly objects = new Map<string, ObjectDescribe>();
  private readonly dml = new Map<string, ReadonlySet<DmlOperation>>();
  private readonly autoNumberFormats = new Map<string, string>();
  private customPrefixCounter = 0;

  static fromMetadata(meta: ProjectMetadata): Schema {
    const schema = new Schema();
    for (const spec of standardObjects()) schema.add(spec.describe, spec.dmlAllowed);
    const sources = [...meta.objects].sort((a, b) => a.name.localeCompare(b.name));
    for (const source of sources) schema.addSource(source);
    schema.linkChildRelationships();
    return schema;
  }

  describe(name: string): ObjectDescribe | undefined {
    return this.objects.get(name.toLowerCase());
  }

  all(): ObjectDescribe[] {
    return [...this.objects.values()];
  }

  dmlAllowed(name: string): ReadonlySet<DmlOperation> {
    return this.dml.get(name.toLowerCase()) ?? NO_DML;
  }

  /** e.g. 'RUN-{000000}' for an auto-number Name field */
  autoNumberFormat(objectName: string): string | undefined {
    return this.autoNumberFormats.get(objectName.toLowerCase());
  }

  byKeyPrefix(prefix: string): ObjectDescribe | undefined {
    for (const o of this.objects.values()) if (o.keyPrefix === prefix) return o;
    return undefined;
  }

  private add(d: ObjectDescribe, dml: ReadonlySet<DmlOperation>): void {
    this.objects.set(d.name.toLowerCase(), d);
    this.dml.set(d.name.toLowerCase(), dml);
  }

  private addSource(source: ObjectSource): void {
    const existing = this.describe(source.name);
    if (existing && !existing.custom) {
      // custom fields on a standard object (e.g. User.ExternalKey__c)
      for (const f of source.fields) {
        const fd = customField(f);
        existing.fields[fd.name.toLowerCase()] = fd;
      }
      return;
    }
    const isMdt = source.name.endsWith('__mdt');
    const obj = source.object ?? {};
    const isSetting = obj.customSettingsType !== undefined;
    const prefix = this.nextCustomPrefix(isMdt ? 'm' : 'a');
    const fields: FieldDescribe[] = [...systemFields()];
    if (isMdt) {
      fields.push(
        field('DeveloperName', 'string', { length: 40, required: true, label: 'Custom Metadata Record Name' }),
        field('MasterLabel', 'string', { length: 40, required: true, label: 'Label' }),
        field('Label', 'string', { length: 40, readonly: true }),
        field('Language', 'picklist', { readonly: true }),
        field('NamespacePrefix', 'string', { length: 15, readonly: true }),
        field('QualifiedApiName', 'string', { length: 70, readonly: true }),
      );
    } else {
      const nameField = obj.nameField as XmlNode | undefined;
      const isAuto = String(nameField?.type ?? 'Text') === 'AutoNumber';
      const nameDescribe = field('Name', 'string', {
        length: 80,
        readonly: isAuto,
        label: String(nameField?.label ?? 'Name'),
      });
      if (isAuto) {
        nameDescribe.autoNumber = true;
        this.autoNumberFormats.set(source.name.toLowerCase(), String(nameField?.displayFormat ?? 'A-{0}'));
      }
      fields.push(nameDescribe);
      if (isSetting)
        fields.push(
          field('SetupOwnerId', 'reference', { ref: ['Organization', 'Profile', 'User'], rel: 'SetupOwner' }),
        );
    }
    const custom = source.fields.map(customField);
    fields.push(...custom);
    const hasMaster = custom.some((f) => f.masterDetail);
    if (!isMdt && !isSetting && !hasMaster)
      fields.push(field('OwnerId', 'reference', { ref: ['User', 'Group'], rel: 'Owner', label: 'Owner' }));
    const byName: Record<string, FieldDescribe> = {};
    for (const f of fields) byName[f.name.toLowerCase()] = f;
    this.add(
      {
        name: source.name,
        label: String(obj.label ?? source.name),
        keyPrefix: prefix,
        custom: true,
        isSetup: false,
        isCustomMetadata: isMdt,
        isCustomSetting: isSetting,
        fields: byName,
        childRelationships: [],
      },
      isMdt ? NO_DML : ALL_DML,
    );
  }

  private nextCustomPrefix(letter: string): string {
    const n = this.customPrefixCounter++;
    return letter + String.fromCharCode(48 + Math.floor(n / 10)) + String(n % 10);
  }

  private linkChildRelationships(): void {
    for (const child of this.objects.values()) {
      for (const f of Object.values(child.fields)) {
        if (f.type !== 'reference' || !f.referenceTo || f.name.endsWith('ById')) continue;
        const relName = f.name.endsWith('__c')
          ? customChildRelationship.get(f)
          : STANDARD_CHILD_RELATIONSHIPS[`${child.name}.${f.name}`];
        if (!relName) continue;
        for (const parentName of f.referenceTo) {
          this.describe(parentName)?.childRelationships.push({
            relationshipName: relName,
            childObject: child.name,
            field: f.name,
          });
        }
      }
    }
  }
}

/** custom field -> child relationship name ('Changes__r'), remembered while parsing */
const customChildRelationship = new WeakMap<FieldDescribe, string>();

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function customField(node: XmlNode): FieldDescribe {
  const name = String(node.fullName);
  const type = String(node.type ?? 'Text');
  const label = str(node.label) ?? name;
  const required = str(node.required) === 'true';
  const unique = str(node.unique) === 'true';
  const externalId = str(node.externalId) === 'true';
  const length = node.length !== undefined ? Number(node.length) : undefined;
  const isFormula = node.formula !== undefined || type === 'Summary';
  const mapped = mapType(type);
  const f = field(name, mapped, {
    label,
    required: required && !isFormula,
    unique,
    externalId,
    readonly: isFormula || type === 'AutoNumber',
  });
  if (length !== undefined) f.length = length;
  else if (mapped === 'string' || mapped === 'textarea') f.length = 255; // TextArea and lengthless text hold 255
  if (mapped === 'email') f.length = 80;
  if (mapped === 'phone') f.length = 40;
  if (mapped === 'url') f.length = 255;
  if (node.precision !== undefined) f.precision = Number(node.precision);
  if (node.scale !== undefined) f.scale = Number(node.scale);
  if (str(node.caseSensitive) === 'true') f.caseSensitive = true;
  if (isFormula) f.calculated = true;
  if (type === 'AutoNumber') f.autoNumber = true;
  if (type === 'Checkbox') f.defaultValue = str(node.defaultValue) === 'true';
  else if (node.defaultValue !== undefined && !isFormula)
    f.defaultValue = literalDefault(String(node.defaultValue), mapped);
  if (type === 'Lookup' || type === 'MasterDetail' || type === 'MetadataRelationship') {
    f.referenceTo = [String(node.referenceTo)];
    f.relationshipName = name.replace(/__c$/, '__r');
    if (node.relationshipName) customChildRelationship.set(f, `${String(node.relationshipName)}__r`);
    if (type === 'MasterDetail') {
      f.masterDetail = true;
      f.required = true;
      if (str(node.reparentableMasterDetail) !== 'true') f.updateable = false;
    }
  }
  const valueSet = node.valueSet as XmlNode | undefined;
  const definition = valueSet?.valueSetDefinition as XmlNode | undefined;
  if (valueSet && definition) {
    // a global value set (valueSetName) is not read locally: such picklists accept any value
    const values = (definition.value as XmlNode[] | undefined) ?? [];
    f.picklistValues = values.map((v) => String(v.fullName));
    f.restrictedPicklist = str(valueSet.restricted) === 'true';
    const dflt = values.find((v) => str(v.default) === 'true');
    if (dflt) f.defaultValue = String(dflt.fullName);
  }
  return f;
}

function mapType(type: string): FieldType {
  switch (type) {
    case 'Text':
    case 'AutoNumber':
    case 'EncryptedText':
      return 'string';
    case 'TextArea':
    case 'LongTextArea':
    case 'Html':
      return 'textarea';
    case 'Email':
      return 'email';
    case 'Phone':
      return 'phone';
    case 'Url':
      return 'url';
    case 'Number':
    case 'Summary':
      return 'double';
    case 'Currency':
      return 'currency';
    case 'Percent':
      return 'percent';
    case 'Checkbox':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    case 'Lookup':
    case 'MasterDetail':
    case 'MetadataRelationship':
      return 'reference';
    default:
      return 'string';
  }
}

/** Field default values are formulas; the common literal forms are a quoted string, a number, true/false. */
function literalDefault(formula: string, type: FieldType): PlainValue {
  const t = formula.trim();
  if (/^".*"$/s.test(t) || /^'.*'$/s.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t) && (type === 'double' || type === 'int' || type === 'currency' || type === 'percent'))
    return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return null;
}
