/** Conformance: SObjects, SOQL and DML as the interpreter sees them (Apex Developer Guide, "Working with Data in Apex"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalRuntime } from '../../runtime/runtime.ts';
import { debug, failure } from '../testing.ts';

test('reading a field the query did not select throws SObjectException (SObject Types: "SObject row was retrieved via SOQL without querying the requested field")', () => {
  const f = failure(`insert new Account(Name = 'A'); Account a = [SELECT Id FROM Account LIMIT 1]; String n = a.Name;`);
  assert.equal(f.type, 'System.SObjectException');
  assert.equal(f.message, 'SObject row was retrieved via SOQL without querying the requested field: Account.Name');
});

test('fields set after the query can be read; new records read unset fields as null', () => {
  assert.deepEqual(
    debug(
      `insert new Account(Name = 'A'); Account a = [SELECT Id FROM Account LIMIT 1]; a.Name = 'B'; System.debug(a.Name); System.debug(new Account().Name);`,
    ),
    ['B', 'null'],
  );
});

test('single-row assignment: no rows / more than one row are QueryExceptions (SOQL Statements)', () => {
  assert.equal(failure(`Account a = [SELECT Id FROM Account];`).message, 'List has no rows for assignment to SObject');
  assert.equal(
    failure(
      `insert new List<Account>{ new Account(Name='a'), new Account(Name='b') }; Account a = [SELECT Id FROM Account];`,
    ).message,
    'List has more than 1 row for assignment to SObject',
  );
});

test('binds, parent fields, COUNT() and ORDER BY through the org (SOQL Statements)', () => {
  const out = debug(`
    Account acc = new Account(Name = 'Acme'); insert acc;
    insert new List<Contact>{ new Contact(LastName = 'B', AccountId = acc.Id), new Contact(LastName = 'A', AccountId = acc.Id) };
    Set<Id> ids = new Set<Id>{ acc.Id };
    for (Contact c : [SELECT LastName, Account.Name FROM Contact WHERE AccountId IN :ids ORDER BY LastName]) System.debug(c.LastName + '@' + c.Account.Name);
    System.debug([SELECT COUNT() FROM Contact WHERE Account.Name = :acc.Name]);
  `);
  assert.deepEqual(out, ['A@Acme', 'B@Acme', '2']);
});

test('SOQL for loop over a list variable gets batches of 200 (SOQL For Loops)', () => {
  const out = debug(`
    List<Account> accs = new List<Account>(); for (Integer i = 0; i < 450; i++) accs.add(new Account(Name = 'A' + i)); insert accs;
    for (List<Account> batch : [SELECT Id FROM Account]) System.debug(batch.size());
  `);
  assert.deepEqual(out, ['200', '200', '50']);
});

test('DML failure is a DmlException with the platform message and getDml* details (DmlException Class)', () => {
  const out = debug(`
    try { insert new Contact(); }
    catch (DmlException e) {
      System.debug(e.getMessage()); System.debug(e.getNumDml()); System.debug(e.getDmlStatusCode(0)); System.debug(e.getDmlFieldNames(0)); System.debug(e.getDmlType(0) == StatusCode.REQUIRED_FIELD_MISSING);
    }
  `);
  assert.equal(
    out[0],
    'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]',
  );
  assert.deepEqual(out.slice(1), ['1', 'REQUIRED_FIELD_MISSING', '(LastName)', 'true']);
});

test('Database.insert(records, false) succeeds partially with per-row SaveResults (Database.SaveResult)', () => {
  const out = debug(`
    List<Database.SaveResult> rs = Database.insert(new List<Contact>{ new Contact(LastName = 'ok'), new Contact() }, false);
    System.debug(rs[0].isSuccess() + ' ' + (rs[0].getId() != null));
    Database.Error err = rs[1].getErrors()[0];
    System.debug(rs[1].isSuccess() + ' ' + err.getStatusCode() + ' ' + err.getFields());
    System.debug([SELECT COUNT() FROM Contact]);
  `);
  assert.deepEqual(out, ['true true', 'false REQUIRED_FIELD_MISSING (LastName)', '1']);
});

test('upsert by Id creates then updates, reporting isCreated (Database.UpsertResult)', () => {
  const out = debug(`
    Account a = new Account(Name = 'x');
    Database.UpsertResult r1 = Database.upsert(a); a.Name = 'y'; Database.UpsertResult r2 = Database.upsert(a);
    System.debug(r1.isCreated() + ' ' + r2.isCreated()); System.debug([SELECT Name FROM Account].Name);
  `);
  assert.deepEqual(out, ['true false', 'y']);
});

test('Database.setSavepoint / rollback undo later writes (Database Class)', () => {
  const out = debug(`
    insert new Account(Name = 'kept'); Savepoint sp = Database.setSavepoint();
    insert new Account(Name = 'undone'); Database.rollback(sp);
    System.debug([SELECT COUNT() FROM Account]);
  `);
  assert.deepEqual(out, ['1']);
});

test('SObject get/put/clone/getPopulatedFieldsAsMap and printing (SObject Class)', () => {
  const out = debug(`
    Account a = new Account(Name = 'A'); a.put('Website', 'd'); System.debug(a.get('name'));
    Account c = a.clone(); c.Name = 'C'; System.debug(a.Name + c.Name);
    System.debug(a.getPopulatedFieldsAsMap().keySet()); System.debug(a.getSObjectType() == Account.SObjectType); System.debug(a);
  `);
  assert.deepEqual(out, ['A', 'AC', '{Name, Website}', 'true', 'Account:{Name=A, Website=d}']);
});

test('an unknown field is System.SObjectException: Invalid field', () => {
  const f = failure(`Account a = new Account(); a.put('Nope__c', 1);`);
  assert.equal(f.message, 'Invalid field Nope__c for Account');
});

test('custom-metadata-free objects: Schema describe names, types and lengths (Schema.DescribeFieldResult)', () => {
  const out = debug(`
    Map<String, Schema.SObjectField> fields = Schema.SObjectType.Account.fields.getMap();
    Schema.DescribeFieldResult d = fields.get('name').getDescribe();
    System.debug(d.getName() + ' ' + d.getType() + ' ' + d.getLength() + ' ' + d.isUpdateable());
    System.debug(Account.SObjectType.getDescribe().getName());
  `);
  assert.deepEqual(out, ['Name STRING 255 true', 'Account']);
});

test('describe maps ignore key case; keySet() is lower case (Apex Developer Guide, "Accessing All Field Describe Results for an sObject": "All field names are case insensitive"; "Accessing All sObjects": "The sObject names are case insensitive")', () => {
  const out = debug(`
    Map<String, Schema.SObjectField> fields = Schema.SObjectType.User.fields.getMap();
    System.debug(fields.get('Title').getDescribe().getName() + ' ' + fields.get('TITLE').getDescribe().getName());
    System.debug(fields.containsKey('TITLE') + ' ' + fields.containsKey('title') + ' ' + fields.containsKey('Nope__c'));
    System.debug(fields.keySet().contains('title') + ' ' + fields.keySet().contains('Title'));
    Map<String, Schema.SObjectField> copy = fields.clone();
    System.debug(copy.containsKey('UserName'));
    Map<String, Schema.SObjectType> all = Schema.getGlobalDescribe();
    System.debug(all.get('USER').getDescribe().getName() + ' ' + all.containsKey('account'));
    Map<String, Integer> own = new Map<String, Integer>{ 'Title' => 1 };
    System.debug(own.containsKey('TITLE'));
  `);
  assert.deepEqual(out, ['Title Title', 'true true false', 'true false', 'true', 'User true', 'false']);
});

test('Database.delete returns DeleteResults; deleting a missing record fails that row (Database.DeleteResult)', () => {
  const out = debug(`
    Account a = new Account(Name = 'gone'); insert a;
    List<Database.DeleteResult> rs = Database.delete(new List<Account>{ a }, false);
    System.debug(rs[0].isSuccess() + ' ' + (rs[0].getId() == a.Id)); System.debug([SELECT COUNT() FROM Account]);
  `);
  assert.deepEqual(out, ['true true', '0']);
});

test('JSON round trip of SObjects keeps the type and typed fields', () => {
  const out = debug(`
    Account a = new Account(Name = 'A', IsPartner = true);
    Account b = (Account) JSON.deserialize(JSON.serialize(a), Account.class);
    System.debug(b.Name + ' ' + (b.IsPartner == true) + ' ' + (b.getSObjectType() == Account.SObjectType));
    List<SObject> l = (List<SObject>) JSON.deserialize('[{"attributes":{"type":"Contact"},"LastName":"L"}]', List<SObject>.class);
    System.debug(l[0].getSObjectType() + ' ' + l[0].get('LastName'));
  `);
  assert.deepEqual(out, ['A true true', 'Contact L']);
});

test('Database.query binds locals and member variables by name (Dynamic SOQL)', () => {
  const out = debug(`
    public class Finder { static String wanted = 'B'; public static Integer count() { return Database.query('SELECT Id FROM Account WHERE Name = :wanted').size(); } }
    insert new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B') };
    String name = 'A'; System.debug(Database.query('SELECT Id FROM Account WHERE Name = :name').size()); System.debug(Finder.count());
  `);
  assert.deepEqual(out, ['1', '1']);
});

test('comments inside inline SOQL are skipped like any Apex comment (Apex Developer Guide, "SOQL Statements" are Apex expressions; apex-parser lexer: COMMENT, LINE_COMMENT)', () => {
  assert.deepEqual(
    debug(`insert new Account(Name = 'x // not a comment /* nor this */');
List<Account> a = [SELECT Id, /* the name */ Name FROM Account // every account
  WHERE Name LIKE 'x //%' /* still inside */ AND Name != :('/*' + 'y')];
System.debug(a.size() + ' ' + a[0].Name);
Integer n = [SELECT COUNT() FROM Account /* where */ WHERE Name != null];
System.debug(n);`),
    ['1 x // not a comment /* nor this */', '1'],
  );
});

const CMDT_PROJECT = fileURLToPath(new URL('../__fixtures__/cmdt', import.meta.url));

test('a custom metadata relationship to EntityDefinition / FieldDefinition holds the qualified API name (Custom Metadata Types Developer Guide, "Custom Metadata Relationships")', () => {
  const rt = LocalRuntime.load(CMDT_PROJECT);
  const r =
    rt.runAnonymous(`Mapping__mdt m = new Mapping__mdt(DeveloperName = 'X', Object__c = 'Account', Field__c = 'Account.Name');
System.debug(m.Object__c + ' ' + m.Field__c);
m.put('Object__c', 'Contact');
System.debug(m.get('Object__c'));
Mapping__mdt q = [SELECT Object__c, Field__c FROM Mapping__mdt WHERE Object__c = 'Contact' AND Field__c IN ('Contact.LastName')];
System.debug(q.Object__c + ' ' + q.Field__c + ' ' + Mapping__mdt.getInstance('Contact_Name').Object__c);`);
  assert.equal(r.error, undefined, r.error?.message);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['Account Account.Name', 'Contact', 'Contact Contact.LastName Contact'],
  );
});

const ORG_PROJECT = fileURLToPath(new URL('../../org/__fixtures__/project', import.meta.url));

test('DescribeFieldResult isAutoNumber / isCalculated / isCascadeDelete / isRestrictedPicklist / isNamePointing (Apex Reference Guide, "DescribeFieldResult Class")', () => {
  const rt = LocalRuntime.load(ORG_PROJECT);
  const r = rt.runAnonymous(`Schema.DescribeFieldResult n = Widget__c.Name.getDescribe();
System.debug(n.isAutoNumber() + ' ' + n.isCalculated() + ' ' + Widget__c.Code__c.getDescribe().isAutoNumber());
System.debug(Part__c.Widget__c.getDescribe().isCascadeDelete() + ' ' + Widget__c.Owner__c.getDescribe().isCascadeDelete());
System.debug(Widget__c.Status__c.getDescribe().isRestrictedPicklist() + ' ' + Account.Name.getDescribe().isNamePointing());`);
  assert.equal(r.error, undefined, r.error?.message);
  assert.deepEqual(
    r.debug.map((d) => d.message),
    ['true false false', 'true false', 'true false'],
  );
});
