/**
 * Http, HttpRequest, HttpResponse (Apex Reference Guide). With Test.setMock(HttpCalloutMock.class, mock) the
 * mock's respond() answers; in a test without a mock the callout fails as on the platform; otherwise the org sends it.
 */
import type { ExecutionContext } from '../interp/context.ts';
import type { HttpRequestPlain, HttpResponsePlain } from '../../org/api.ts';
import { BlobV, IntV, ListV, NativeV, T, int, type Value } from '../values.ts';
import { intArg, str } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn } from './types.ts';

interface Req extends HttpRequestPlain {
  headerCase: Record<string, string>;
}

function newRequest(): NativeV {
  const r: Req = { method: 'GET', endpoint: '', headers: {}, headerCase: {}, body: '', timeoutMs: 10000 };
  return new NativeV('HttpRequest', r);
}

export function responseFrom(p: HttpResponsePlain): NativeV {
  return new NativeV('HttpResponse', {
    statusCode: p.statusCode,
    status: p.status,
    headers: { ...p.headers },
    body: p.body,
  });
}

const requestMethods: Record<string, MethodFn> = {
  setendpoint: (ix, r: NativeV, [v]) => {
    r.data.endpoint = str(ix, v);
    return null;
  },
  getendpoint: (_ix, r: NativeV) => r.data.endpoint,
  setmethod: (ix, r: NativeV, [v]) => {
    r.data.method = str(ix, v).toUpperCase();
    return null;
  },
  getmethod: (_ix, r: NativeV) => r.data.method,
  setheader: (ix, r: NativeV, [k, v]) => {
    const key = str(ix, k);
    r.data.headers[key] = str(ix, v);
    return null;
  },
  getheader: (ix, r: NativeV, [k]) => {
    const key = str(ix, k).toLowerCase();
    for (const [h, v] of Object.entries(r.data.headers as Record<string, string>))
      if (h.toLowerCase() === key) return v;
    return null;
  },
  setbody: (_ix, r: NativeV, [v]) => {
    r.data.body = v === null ? '' : String(v);
    return null;
  },
  getbody: (_ix, r: NativeV) => r.data.body,
  setbodyasblob: (_ix, r: NativeV, [b]) => {
    r.data.body = (b as BlobV).bytes.toString('utf8');
    return null;
  },
  getbodyasblob: (_ix, r: NativeV) => new BlobV(Buffer.from(r.data.body, 'utf8')),
  settimeout: (ix, r: NativeV, [ms]) => {
    const n = intArg(ix, ms);
    if (n < 1 || n > 120000)
      ix.fail('System.CalloutException', 'Timeout value must be between 1 and 120000 milliseconds');
    r.data.timeoutMs = n;
    return null;
  },
  setcompressed: () => null,
  tostring: (_ix, r: NativeV) => `System.HttpRequest[Endpoint=${r.data.endpoint}, Method=${r.data.method}]`,
};

const responseMethods: Record<string, MethodFn> = {
  getstatuscode: (_ix, r: NativeV) => int(r.data.statusCode),
  setstatuscode: (ix, r: NativeV, [v]) => {
    r.data.statusCode = v instanceof IntV ? v.v : intArg(ix, v);
    return null;
  },
  getstatus: (_ix, r: NativeV) => r.data.status ?? null,
  setstatus: (_ix, r: NativeV, [v]) => {
    r.data.status = v;
    return null;
  },
  getbody: (_ix, r: NativeV) => r.data.body ?? '',
  setbody: (_ix, r: NativeV, [v]) => {
    r.data.body = v === null ? '' : String(v);
    return null;
  },
  getbodyasblob: (_ix, r: NativeV) => new BlobV(Buffer.from(r.data.body ?? '', 'utf8')),
  setbodyasblob: (_ix, r: NativeV, [b]) => {
    r.data.body = (b as BlobV).bytes.toString('utf8');
    return null;
  },
  getheader: (ix, r: NativeV, [k]) => {
    const key = str(ix, k).toLowerCase();
    for (const [h, v] of Object.entries(r.data.headers as Record<string, string>))
      if (h.toLowerCase() === key) return v;
    return null;
  },
  setheader: (ix, r: NativeV, [k, v]) => {
    r.data.headers[str(ix, k)] = str(ix, v);
    return null;
  },
  getheaderkeys: (_ix, r: NativeV) => new ListV(T.string, Object.keys(r.data.headers)),
  tostring: (_ix, r: NativeV) =>
    `System.HttpResponse[Status=${r.data.status ?? 'null'}, StatusCode=${r.data.statusCode}]`,
};

function plainRequest(r: NativeV): HttpRequestPlain {
  const d = r.data as Req;
  return { method: d.method, endpoint: d.endpoint, headers: { ...d.headers }, body: d.body, timeoutMs: d.timeoutMs };
}

function send(ix: ExecutionContext, req: Value): Value {
  if (!(req instanceof NativeV) || req.typeName !== 'HttpRequest')
    return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  if (!req.data.endpoint) ix.fail('System.CalloutException', 'Endpoint cannot be null');
  const plain = plainRequest(req);
  const refused = ix.hooks.calloutRefusal?.();
  if (refused) return ix.fail('System.CalloutException', refused);
  if (ix.httpMock) {
    ix.org.countMockCallout(plain);
    const res = ix.callMethod(ix.httpMock, 'respond', [req]);
    if (!(res instanceof NativeV) || res.typeName !== 'HttpResponse')
      return ix.fail('System.CalloutException', 'HttpCalloutMock.respond must return an HttpResponse');
    return res;
  }
  // Apex Developer Guide, "Testing HTTP Callouts": tests need a mock; without one the callout throws
  if (ix.hooks.isTest())
    return ix.fail('System.TypeException', 'Methods defined as TestMethod do not support Web service callouts');
  return responseFrom(ix.org.callout(plain));
}

export function installHttp(lib: Stdlib): void {
  lib.register(
    { name: 'HttpRequest', construct: () => newRequest(), methods: requestMethods },
    {
      name: 'HttpResponse',
      construct: () => new NativeV('HttpResponse', { statusCode: 0, status: null, headers: {}, body: '' }),
      methods: responseMethods,
    },
    { name: 'Http', construct: () => new NativeV('Http', {}), methods: { send: (ix, _h, [req]) => send(ix, req) } },
    { name: 'HttpCalloutMock', abstract: true },
  );
}
