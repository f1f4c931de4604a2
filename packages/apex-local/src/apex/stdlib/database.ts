/**
 * Database methods and result classes (Apex Reference Guide, "Database Class", "SaveResult", "UpsertResult",
 * "DeleteResult", "Database.Error"), and the SObject instance methods.
 */
import type { DmlRow } from '../interp/sobjects.ts';
import { ListV, MapV, NativeV, SObjectV, T, int, type TypeDesc, type Value } from '../values.ts';
import { str } from './args.ts';
import { enumValue } from './enums.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn, StaticFn } from './types.ts';

const RESULT_TYPE: Record<string, string> = {
  insert: 'Database.SaveResult',
  update: 'Database.SaveResult',
  upsert: 'Database.UpsertResult',
  delete: 'Database.DeleteResult',
  undelete: 'Database.UndeleteResult',
};

function dmlCall(op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete'): StaticFn {
  return (ix, args) => {
    const [recs] = args;
    let allOrNone = true;
    let ext: string | null = null;
    if (op === 'upsert') {
      // upsert(records, [externalIdField,] [allOrNone])
      for (const a of args.slice(1)) {
        if (typeof a === 'boolean') allOrNone = a;
        else if (a instanceof NativeV && a.typeName === 'Schema.SObjectField') ext = a.data.field;
        else if (a instanceof NativeV && a.typeName === 'Database.DMLOptions') allOrNone = a.data.optAllOrNone ?? true;
      }
    } else {
      const a = args[1];
      if (typeof a === 'boolean') allOrNone = a;
      else if (a instanceof NativeV && a.typeName === 'Database.DMLOptions') allOrNone = a.data.optAllOrNone ?? true;
      else if (a instanceof NativeV && a.typeName === 'System.AccessLevel') allOrNone = true;
    }
    const single = recs instanceof SObjectV;
    let list: SObjectV[];
    if (recs === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
    if (recs instanceof SObjectV) list = [recs];
    else if (recs instanceof ListV) list = recs.items as SObjectV[];
    else if (typeof recs === 'string' && (op === 'delete' || op === 'undelete')) {
      const so = new SObjectV('SObject');
      so.fields.set('id', { name: 'Id', value: recs });
      list = [so];
    } else return ix.fail('System.TypeException', 'DML requires SObject or SObject list');
    const results = list.length ? ix.sobjects.dml(op, list, allOrNone, ext) : [];
    if (allOrNone) {
      const errs = results.flatMap((r) => r.errors);
      if (errs.length) ix.sobjects.throwDml(op, errs);
    }
    const type = RESULT_TYPE[op];
    const wrapped = results.map((r) => new NativeV(type, r));
    if (single) return wrapped[0];
    return new ListV({ name: type, args: [], kind: 'native' } as TypeDesc, wrapped);
  };
}

function errorList(rows: DmlRow[]): ListV {
  return new ListV(
    { name: 'Database.Error', args: [], kind: 'native' },
    rows.map((e) => new NativeV('Database.Error', e)),
  );
}

const resultMethods: Record<string, MethodFn> = {
  getid: (_ix, r: NativeV) => r.data.id ?? null,
  issuccess: (_ix, r: NativeV) => r.data.success,
  getErrors: (_ix, r: NativeV) => errorList(r.data.errors),
  geterrors: (_ix, r: NativeV) => errorList(r.data.errors),
};

const databaseStatics: Record<string, StaticFn> = {
  insert: dmlCall('insert'),
  update: dmlCall('update'),
  upsert: dmlCall('upsert'),
  delete: dmlCall('delete'),
  undelete: dmlCall('undelete'),
  // binds name variables visible where Database.query is called: locals, then member and static variables
  query: (ix, [soql]) => ix.sobjects.dynamicQuery(str(ix, soql), (name) => ix.bindVariable(name)),
  querywithbinds: (ix, [soql, binds]) => {
    const m = binds as MapV;
    return ix.sobjects.dynamicQuery(str(ix, soql), (name) => {
      for (const [k, v] of m.map.values())
        if (typeof k === 'string' && k.toLowerCase() === name.toLowerCase()) return v;
      return ix.fail('System.QueryException', `Key '${name}' does not exist in the bindMap`);
    });
  },
  countquery: (ix, [soql]) => ix.sobjects.dynamicQuery(str(ix, soql), () => null),
  setsavepoint: (ix) => new NativeV('System.Savepoint', { sp: ix.org.setSavepoint() }),
  rollback: (ix, [sp]) => {
    if (!(sp instanceof NativeV) || sp.typeName !== 'System.Savepoint')
      return ix.fail('System.NullPointerException', 'Argument cannot be null.');
    ix.org.rollbackToSavepoint(sp.data.sp);
    return null;
  },
  releasesavepoint: () => null,
  getasyncapexjobid: (_ix, [id]) => id,
};

/** SObject instance methods (Apex Reference Guide, "SObject Class"). */
const sobjectMethods: Record<string, MethodFn> = {
  get: (ix, so: SObjectV, [f]) => {
    const name = f instanceof NativeV ? (f.data.field as string) : str(ix, f);
    if (name.includes('.')) {
      const [head, ...rest] = name.split('.');
      const parent = ix.sobjects.get(so, head);
      if (parent === null) return null;
      return sobjectMethods.get(ix, parent, [rest.join('.')]);
    }
    return ix.sobjects.get(so, name);
  },
  put: (ix, so: SObjectV, [f, v]) => {
    const name = f instanceof NativeV ? (f.data.field as string) : str(ix, f);
    const old = so.fields.get(name.toLowerCase())?.value ?? null;
    ix.sobjects.put(so, name, v);
    return old;
  },
  getsobject: (ix, so: SObjectV, [f]) => ix.sobjects.get(so, str(ix, f)),
  getsobjects: (ix, so: SObjectV, [f]) => ix.sobjects.get(so, str(ix, f)),
  putsobject: (ix, so: SObjectV, [f, v]) => ix.sobjects.put(so, str(ix, f), v),
  getsobjecttype: (_ix, so: SObjectV) => new NativeV('Schema.SObjectType', { name: so.type }),
  clone: (ix, so: SObjectV, [preserveId, deep]) => ix.sobjects.clone(so, preserveId === true, deep === true),
  getpopulatedfieldsasmap: (_ix, so: SObjectV) => {
    const m = new MapV(T.string, T.object);
    for (const f of so.fields.values()) m.put(f.name, f.value);
    return m;
  },
  isset: (ix, so: SObjectV, [f]) => so.fields.has(str(ix, f).toLowerCase()),
  adderror: (ix) => ix.unsupported('SObject.addError (triggers are not supported)'),
  getquickactionname: (ix) => ix.unsupported('SObject.getQuickActionName'),
  equals: (ix, so: SObjectV, [o]) => ix.equals(so, o),
  hashcode: () => int(0),
};

export function installDatabase(lib: Stdlib): void {
  lib.addValueMethods('SObject', sobjectMethods);
  lib.register(
    { name: 'Database', statics: databaseStatics },
    { name: 'Database.SaveResult', methods: resultMethods },
    { name: 'Database.UpsertResult', methods: { ...resultMethods, iscreated: (_ix, r: NativeV) => r.data.created } },
    { name: 'Database.DeleteResult', methods: resultMethods },
    { name: 'Database.UndeleteResult', methods: resultMethods },
    {
      name: 'Database.Error',
      methods: {
        getstatuscode: (_ix, e: NativeV) => enumValue('System.StatusCode', e.data.statusCode),
        getmessage: (_ix, e: NativeV) => e.data.message,
        getfields: (_ix, e: NativeV) => new ListV(T.string, [...e.data.fields]),
      },
    },
    {
      name: 'Database.DMLOptions',
      construct: () => new NativeV('Database.DMLOptions', {}),
      props: {
        optallornone: {
          get: (_ix, o: NativeV) => o.data.optAllOrNone ?? null,
          set: (_ix, o, v: Value) => {
            (o as NativeV).data.optAllOrNone = v;
          },
        },
      },
    },
    { name: 'System.Savepoint', aliases: ['savepoint'], abstract: true },
    { name: 'Database.QueryLocator', abstract: true },
    { name: 'Database.BatchableContext', abstract: true },
    { name: 'AggregateResult', abstract: true },
  );
}
