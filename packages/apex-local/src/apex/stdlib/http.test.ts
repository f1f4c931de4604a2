/** Conformance: Http callouts in tests (Apex Developer Guide, "Testing HTTP Callouts by Implementing the HttpCalloutMock Interface"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInTest as inTest } from '../testing.ts';

const MOCK = `public class Mock implements HttpCalloutMock {
  public HttpResponse respond(HttpRequest req) {
    HttpResponse res = new HttpResponse(); res.setStatusCode(200); res.setHeader('Content-Type', 'application/json');
    res.setBody('{"echo":"' + req.getMethod() + ' ' + req.getEndpoint() + '"}'); return res;
  }
}`;

test('Test.setMock(HttpCalloutMock.class, mock): Http.send calls the mock respond()', () => {
  const r = inTest(`${MOCK}
    Test.setMock(HttpCalloutMock.class, new Mock());
    HttpRequest req = new HttpRequest(); req.setMethod('GET'); req.setEndpoint('callout:Api/v1/x');
    HttpResponse res = new Http().send(req);
    System.debug(res.getStatusCode() + ' ' + res.getBody() + ' ' + res.getHeader('content-type') + ' ' + Limits.getCallouts());`);
  assert.equal(r.error, undefined);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['200 {"echo":"GET callout:Api/v1/x"} application/json 1'],
  );
});

test('a callout in a test without a mock fails: "Methods defined as TestMethod do not support Web service callouts"', () => {
  const r = inTest(
    `HttpRequest req = new HttpRequest(); req.setMethod('GET'); req.setEndpoint('https://example.com'); new Http().send(req);`,
  );
  assert.equal(r.error?.type, 'System.TypeException');
  assert.equal(r.error?.message, 'Methods defined as TestMethod do not support Web service callouts');
});

test('a callout after DML in the same transaction is refused, even with a mock (Callouts: uncommitted work)', () => {
  const r = inTest(`${MOCK}
    Test.setMock(HttpCalloutMock.class, new Mock()); insert new Account(Name = 'x');
    HttpRequest req = new HttpRequest(); req.setMethod('GET'); req.setEndpoint('callout:Api/x'); new Http().send(req);`);
  assert.equal(r.error?.type, 'System.CalloutException');
  assert.match(r.error?.message ?? '', /uncommitted work pending/);
});

test('Test.isRunningTest() is true only inside a test', () => {
  const r = inTest(`System.debug(Test.isRunningTest());`);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['true'],
  );
});
