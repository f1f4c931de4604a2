/**
 * System, Assert, Test, Limits, UserInfo, Type, Blob, EncodingUtil, Crypto, Enum/Object methods
 * (Apex Reference Guide, the classes of the same names).
 */
import { randomBytes, createHash, createHmac } from 'node:crypto';
import type { ExecutionContext } from '../interp/context.ts';
import { formatValue } from '../interp/format.ts';
import {
  BlobV,
  DatetimeV,
  EnumV,
  IntV,
  ListV,
  MapV,
  NativeV,
  ObjectV,
  SetV,
  TypeV,
  int,
  long,
  typeKey,
  type Value,
} from '../values.ts';
import type { TypeRef } from '../ast.ts';
import { intArg, str } from './args.ts';
import { enumValue } from './enums.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn, StaticFn } from './types.ts';

function assertFail(ix: ExecutionContext, detail: string | null, msg: Value): never {
  const m = msg === undefined || msg === null ? null : formatValue(msg);
  const text =
    m && detail
      ? `Assertion Failed: ${m}. ${detail}`
      : m
        ? `Assertion Failed: ${m}`
        : detail
          ? `Assertion Failed: ${detail}`
          : 'Assertion Failed';
  return ix.fail('System.AssertException', text);
}

/** System.assertEquals words its message differently from Assert.areEqual. */
function systemAssertFail(ix: ExecutionContext, detail: string | null, msg: Value): never {
  const m = msg === undefined || msg === null ? null : formatValue(msg);
  const text =
    m && detail
      ? `Assertion Failed: ${m}: ${detail}`
      : m
        ? `Assertion Failed: ${m}`
        : detail
          ? `Assertion Failed: ${detail}`
          : 'Assertion Failed';
  return ix.fail('System.AssertException', text);
}

/** Assertions compare Strings case-sensitively, unlike == (salesforce.stackexchange.com/questions/231060 and the System.assertEquals docs). */
/** A type name as Type.forName takes it — `Name`, `ns.Name`, `List<Account>`, `Map<String, List<Id>>`, `String[]` — or null. */
export function parseTypeName(text: string): TypeRef | null {
  const tokens = text.match(/[\w.]+|[<>,]|\[\]|\S/g) ?? [];
  let i = 0;
  const ref = (): TypeRef | null => {
    const name = tokens[i++];
    if (!name || !/^[A-Za-z_][\w.]*$/.test(name)) return null;
    const out: TypeRef = { name, args: [] };
    if (tokens[i] === '<') {
      i++;
      for (;;) {
        const a = ref();
        if (!a) return null;
        out.args.push(a);
        if (tokens[i] === ',') i++;
        else if (tokens[i] === '>') {
          i++;
          break;
        } else return null;
      }
    }
    let r = out;
    while (tokens[i] === '[]') {
      i++;
      r = { name: 'List', args: [r] };
    }
    return r;
  };
  const r = ref();
  return r && i === tokens.length ? r : null;
}

const same = (ix: ExecutionContext, a: Value, b: Value): boolean =>
  typeof a === 'string' && typeof b === 'string' ? a === b : ix.equals(a, b);

const ev = (a: Value, b: Value) => `Expected: ${formatValue(a)}, Actual: ${formatValue(b)}`;

function debug(ix: ExecutionContext, args: Value[]): Value {
  const [a, b] = args;
  if (args.length === 2 && a instanceof EnumV && a.enumType === 'System.LoggingLevel')
    ix.hooks.debug(a.name, formatValue(b), ix.currentLine);
  else ix.hooks.debug('DEBUG', formatValue(a ?? null), ix.currentLine);
  return null;
}

function enqueueJob(ix: ExecutionContext, [job, opt]: Value[]): Value {
  if (!(job instanceof ObjectV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  // You can't chain queueable jobs in an Apex test (Apex Developer Guide, "Queueable Apex"): the platform throws
  if (ix.hooks.inTestAsync()) ix.fail('System.AsyncException', 'Maximum stack depth has been reached.');
  let delay: number | undefined;
  let maxStackDepth: number | undefined;
  if (opt instanceof IntV) delay = opt.v;
  else if (opt instanceof NativeV && opt.typeName === 'AsyncOptions') {
    delay = opt.data.minimumQueueableDelayInMinutes ?? undefined;
    maxStackDepth = opt.data.maxDepth ?? undefined;
  }
  return ix.org.enqueue({
    kind: 'Queueable',
    className: job.cls.name,
    instance: job,
    delayMinutes: delay,
    maxStackDepth,
  });
}

const systemStatics: Record<string, StaticFn> = {
  debug: debug,
  now: (ix) => new DatetimeV(ix.org.now().getTime()),
  today: (ix) => ix.stdlib.type('date')!.statics!.today(ix, []),
  currenttimemillis: (ix) => long(BigInt(ix.org.now().getTime())),
  assert: (ix, [c, msg]) => (c === true ? null : systemAssertFail(ix, null, msg)),
  assertequals: (ix, [a, b, msg]) => (same(ix, a, b) ? null : systemAssertFail(ix, ev(a, b), msg)),
  assertnotequals: (ix, [a, b, msg]) =>
    !same(ix, a, b) ? null : systemAssertFail(ix, `Same value: ${formatValue(a)}`, msg),
  enqueuejob: (ix, args) => enqueueJob(ix, args),
  schedule: (ix, [name, cron, job]) => {
    if (!(job instanceof ObjectV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
    return ix.org.enqueue({
      kind: 'Schedulable',
      className: job.cls.name,
      instance: job,
      cronExpression: str(ix, cron),
      jobName: str(ix, name),
    });
  },
  abortjob: (ix, [id]) => {
    ix.org.abortJob(str(ix, id));
    return null;
  },
  attachfinalizer: (ix, [f]) => {
    if (!(f instanceof ObjectV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
    if (!ix.hooks.currentJobId())
      ix.fail('System.AsyncException', 'Finalizers can only be attached in a Queueable job');
    ix.hooks.attachFinalizer(f);
    return null;
  },
  isbatch: () => false,
  isfuture: () => false,
  isqueueable: (ix) => ix.hooks.currentJobId() !== null,
  isscheduled: () => false,
  requestid: () => 'local-request',
};

const assertStatics: Record<string, StaticFn> = {
  areequal: (ix, [a, b, msg]) => (same(ix, a, b) ? null : assertFail(ix, ev(a, b), msg)),
  arenotequal: (ix, [a, b, msg]) =>
    !same(ix, a, b) ? null : assertFail(ix, `Expected: not ${formatValue(a)}, Actual: ${formatValue(b)}`, msg),
  istrue: (ix, [c, msg]) => (c === true ? null : assertFail(ix, 'Expected: true, Actual: ' + formatValue(c), msg)),
  isfalse: (ix, [c, msg]) => (c === false ? null : assertFail(ix, 'Expected: false, Actual: ' + formatValue(c), msg)),
  isnull: (ix, [v, msg]) => (v === null ? null : assertFail(ix, `Expected: null, Actual: ${formatValue(v)}`, msg)),
  isnotnull: (ix, [v, msg]) => (v !== null ? null : assertFail(ix, 'Expected: not null, Actual: null', msg)),
  fail: (ix, [msg]) => assertFail(ix, null, msg ?? null),
  isinstanceoftype: (ix, [v, t, msg]) =>
    ix.isInstance(v, (t as TypeV).type)
      ? null
      : assertFail(ix, `Expected instance of ${(t as TypeV).type.name}, Actual: ${ix.valueKind(v)}`, msg),
  isnotinstanceoftype: (ix, [v, t, msg]) =>
    !ix.isInstance(v, (t as TypeV).type)
      ? null
      : assertFail(ix, `Expected not instance of ${(t as TypeV).type.name}`, msg),
};

const testStatics: Record<string, StaticFn> = {
  isrunningtest: (ix) => ix.hooks.isTest(),
  starttest: (ix) => {
    ix.hooks.startTest();
    return null;
  },
  stoptest: (ix) => {
    ix.hooks.stopTest();
    return null;
  },
  setmock: (ix, [t, mock]) => {
    const tn = (t as TypeV | null)?.type.name.toLowerCase() ?? '';
    if (!tn.endsWith('httpcalloutmock')) ix.unsupported(`Test.setMock for ${tn}`);
    if (!(mock instanceof ObjectV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
    ix.httpMock = mock;
    return null;
  },
};

const LIMIT_NAMES: Record<string, string> = {
  queries: 'Queries',
  queryrows: 'QueryRows',
  dmlstatements: 'DmlStatements',
  dmlrows: 'DmlRows',
  callouts: 'Callouts',
  cputime: 'CpuTime',
  heapsize: 'HeapSize',
  queueablejobs: 'QueueableJobs',
  futurecalls: 'FutureCalls',
  emailinvocations: 'EmailInvocations',
  aggregatequeries: 'AggregateQueries',
  soslqueries: 'SoslQueries',
  publishimmediatedml: 'PublishImmediateDML',
};

function limitsTable(): Record<string, StaticFn> {
  const t: Record<string, StaticFn> = {};
  // the heap is measured when asked (see interp/heap.ts)
  const heapUsed: StaticFn = (ix) => int(ix.measureHeap());
  for (const [k, name] of Object.entries(LIMIT_NAMES)) {
    const find = (ix: ExecutionContext) => ix.org.limits().find((l) => l.name.toLowerCase() === name.toLowerCase());
    t['get' + k] = (ix) => int(find(ix)?.used ?? 0);
    if (k === 'heapsize') t['get' + k] = heapUsed;
    t['getlimit' + k] = (ix) => {
      const l = find(ix);
      if (!l) return ix.unsupported(`Limits.getLimit${name}()`);
      return int(l.max);
    };
  }
  return t;
}

/** UserInfo reads the running user without counting a SOQL query, as on the platform. */
function userField(ix: ExecutionContext, field: string): Value {
  const id = ix.org.runningUserId();
  if (!ix.hooks.hostQuery) return ix.unsupported(`UserInfo outside the local runtime`);
  const rec = ix.hooks.hostQuery(`SELECT Id, ${field} FROM User WHERE Id = '${id}'`)[0];
  return rec ? ((rec[field] as string | null) ?? null) : null;
}

const userInfoStatics: Record<string, StaticFn> = {
  getuserid: (ix) => ix.org.runningUserId(),
  getusername: (ix) => userField(ix, 'Username'),
  getname: (ix) => userField(ix, 'Name'),
  getfirstname: (ix) => userField(ix, 'FirstName'),
  getlastname: (ix) => userField(ix, 'LastName'),
  getuseremail: (ix) => userField(ix, 'Email'),
  getprofileid: (ix) => userField(ix, 'ProfileId'),
  getuserroleid: (ix) => userField(ix, 'UserRoleId'),
  getlocale: (ix) => userField(ix, 'LocaleSidKey'),
  getlanguage: (ix) => userField(ix, 'LanguageLocaleKey'),
  getusertype: (ix) => userField(ix, 'UserType'),
  gettimezone: (ix) => new NativeV('TimeZone', { id: (userField(ix, 'TimeZoneSidKey') as string) ?? 'GMT' }),
  getorganizationid: (ix) => (ix.hooks.hostQuery?.('SELECT Id FROM Organization LIMIT 1')[0]?.Id as string) ?? null,
  getorganizationname: (ix) =>
    (ix.hooks.hostQuery?.('SELECT Name FROM Organization LIMIT 1')[0]?.Name as string) ?? null,
  ismulticurrencyorganization: () => false,
};

const typeStatics: Record<string, StaticFn> = {
  // Type.forName('Account'), ('ns', 'Name'), and generic names: ('List<Account>'), ('Map<String,Object>')
  forname: (ix, args) => {
    const name =
      args.length === 2 ? (args[0] ? `${str(ix, args[0])}.${str(ix, args[1])}` : str(ix, args[1])) : str(ix, args[0]);
    const ref = parseTypeName(name);
    const t = ref && ix.tryResolveType(ref, null);
    return t ? new TypeV(t) : null;
  },
};

const typeMethods: Record<string, MethodFn> = {
  getname: (ix, t: TypeV) => ix.typeName(t.type),
  tostring: (ix, t: TypeV) => ix.typeName(t.type),
  newinstance: (ix, t: TypeV) => {
    if (t.type.cls) return ix.instantiate(t.type.cls, [], ix.currentLine);
    if (t.type.kind === 'sobject') return ix.sobjects.create(t.type.name);
    if (t.type.kind === 'list') return new ListV(t.type.args[0]);
    if (t.type.kind === 'set') return new SetV(t.type.args[0]);
    if (t.type.kind === 'map') return new MapV(t.type.args[0], t.type.args[1]);
    return ix.unsupported(`Type.newInstance() for ${t.type.name}`);
  },
  equals: (_ix, t: TypeV, [o]) => o instanceof TypeV && typeKey(o.type) === typeKey(t.type),
  hashcode: () => int(0),
  isassignablefrom: (ix, t: TypeV, [o]) => {
    const other = (o as TypeV).type;
    if (t.type.kind === 'object' || t.type.name === other.name) return true;
    if (t.type.cls && other.cls) {
      for (let k: typeof other.cls | null = other.cls; k; k = k.superclass)
        if (k === t.type.cls || k.interfaces.includes(t.type.cls)) return true;
    }
    void ix;
    return false;
  },
};

const enumMethods: Record<string, MethodFn> = {
  name: (_ix, e: EnumV) => e.name,
  ordinal: (_ix, e: EnumV) => int(e.ordinal),
  equals: (_ix, e: EnumV, [o]) => o === e || (o instanceof EnumV && o.enumType === e.enumType && o.name === e.name),
  hashcode: (_ix, e: EnumV) => int(e.ordinal),
  tostring: (_ix, e: EnumV) => e.name,
};

const objectMethods: Record<string, MethodFn> = {
  equals: (ix, v: Value, [o]) => ix.equals(v, o),
  hashcode: () => int(0),
  tostring: (_ix, v: Value) => formatValue(v),
};

const blobMethods: Record<string, MethodFn> = {
  tostring: (_ix, b: BlobV) => b.bytes.toString('utf8'),
  size: (_ix, b: BlobV) => int(b.bytes.length),
};

function blobArg(ix: ExecutionContext, v: Value): Buffer {
  if (!(v instanceof BlobV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  return v.bytes;
}

const encodingStatics: Record<string, StaticFn> = {
  base64encode: (ix, [b]) => blobArg(ix, b).toString('base64'),
  base64decode: (ix, [s]) => new BlobV(Buffer.from(str(ix, s), 'base64')),
  urlencode: (ix, [s]) =>
    encodeURIComponent(str(ix, s))
      .replace(/%20/g, '+')
      .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
      .replace(/%2A/g, '*'),
  urldecode: (ix, [s]) => decodeURIComponent(str(ix, s).replace(/\+/g, ' ')),
  converttohex: (ix, [b]) => blobArg(ix, b).toString('hex'),
  convertfromhex: (ix, [s]) => new BlobV(Buffer.from(str(ix, s), 'hex')),
};

const cryptoStatics: Record<string, StaticFn> = {
  getrandominteger: () => int(randomBytes(4).readInt32BE(0)),
  getrandomlong: () => long(randomBytes(8).readBigInt64BE(0)),
  generatedigest: (ix, [alg, b]) =>
    new BlobV(
      createHash(str(ix, alg).toLowerCase().replace('-', ''))
        .update(new Uint8Array(blobArg(ix, b)))
        .digest(),
    ),
  generatemac: (ix, [alg, b, key]) =>
    new BlobV(
      createHmac(str(ix, alg).toLowerCase().replace('hmac', ''), new Uint8Array(blobArg(ix, key)))
        .update(new Uint8Array(blobArg(ix, b)))
        .digest(),
    ),
  generateaeskey: (ix, [size]) => new BlobV(randomBytes(intArg(ix, size) / 8)),
};

const idStatics: Record<string, StaticFn> = {
  valueof: (ix, [s]) => (s === null ? null : ix.sobjects.toId(str(ix, s))),
};

const idMethods: Record<string, MethodFn> = {
  getsobjecttype: (ix, id: string) => {
    const prefix = id.slice(0, 3);
    const od = ix.org.allObjects().find((o) => o.keyPrefix === prefix);
    if (!od) return ix.fail('System.SObjectException', `Invalid id: ${id}`);
    return new NativeV('Schema.SObjectType', { name: od.name });
  },
  to15: (_ix, id: string) => id.slice(0, 15),
};

const asyncOptionsProps = {
  minimumqueueabledelayinminutes: {
    get: (_ix: ExecutionContext, self: NativeV) =>
      self.data.minimumQueueableDelayInMinutes === undefined ? null : int(self.data.minimumQueueableDelayInMinutes),
    set: (_ix: ExecutionContext, self: unknown, v: Value) => {
      (self as NativeV).data.minimumQueueableDelayInMinutes = v instanceof IntV ? v.v : null;
    },
  },
  maximumqueueablestackdepth: {
    get: (_ix: ExecutionContext, self: NativeV) => (self.data.maxDepth === undefined ? null : int(self.data.maxDepth)),
    set: (_ix: ExecutionContext, self: unknown, v: Value) => {
      (self as NativeV).data.maxDepth = v instanceof IntV ? v.v : null;
    },
  },
  duplicatesignature: {
    get: () => null,
    set: (ix: ExecutionContext) => ix.unsupported('AsyncOptions.DuplicateSignature'),
  },
};

export function installSystem(lib: Stdlib): void {
  lib.addValueMethods('Type', typeMethods);
  lib.addValueMethods('Enum', enumMethods);
  lib.addValueMethods('Object', objectMethods);
  lib.addValueMethods('Blob', blobMethods);
  lib.addValueMethods('Id', idMethods);
  lib.addValueMethods('String', { getsobjecttype: idMethods.getsobjecttype });
  lib.register(
    { name: 'System', aliases: ['system.system'], statics: systemStatics },
    { name: 'Assert', statics: assertStatics },
    { name: 'Test', statics: testStatics },
    { name: 'Limits', statics: limitsTable() },
    { name: 'UserInfo', statics: userInfoStatics },
    { name: 'Type', statics: typeStatics },
    { name: 'Id', statics: idStatics },
    {
      name: 'Blob',
      statics: {
        valueof: (ix, [s]) => new BlobV(Buffer.from(str(ix, s), 'utf8')),
      },
    },
    { name: 'EncodingUtil', statics: encodingStatics },
    {
      name: 'FeatureManagement',
      statics: {
        checkpermission: (ix, [n]) =>
          ix.hooks.hasCustomPermission
            ? ix.hooks.hasCustomPermission(str(ix, n))
            : ix.unsupported('FeatureManagement.checkPermission without custom permission data'),
      },
    },
    { name: 'Crypto', statics: cryptoStatics },
    {
      name: 'AsyncOptions',
      aliases: ['system.asyncoptions'],
      construct: () => new NativeV('AsyncOptions', {}),
      props: asyncOptionsProps as never,
    },
    {
      name: 'QueueableContext',
      aliases: ['system.queueablecontext'],
      abstract: true,
      methods: { getjobid: (_ix, self: NativeV) => self.data.jobId },
    },
    {
      name: 'SchedulableContext',
      aliases: ['system.schedulablecontext'],
      abstract: true,
      methods: { gettriggerid: (_ix, self: NativeV) => self.data.jobId },
    },
    {
      name: 'FinalizerContext',
      aliases: ['system.finalizercontext'],
      abstract: true,
      methods: {
        getresult: (_ix, self: NativeV) =>
          enumValue(
            'System.ParentJobResult',
            self.data.exception ? 'UNHANDLED_EXCEPTION' : 'SUCCESS',
            self.data.exception ? 1 : 0,
          ),
        getexception: (_ix, self: NativeV) => self.data.exception ?? null,
        getasyncapexjobid: (_ix, self: NativeV) => self.data.jobId,
        getrequestid: (_ix, self: NativeV) => self.data.jobId,
      },
    },
    {
      name: 'TimeZone',
      statics: { gettimezone: (ix, [id]) => new NativeV('TimeZone', { id: str(ix, id) }) },
      methods: {
        getid: (_ix, self: NativeV) => self.data.id,
        getdisplayname: (_ix, self: NativeV) => self.data.id,
      },
    },
  );
}
