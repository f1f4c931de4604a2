/**
 * The org's schema: standard objects (standardObjects.ts) plus the custom objects, custom fields on standard
 * objects and custom metadata types read from the project's metadata (metadata.ts).
 */
import type { DmlOperation, FieldDescribe, FieldType, ObjectDescribe, PlainValue } from './api.ts';
import {
  SETUP_OBJECTS,
  catalogByKeyPrefix,
  catalogDml,
  catalogFields,
  catalogKeyPrefix,
  catalogName,
  catalogNames,
  documentedChildRelationship,
  standardChildRelationships,
} from './catalog/catalog.ts';
import type { ObjectSource, ProjectMetadata, XmlNode } from './metadata.ts';
import { employeeObject, personAccountFields, type OrgFeatures } from './features.ts';
import { field, standardObjects, systemFields } from './standardObjects.ts';
import { standardFieldDefaults } from './rules/standardObjectRules.ts';

const ALL_DML: ReadonlySet<DmlOperation> = new Set(['insert', 'update', 'upsert', 'delete', 'undelete']);
const NO_DML: ReadonlySet<DmlOperation> = new Set();

/** A describe as the local org keeps it: plus the documented fields it cannot represent (LOCAL_UNSUPPORTED on use). */
export interface LocalObjectDescribe extends ObjectDescribe {
  /** lower-case field name -> 'Account.BillingAddress (address)' */
  unsupportedFields?: Record<string, string>;
}

/**
 * Standard objects come from two places: the hand-written setup objects of standardObjects.ts (their system rows,
 * setup flags, DML rules and tuned fields win) and the catalog of every documented standard object
 * (catalog/catalog.ts), whose describes are built on first use so loading an org stays cheap.
 */
export class Schema {
  private readonly objects = new Map<string, LocalObjectDescribe>();
  private readonly dml = new Map<string, ReadonlySet<DmlOperation>>();
  private readonly autoNumberFormats = new Map<string, string>();
  /** custom fields of standard objects not built yet, by lower-case object name */
  private readonly pendingFields = new Map<string, XmlNode[]>();
  /** child relationships of custom lookups, by lower-case parent name, for parents not built yet */
  private readonly pendingChildren = new Map<string, ObjectDescribe['childRelationships']>();
  /** catalog objects of features the org lacks (lower-case names) */
  private readonly hidden = new Set<string>();
  private customPrefixCounter = 0;
  private allBuilt = false;

  static fromMetadata(meta: ProjectMetadata, features: OrgFeatures = {}): Schema {
    const schema = new Schema();
    // an org without a feature has none of its objects or fields (features.ts)
    if (!features.unifiedEmployee) schema.hidden.add('employee2');
    const specs = [...standardObjects(), ...(features.unifiedEmployee ? [employeeObject()] : [])];
    for (const spec of specs) {
      const d: LocalObjectDescribe = spec.describe;
      // the catalog's documented fields the hand-written object leaves out
      const cat = catalogFields(d.name);
      // (the hand-written object decides what is required: its setup rows are seeded with exactly that)
      for (const f of cat.fields)
        if (!d.fields[f.name.toLowerCase()]) d.fields[f.name.toLowerCase()] = { ...f, required: false };
      if (cat.unsupported.size) d.unsupportedFields = unsupportedMap(d.name, cat.unsupported);
      applyStandardDefaults(d);
      for (const c of standardChildRelationships(d.name))
        if (!d.childRelationships.some((x) => x.relationshipName.toLowerCase() === c.relationshipName.toLowerCase()))
          d.childRelationships.push(c);
      schema.add(d, spec.dmlAllowed);
    }
    schema.applyFeatures(features);
    const sources = [...meta.objects].sort((a, b) => a.name.localeCompare(b.name));
    for (const source of sources) schema.addSource(source);
    schema.linkChildRelationships();
    return schema;
  }

  /** Person fields on Account where Person Accounts are enabled; none of them (nor IsPersonAccount) elsewhere. */
  private applyFeatures(features: OrgFeatures): void {
    const account = this.objects.get('account')!;
    const contact = this.objects.get('contact')!;
    if (features.personAccounts) {
      for (const f of personAccountFields()) account.fields[f.name.toLowerCase()] = f;
      contact.fields.ispersonaccount = field('IsPersonAccount', 'boolean', { readonly: true, defaultValue: false });
    } else {
      delete account.fields.ispersonaccount;
      delete contact.fields.ispersonaccount;
    }
    // the catalog lists Employee2's user lookup without its Id suffix; the object reference names it UserId
    const employee = this.objects.get('employee2');
    if (employee) delete employee.fields.user;
  }

  describe(name: string): LocalObjectDescribe | undefined {
    const ln = name.toLowerCase();
    return this.objects.get(ln) ?? this.build(ln);
  }

  /** Every object: the hand-written and custom ones plus the whole catalog (built on first call). */
  all(): ObjectDescribe[] {
    if (!this.allBuilt) {
      for (const n of catalogNames()) this.describe(n);
      this.allBuilt = true;
    }
    return [...this.objects.values()];
  }

  dmlAllowed(name: string): ReadonlySet<DmlOperation> {
    const d = this.describe(name);
    if (!d) return NO_DML;
    if (!this.dml.has(d.name.toLowerCase())) void d.fields; // a catalog object's DML follows from its fields
    return this.dml.get(d.name.toLowerCase()) ?? NO_DML;
  }

  /** e.g. 'RUN-{000000}' for an auto-number Name field */
  autoNumberFormat(objectName: string): string | undefined {
    return this.autoNumberFormats.get(objectName.toLowerCase());
  }

  byKeyPrefix(prefix: string): ObjectDescribe | undefined {
    for (const o of this.objects.values()) if (o.keyPrefix === prefix) return o;
    const name = catalogByKeyPrefix(prefix);
    const d = name ? this.describe(name) : undefined;
    return d?.keyPrefix === prefix ? d : undefined;
  }

  /** 'Account.BillingAddress (address)' when the field is documented but of a type the runtime cannot represent. */
  unsupportedField(objectName: string, fieldName: string): string | undefined {
    return this.describe(objectName)?.unsupportedFields?.[fieldName.toLowerCase()];
  }

  private add(d: ObjectDescribe, dml: ReadonlySet<DmlOperation>): void {
    this.objects.set(d.name.toLowerCase(), d);
    this.dml.set(d.name.toLowerCase(), dml);
  }

  /**
   * A catalog object's describe, made on first use. Its fields (and what depends on them) are built on first
   * access, so a global describe or an id's key-prefix lookup does not build 1,800 field maps.
   */
  private build(ln: string): LocalObjectDescribe | undefined {
    if (this.hidden.has(ln)) return undefined;
    const name = catalogName(ln);
    if (!name) return undefined;
    const d = {
      name,
      label: name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      keyPrefix: catalogKeyPrefix(name)!,
      custom: false,
      isSetup: SETUP_OBJECTS.has(ln),
      isCustomMetadata: false,
      isCustomSetting: false,
    } as LocalObjectDescribe;
    let built: { fields: Record<string, FieldDescribe>; unsupported?: Record<string, string> } | undefined;
    const materialize = () => {
      if (built) return built;
      const cat = catalogFields(name);
      const fields: Record<string, FieldDescribe> = {};
      for (const f of [...systemFields(), ...cat.fields]) fields[f.name.toLowerCase()] = f;
      for (const f of this.pendingFields.get(ln) ?? []) {
        const fd = customField(f);
        fields[fd.name.toLowerCase()] = fd;
      }
      this.pendingFields.delete(ln);
      built = { fields, unsupported: cat.unsupported.size ? unsupportedMap(name, cat.unsupported) : undefined };
      this.dml.set(ln, catalogDml(cat.fields));
      applyStandardDefaults({ name, fields } as ObjectDescribe);
      return built;
    };
    let children: ObjectDescribe['childRelationships'] | undefined;
    Object.defineProperties(d, {
      fields: { enumerable: true, get: () => materialize().fields },
      unsupportedFields: { enumerable: true, get: () => materialize().unsupported },
      childRelationships: {
        enumerable: true,
        get: () => {
          if (!children) {
            children = standardChildRelationships(name);
            children.push(...(this.pendingChildren.get(ln) ?? []));
            this.pendingChildren.delete(ln);
          }
          return children;
        },
      },
    });
    this.objects.set(ln, d);
    return d;
  }

  private addSource(source: ObjectSource): void {
    const ln = source.name.toLowerCase();
    const existing = this.objects.get(ln);
    if (existing && !existing.custom) {
      // custom fields on a standard object (e.g. User.ExternalKey__c)
      for (const f of source.fields) {
        const fd = customField(f);
        existing.fields[fd.name.toLowerCase()] = fd;
      }
      return;
    }
    if (!existing && !source.name.includes('__') && catalogName(source.name)) {
      // a catalog object: its custom fields wait until the object is first used
      this.pendingFields.set(ln, [...(this.pendingFields.get(ln) ?? []), ...source.fields]);
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

  /**
   * Child relationships of the built objects' lookups (custom lookups by their relationshipName, standard ones by
   * the documented names); a lookup to a catalog object not built yet waits in pendingChildren.
   */
  private linkChildRelationships(): void {
    const pendingCustom = [...this.pendingFields.entries()].flatMap(([objectLn, nodes]) =>
      nodes.map((n) => ({ child: catalogName(objectLn)!, f: customField(n) })),
    );
    const built = [...this.objects.values()].flatMap((child) =>
      Object.values(child.fields).map((f) => ({ child: child.name, f })),
    );
    for (const { child, f } of [...built, ...pendingCustom]) {
      if (f.type !== 'reference' || !f.referenceTo || f.name.endsWith('ById')) continue;
      const relName = f.name.endsWith('__c')
        ? customChildRelationship.get(f)
        : documentedChildRelationship(child, f.name);
      if (!relName) continue;
      for (const parentName of f.referenceTo) {
        const rel = { relationshipName: relName, childObject: child, field: f.name };
        const parent = this.objects.get(parentName.toLowerCase());
        if (parent) {
          if (!parent.childRelationships.some((c) => c.relationshipName.toLowerCase() === relName.toLowerCase()))
            parent.childRelationships.push(rel);
        } else if (catalogName(parentName)) {
          const list = this.pendingChildren.get(parentName.toLowerCase()) ?? [];
          list.push(rel);
          this.pendingChildren.set(parentName.toLowerCase(), list);
        }
      }
    }
  }
}

function unsupportedMap(objectName: string, m: Map<string, { name: string; type: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of m) out[k] = `${objectName}.${v.name} (${v.type} field)`;
  return out;
}

/** Platform defaults of standard fields the catalog marks "defaulted on create" (rules/standardObjectRules.ts). */
function applyStandardDefaults(d: ObjectDescribe): void {
  for (const [fieldName, value] of Object.entries(standardFieldDefaults(d.name))) {
    const f = d.fields[fieldName.toLowerCase()];
    if (f && f.defaultValue === undefined) f.defaultValue = value;
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
    if (type === 'Lookup') f.deleteConstraint = str(node.deleteConstraint) || 'SetNull';
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
