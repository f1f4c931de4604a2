/**
 * The standard-object catalog (Object Reference for the Salesforce Platform, via standard-objects.json.gz): every
 * documented object and field exists with its documented type and properties.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure, run } from '../../apex/testing.ts';
import { fixtureOrg } from '../testSupport.ts';
import { catalogFields, catalogNames } from './catalog.ts';

test('every catalog object is described by the org, fields with their documented properties', () => {
  const org = fixtureOrg();
  assert.ok(catalogNames().length > 1800);
  for (const name of ['Case', 'Opportunity', 'Lead', 'Task', 'Event', 'Campaign', 'Product2', 'ContentVersion'])
    assert.ok(org.api.describe(name), name);
  // Object Reference, "Case": CaseNumber is an auto number (read-only); Subject is string(255), createable
  const c = org.api.describe('case')!;
  assert.equal(c.name, 'Case');
  assert.equal(c.keyPrefix, '500');
  assert.equal(c.fields.casenumber!.autoNumber, true);
  assert.equal(c.fields.casenumber!.createable, false);
  assert.equal(c.fields.accountid!.referenceTo![0], 'Account');
  // "Opportunity": CloseDate, Name and StageName are required on create
  const o = org.api.describe('Opportunity')!;
  assert.deepEqual(
    Object.values(o.fields)
      .filter((f) => f.required)
      .map((f) => f.name)
      .sort(),
    ['CloseDate', 'Name', 'StageName'],
  );
  // hand-written setup objects keep their rules and gain the documented fields they did not list
  const acc = org.api.describe('Account')!;
  assert.equal(acc.keyPrefix, '001');
  assert.equal(acc.fields.shippingstreet!.type, 'textarea');
  assert.equal(acc.fields.numberofemployees!.type, 'int');
  assert.ok(
    acc.childRelationships.some((r) => r.relationshipName === 'Opportunities' && r.childObject === 'Opportunity'),
  );
  assert.ok(acc.childRelationships.some((r) => r.relationshipName === 'Cases'));
  assert.equal(org.api.describe('User')!.fields.manager?.required ?? false, false);
});

test('fields of types the runtime cannot represent are kept apart, never invented or silently dropped', () => {
  assert.deepEqual(
    [...catalogFields('Account').unsupported.values()].map((u) => `${u.name}:${u.type}`),
    ['BillingAddress:address', 'ShippingAddress:address'],
  );
  // reading, writing or querying one stops at the fence, even inside try/catch
  const r = run(`try { Account a = new Account(Name = 'x'); a.put('BillingAddress', null); } catch (Exception e) {}`);
  assert.equal(r.error?.type, 'LOCAL_UNSUPPORTED');
  assert.match(r.error!.message, /Account\.BillingAddress \(address field\)/);
  const q = run(
    `try { List<Account> l = Database.query('SELECT BillingAddress FROM Account'); } catch (Exception e) {}`,
  );
  assert.equal(q.error?.type, 'LOCAL_UNSUPPORTED');
});

test('DML, SOQL and describe of a standard object outside the hand-written set (Case, Opportunity)', () => {
  assert.deepEqual(
    debug(`
      Account a = new Account(Name = 'Acme', ShippingCity = 'Paris');
      insert a;
      insert new Opportunity(Name = 'o', StageName = 'Prospecting', CloseDate = Date.today(), AccountId = a.Id);
      Case c = new Case(Subject = 's', AccountId = a.Id);
      insert c;
      c = [SELECT CaseNumber, Status, Priority, IsClosed, BusinessHoursId FROM Case WHERE Id = :c.Id];
      System.debug(c.CaseNumber + ' ' + c.Status + ' ' + c.Priority + ' ' + c.IsClosed + ' ' + (c.BusinessHoursId != null));
      Account q = [SELECT ShippingCity, (SELECT Name FROM Opportunities), (SELECT Id FROM Cases) FROM Account];
      System.debug(q.ShippingCity + ' ' + q.Opportunities.size() + ' ' + q.Cases.size());
      System.debug(Schema.getGlobalDescribe().get('Case') != null);
      System.debug(String.valueOf(c.Id).startsWith('500'));
    `),
    ['00001001 New Medium false true', 'Paris 1 1', 'true', 'true'],
  );
});

test('a missing required field of a catalog object is the platform DML error', () => {
  const f = failure(`insert new Opportunity(Name = 'o', StageName = 'Prospecting');`);
  assert.match(f.message, /REQUIRED_FIELD_MISSING, Required fields are missing: \[CloseDate\]/);
});
