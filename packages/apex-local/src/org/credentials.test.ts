/**
 * NamedCredential and ExternalCredential rows come from the project's credential files (Object Reference:
 * NamedCredential — describeSObjects(), query(), retrieve(); fields DeveloperName, MasterLabel, Endpoint,
 * PrincipalType, CalloutOptions*; ExternalCredential — AuthenticationProtocol).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { fixtureOrg, inTransaction, rec } from './testSupport.ts';

test('NamedCredential: one row per namedCredential file with its URL, label and callout options', () => {
  const rows = fixtureOrg().query(
    'SELECT Id, DeveloperName, MasterLabel, Endpoint, Description, PrincipalType, NamespacePrefix, ' +
      'CalloutOptionsGenerateAuthorizationHeader, CalloutOptionsAllowMergeFieldsInBody FROM NamedCredential',
  );
  assert.equal(rows.length, 1);
  const [nc] = rows;
  assert.match(String(nc!.Id), /^0XA/);
  assert.equal(nc!.DeveloperName, 'Api');
  assert.equal(nc!.MasterLabel, 'Api');
  assert.equal(nc!.Endpoint, 'https://api.example.invalid');
  assert.equal(nc!.Description, 'Fixture API.');
  assert.equal(nc!.PrincipalType, null, 'a SecuredEndpoint credential has no legacy identity type');
  assert.equal(nc!.NamespacePrefix, null);
  assert.equal(nc!.CalloutOptionsGenerateAuthorizationHeader, true);
  assert.equal(nc!.CalloutOptionsAllowMergeFieldsInBody, false);
});

test('NamedCredential: the admin check by DeveloperName finds it, in any case', () => {
  const org = fixtureOrg();
  assert.equal(org.query("SELECT Id FROM NamedCredential WHERE DeveloperName = 'api'").length, 1);
  assert.equal(org.query("SELECT Id FROM NamedCredential WHERE DeveloperName = 'Missing'").length, 0);
});

test('ExternalCredential: one row per externalCredential file with its authentication protocol', () => {
  const rows = fixtureOrg().query(
    'SELECT Id, DeveloperName, MasterLabel, AuthenticationProtocol, Description FROM ExternalCredential',
  );
  assert.equal(rows.length, 1);
  const [ec] = rows;
  assert.match(String(ec!.Id), /^0pt/);
  assert.equal(ec!.DeveloperName, 'ApiAuth');
  assert.equal(ec!.MasterLabel, 'Api Auth');
  assert.equal(ec!.AuthenticationProtocol, 'Oauth');
  assert.equal(ec!.Description, 'Client credentials for the fixture API.');
});

test('credentials are read-only setup metadata: DML is not allowed', () => {
  const org = fixtureOrg();
  for (const objectName of ['NamedCredential', 'ExternalCredential'])
    assert.throws(
      () =>
        inTransaction(org, () =>
          org.api.dml({ op: 'insert', objectName, records: [rec(objectName, {})], allOrNone: true }),
        ),
      (e: unknown) => e instanceof OrgError && e.message === `DML operation Insert not allowed on ${objectName}`,
    );
});
