/**
 * Minimal Schema describe (Apex Reference Guide, "Schema Namespace"): SObjectType tokens, DescribeSObjectResult,
 * `fields.getMap()`, SObjectField tokens and DescribeFieldResult.
 */
import type { ExecutionContext } from '../interp/context.ts';
import { CPU_US } from '../interp/cpu.ts';
import type { FieldDescribe, FieldType, ObjectDescribe } from '../../org/api.ts';
import { ListV, MapV, NativeV, T, int, type TypeDesc, type Value } from '../values.ts';
import { str } from './args.ts';
import { enumValue, DISPLAY_TYPES } from './enums.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn } from './types.ts';

const DISPLAY: Record<FieldType, string> = {
  id: 'ID',
  string: 'STRING',
  textarea: 'TEXTAREA',
  email: 'EMAIL',
  phone: 'PHONE',
  url: 'URL',
  picklist: 'PICKLIST',
  multipicklist: 'MULTIPICKLIST',
  boolean: 'BOOLEAN',
  int: 'INTEGER',
  double: 'DOUBLE',
  currency: 'CURRENCY',
  percent: 'PERCENT',
  date: 'DATE',
  datetime: 'DATETIME',
  reference: 'REFERENCE',
};

function describeOf(ix: ExecutionContext, name: string): ObjectDescribe {
  const d = ix.org.describe(name);
  if (!d) return ix.fail('System.SObjectException', `Invalid sObject type: ${name}`);
  return d;
}

const sobjectToken = (name: string) => new NativeV('Schema.SObjectType', { name });
const fieldToken = (object: string, field: string) => new NativeV('Schema.SObjectField', { object, field });
const describeResult = (name: string) => new NativeV('Schema.DescribeSObjectResult', { name });
const fieldDescribe = (object: string, f: FieldDescribe) => new NativeV('Schema.DescribeFieldResult', { object, f });

/** a DescribeSObjectResult, charged as the platform's describe call costs (interp/cpu.ts) */
function chargedDescribe(ix: ExecutionContext, name: string): NativeV {
  ix.chargeCpu(CPU_US.describeSObject);
  return describeResult(name);
}

/** a DescribeFieldResult, charged as the platform's describe call costs (interp/cpu.ts) */
function chargedFieldDescribe(ix: ExecutionContext, object: string, f: FieldDescribe): NativeV {
  ix.chargeCpu(CPU_US.describeField);
  return fieldDescribe(object, f);
}

const tokenMethods: Record<string, MethodFn> = {
  getdescribe: (ix, t: NativeV) => chargedDescribe(ix, t.data.name),
  newsobject: (ix, t: NativeV, [id]) => {
    const so = ix.sobjects.create(t.data.name);
    if (typeof id === 'string') ix.sobjects.put(so, 'Id', id);
    return so;
  },
  tostring: (_ix, t: NativeV) => t.data.name,
  equals: (_ix, t: NativeV, [o]) =>
    o instanceof NativeV &&
    o.typeName === 'Schema.SObjectType' &&
    o.data.name.toLowerCase() === t.data.name.toLowerCase(),
  hashcode: () => int(0),
};

const fieldsMap = (ix: ExecutionContext, name: string): MapV => {
  const d = describeOf(ix, name);
  const m = new MapV(T.string, { name: 'Schema.SObjectField', args: [], kind: 'native' } as TypeDesc);
  // Apex Reference Guide, DescribeSObjectResult.fields / "Accessing All Field Describe Results for an sObject":
  // the field names are case insensitive; keySet() holds them in lower case.
  m.ignoreKeyCase = true;
  const fields = Object.values(d.fields);
  ix.chargeCpu(fields.length * CPU_US.fieldMapEntry);
  for (const f of fields) m.put(f.name.toLowerCase(), fieldToken(d.name, f.name));
  return m;
};

const describeMethods: Record<string, MethodFn> = {
  getname: (ix, r: NativeV) => describeOf(ix, r.data.name).name,
  getlocalname: (ix, r: NativeV) => describeOf(ix, r.data.name).name,
  getlabel: (ix, r: NativeV) => describeOf(ix, r.data.name).label,
  getkeyprefix: (ix, r: NativeV) => describeOf(ix, r.data.name).keyPrefix,
  iscustom: (ix, r: NativeV) => describeOf(ix, r.data.name).custom,
  iscustomsetting: (ix, r: NativeV) => describeOf(ix, r.data.name).isCustomSetting,
  isaccessible: () => true,
  iscreateable: (ix, r: NativeV) => !describeOf(ix, r.data.name).isCustomMetadata,
  isupdateable: (ix, r: NativeV) => !describeOf(ix, r.data.name).isCustomMetadata,
  isdeletable: (ix, r: NativeV) => !describeOf(ix, r.data.name).isCustomMetadata,
  isqueryable: () => true,
  getsobjecttype: (_ix, r: NativeV) => sobjectToken(r.data.name),
  $getprop: (ix, r: NativeV, [p]) => {
    if (String(p).toLowerCase() === 'fields') return new NativeV('Schema.FieldMapHolder', { name: r.data.name });
    return ix.unsupported(`DescribeSObjectResult.${String(p)}`);
  },
};

const fieldHolderMethods: Record<string, MethodFn> = {
  getmap: (ix, h: NativeV) => fieldsMap(ix, h.data.name),
  $getprop: (ix, h: NativeV, [p]) => {
    const d = describeOf(ix, h.data.name);
    const f = d.fields[String(p).toLowerCase()];
    if (!f) return ix.fail('System.SObjectException', `Invalid field ${String(p)} for ${d.name}`);
    return chargedFieldDescribe(ix, d.name, f);
  },
};

const fieldTokenMethods: Record<string, MethodFn> = {
  getdescribe: (ix, t: NativeV) =>
    chargedFieldDescribe(ix, t.data.object, describeOf(ix, t.data.object).fields[t.data.field.toLowerCase()]),
  tostring: (_ix, t: NativeV) => t.data.field,
  equals: (_ix, t: NativeV, [o]) =>
    o instanceof NativeV &&
    o.typeName === t.typeName &&
    o.data.field === t.data.field &&
    o.data.object === t.data.object,
  hashcode: () => int(0),
};

const f = (r: NativeV) => r.data.f as FieldDescribe;
const fieldDescribeMethods: Record<string, MethodFn> = {
  getname: (_ix, r: NativeV) => f(r).name,
  getlocalname: (_ix, r: NativeV) => f(r).name,
  getlabel: (_ix, r: NativeV) => f(r).label,
  gettype: (_ix, r: NativeV) =>
    enumValue('Schema.DisplayType', DISPLAY[f(r).type], DISPLAY_TYPES.indexOf(DISPLAY[f(r).type])),
  getlength: (_ix, r: NativeV) => int(f(r).length ?? 0),
  getprecision: (_ix, r: NativeV) => int(f(r).precision ?? 0),
  getscale: (_ix, r: NativeV) => int(f(r).scale ?? 0),
  isupdateable: (_ix, r: NativeV) => f(r).updateable,
  iscreateable: (_ix, r: NativeV) => f(r).createable,
  isaccessible: () => true,
  isnillable: (_ix, r: NativeV) => !f(r).required,
  isunique: (_ix, r: NativeV) => f(r).unique,
  isexternalid: (_ix, r: NativeV) => f(r).externalId,
  iscustom: (_ix, r: NativeV) => f(r).name.endsWith('__c'),
  iscasesensitive: (_ix, r: NativeV) => f(r).caseSensitive ?? false,
  // Apex Reference Guide, "DescribeFieldResult Class"
  isautonumber: (_ix, r: NativeV) => f(r).autoNumber === true,
  iscalculated: (_ix, r: NativeV) => f(r).calculated === true,
  // "the child object is deleted when the parent object is deleted": master-detail
  iscascadedelete: (_ix, r: NativeV) => f(r).masterDetail === true,
  isrestrictedpicklist: (_ix, r: NativeV) => f(r).restrictedPicklist === true,
  // "a polymorphic key field": a reference to more than one object (Owner)
  isnamepointing: (_ix, r: NativeV) => (f(r).referenceTo?.length ?? 0) > 1,
  getrelationshipname: (_ix, r: NativeV) => f(r).relationshipName ?? null,
  getreferenceto: (_ix, r: NativeV) =>
    new ListV({ name: 'Schema.SObjectType', args: [], kind: 'native' }, (f(r).referenceTo ?? []).map(sobjectToken)),
  getdefaultvalue: (_ix, r: NativeV) => (f(r).defaultValue ?? null) as Value,
  getsobjectfield: (_ix, r: NativeV) => fieldToken(r.data.object, f(r).name),
  getpicklistvalues: (_ix, r: NativeV) =>
    new ListV(
      { name: 'Schema.PicklistEntry', args: [], kind: 'native' },
      (f(r).picklistValues ?? []).map((v) => new NativeV('Schema.PicklistEntry', { value: v })),
    ),
};

export function installSchema(lib: Stdlib): void {
  lib.register(
    {
      name: 'Schema',
      staticProps: { sobjecttype: () => new NativeV('Schema.SObjectTypeMap', {}) },
      statics: {
        getglobaldescribe: (ix) => {
          const m = new MapV(T.string, { name: 'Schema.SObjectType', args: [], kind: 'native' });
          // Apex Developer Guide, "Accessing All sObjects": "The sObject names are case insensitive."
          m.ignoreKeyCase = true;
          const all = ix.org.allObjects();
          ix.chargeCpu(all.length * CPU_US.globalDescribeObject);
          for (const o of all) m.put(o.name.toLowerCase(), sobjectToken(o.name));
          return m;
        },
      },
    },
    {
      name: 'Schema.SObjectTypeMap',
      methods: { $getprop: (ix, _s, [p]) => chargedDescribe(ix, describeOf(ix, str(ix, p)).name) },
    },
    { name: 'Schema.SObjectType', aliases: ['sobjecttype'], methods: tokenMethods },
    { name: 'Schema.DescribeSObjectResult', aliases: ['describesobjectresult'], methods: describeMethods },
    { name: 'Schema.FieldMapHolder', methods: fieldHolderMethods },
    { name: 'Schema.SObjectField', aliases: ['sobjectfield'], methods: fieldTokenMethods },
    { name: 'Schema.DescribeFieldResult', aliases: ['describefieldresult'], methods: fieldDescribeMethods },
    {
      name: 'Schema.PicklistEntry',
      aliases: ['picklistentry'],
      methods: {
        getvalue: (_ix, p: NativeV) => p.data.value,
        getlabel: (_ix, p: NativeV) => p.data.value,
        isactive: () => true,
        isdefaultvalue: () => false,
      },
    },
  );
}
