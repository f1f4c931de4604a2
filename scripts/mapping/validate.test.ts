import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/projectRoot.ts';
import { DEFAULT_MAPPINGS } from './defaultMappings.ts';
import type { FieldMappingDefinition } from './types.ts';
import { STANDARD_USER_FIELDS, findCustomUserFields } from './userFields.ts';
import { validateMappings } from './validate.ts';

const USER_FIELDS = new Set<string>([...STANDARD_USER_FIELDS, 'EntraSyncObjectId__c']);
const valid: FieldMappingDefinition = {
  name: 'Title',
  label: 'Title',
  source: 'jobTitle',
  target: 'Title',
  applyOn: 'Always',
  order: 1,
  onOverflow: 'Truncate',
};
const problemsOf = (...definitions: FieldMappingDefinition[]): string[] => validateMappings(definitions, USER_FIELDS);

describe('shipped default mappings', () => {
  it('are valid against the User fields in force-app', () => {
    const userFields = new Set<string>([
      ...STANDARD_USER_FIELDS,
      ...findCustomUserFields(path.join(PROJECT_ROOT, 'force-app')),
    ]);
    assert.deepEqual(validateMappings(DEFAULT_MAPPINGS, userFields), []);
  });

  it('fill every field Salesforce requires to create a user, except the profile', () => {
    const targets = new Set(DEFAULT_MAPPINGS.filter((mapping) => mapping.active !== false).map((m) => m.target));
    for (const required of [
      'Username',
      'LastName',
      'Email',
      'Alias',
      'TimeZoneSidKey',
      'LocaleSidKey',
      'EmailEncodingKey',
      'LanguageLocaleKey',
    ]) {
      assert.ok(targets.has(required as FieldMappingDefinition['target']), `${required} is mapped`);
    }
  });

  it('fail the user on an overlong identity value and truncate descriptive fields', () => {
    const onOverflow = new Map(DEFAULT_MAPPINGS.map((mapping) => [mapping.target, mapping.onOverflow]));
    for (const identity of ['Username', 'Email', 'FederationIdentifier'] as const) {
      assert.equal(onOverflow.get(identity), 'Fail', `${identity} is an identity: never cut`);
    }
    for (const descriptive of [
      'Title',
      'Department',
      'CompanyName',
      'Street',
      'City',
      'FirstName',
      'LastName',
    ] as const) {
      assert.equal(onOverflow.get(descriptive), 'Truncate', `${descriptive} is cut to fit with a warning`);
    }
  });

  it('keep Alias within its 8 characters on create', () => {
    const alias = DEFAULT_MAPPINGS.find((mapping) => mapping.target === 'Alias');
    assert.equal(alias?.source, 'Lower(Left(mailNickname, 8))');
    assert.equal(alias?.applyOn, 'Create');
  });
});

describe('mapping validation', () => {
  it('accepts a valid mapping', () => {
    assert.deepEqual(problemsOf(valid), []);
  });

  it('rejects an unknown target field', () => {
    assert.match(problemsOf({ ...valid, target: 'Nope__c' }).join(), /target User\.Nope__c does not exist/);
  });

  it('rejects an attribute Graph does not have or the sync does not read', () => {
    assert.match(problemsOf({ ...valid, source: 'Upper(favouriteColour)' }).join(), /ENTRASYNC_UNKNOWN_ATTRIBUTE/);
    assert.match(problemsOf({ ...valid, source: 'otherMails' }).join(), /does not read/);
  });

  it('rejects an expression that does not parse, with its column', () => {
    assert.match(problemsOf({ ...valid, source: 'Left(jobTitle, 3' }).join(), /Expected '\)' at column 17/);
  });

  it('rejects bad names, labels, orders and duplicates', () => {
    assert.match(problemsOf({ ...valid, name: 'Bad__Name' }).join(), /single underscores/);
    assert.match(problemsOf({ ...valid, name: '1st' }).join(), /start with a letter/);
    assert.match(problemsOf({ ...valid, label: 'x'.repeat(41) }).join(), /label/);
    assert.match(problemsOf({ ...valid, order: 1.5 }).join(), /order/);
    assert.match(problemsOf(valid, { ...valid, name: 'Title2' }).join(), /already fills Title on Always/);
    assert.match(problemsOf(valid, valid).join(), /name is used twice/);
  });

  it('rejects an unknown onOverflow and truncating an identity field', () => {
    const unknown = { ...valid, onOverflow: 'Ignore' } as unknown as FieldMappingDefinition; // deliberately invalid
    assert.match(problemsOf(unknown).join(), /onOverflow must be Truncate or Fail/);
    for (const target of ['Username', 'Email', 'FederationIdentifier', 'EntraSyncObjectId__c'] as const) {
      assert.match(
        problemsOf({ ...valid, name: 'Identity', target, source: 'userPrincipalName' }).join(),
        new RegExp(`onOverflow must be Fail for ${target}`),
      );
      assert.deepEqual(problemsOf({ ...valid, target, source: 'userPrincipalName', onOverflow: 'Fail' }), []);
    }
  });

  it('requires a source or a default value', () => {
    assert.match(problemsOf({ ...valid, source: '' }).join(), /needs a source or a defaultValue/);
    assert.deepEqual(problemsOf({ ...valid, source: '', defaultValue: 'x' }), []);
  });

  it('rejects values longer than the custom metadata fields', () => {
    assert.match(problemsOf({ ...valid, source: `"${'x'.repeat(260)}"` }).join(), /source is longer than 255/);
    assert.match(problemsOf({ ...valid, defaultValue: 'x'.repeat(256) }).join(), /defaultValue is longer than 255/);
  });
});
