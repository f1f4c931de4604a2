import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { writeFieldMappings } from '../generators/fieldMappings.ts';
import { recordFileName, toCustomMetadataXml } from './customMetadataXml.ts';
import { DEFAULT_MAPPINGS } from './defaultMappings.ts';
import type { FieldMappingDefinition } from './types.ts';

const definition: FieldMappingDefinition = {
  name: 'Title',
  label: 'Job title & role',
  source: 'Coalesce(jobTitle, "<none>")',
  target: 'Title',
  applyOn: 'Always',
  order: 80,
  onOverflow: 'Truncate',
};

interface RecordValue {
  field: string;
  value: { '#text'?: string | number | boolean; '@_xsi:type'?: string; '@_xsi:nil'?: string };
}

function fieldValues(xml: string): Map<string, RecordValue['value']> {
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as {
    CustomMetadata: { values: RecordValue[] };
  };
  return new Map(parsed.CustomMetadata.values.map((entry) => [entry.field, entry.value]));
}

describe('custom metadata record XML', () => {
  it('writes every field with its type and escapes XML characters', () => {
    const values = fieldValues(toCustomMetadataXml(definition));
    assert.equal(values.get('Source__c')?.['#text'], 'Coalesce(jobTitle, "<none>")');
    assert.equal(values.get('Source__c')?.['@_xsi:type'], 'xsd:string');
    assert.equal(values.get('TargetField__c')?.['#text'], 'Title');
    assert.equal(values.get('ApplyOn__c')?.['#text'], 'Always');
    assert.equal(values.get('Active__c')?.['#text'], 'true');
    assert.equal(values.get('Order__c')?.['#text'], '80.0');
    assert.equal(values.get('DefaultValue__c')?.['@_xsi:nil'], 'true');
    assert.equal(values.get('OnOverflow__c')?.['#text'], 'Truncate');
    assert.equal(values.get('OnOverflow__c')?.['@_xsi:type'], 'xsd:string');
    assert.match(toCustomMetadataXml(definition), /<label>Job title &amp; role<\/label>/);
  });

  it('writes inactive mappings as inactive', () => {
    const values = fieldValues(toCustomMetadataXml({ ...definition, active: false }));
    assert.equal(values.get('Active__c')?.['#text'], 'false');
  });

  it('names files after the type and the record', () => {
    assert.equal(recordFileName(definition), 'EntraSyncFieldMapping.Title.md-meta.xml');
  });
});

describe('field mapping generator', () => {
  let output: string;
  let forceApp: string;

  beforeEach(() => {
    output = fs.mkdtempSync(path.join(os.tmpdir(), 'entrasync-mappings-'));
    forceApp = fs.mkdtempSync(path.join(os.tmpdir(), 'entrasync-force-app-'));
  });

  afterEach(() => {
    fs.rmSync(output, { recursive: true, force: true });
    fs.rmSync(forceApp, { recursive: true, force: true });
  });

  it('writes one record per shipped mapping and removes stale records', () => {
    fs.writeFileSync(path.join(output, 'EntraSyncFieldMapping.Removed.md-meta.xml'), '<old/>');
    fs.writeFileSync(path.join(output, 'Other.keep.md-meta.xml'), '<other/>');

    const files = writeFieldMappings(DEFAULT_MAPPINGS, output, forceApp);

    assert.equal(files.length, DEFAULT_MAPPINGS.length);
    const written = fs.readdirSync(output).sort();
    assert.ok(!written.includes('EntraSyncFieldMapping.Removed.md-meta.xml'), 'stale record removed');
    assert.ok(written.includes('Other.keep.md-meta.xml'), 'other files untouched');
    assert.ok(written.includes('EntraSyncFieldMapping.Username.md-meta.xml'));
  });

  it("writes each shipped mapping's OnOverflow__c: Fail for identities, Truncate for descriptive fields", () => {
    writeFieldMappings(DEFAULT_MAPPINGS, output, forceApp);
    const onOverflowOf = (name: string): unknown =>
      fieldValues(fs.readFileSync(path.join(output, `EntraSyncFieldMapping.${name}.md-meta.xml`), 'utf8')).get(
        'OnOverflow__c',
      )?.['#text'];

    for (const definition of DEFAULT_MAPPINGS) {
      assert.equal(onOverflowOf(definition.name), definition.onOverflow, `${definition.name} carries its choice`);
    }
    assert.equal(onOverflowOf('Username'), 'Fail', 'an overlong Username fails the user');
    assert.equal(onOverflowOf('Email'), 'Fail', 'an overlong Email fails the user');
    assert.equal(onOverflowOf('FederationIdentifier'), 'Fail', 'an overlong Federation ID fails the user');
    assert.equal(onOverflowOf('Title'), 'Truncate', 'an overlong Title is cut with a warning');
    assert.equal(onOverflowOf('Street'), 'Truncate', 'an overlong Street is cut with a warning');
  });

  it('fails the build for a shipped identity mapping that would truncate', () => {
    assert.throws(
      () =>
        writeFieldMappings(
          [{ ...definition, name: 'Email', target: 'Email', source: 'mail', onOverflow: 'Truncate' }],
          output,
          forceApp,
        ),
      /onOverflow must be Fail for Email/,
    );
  });

  it('accepts custom User fields defined in force-app', () => {
    const fields = path.join(forceApp, 'main', 'sync', 'objects', 'User', 'fields');
    fs.mkdirSync(fields, { recursive: true });
    fs.writeFileSync(path.join(fields, 'CostCenter__c.field-meta.xml'), '<CustomField/>');
    const custom: FieldMappingDefinition = {
      ...definition,
      name: 'CostCenter',
      source: 'onPremisesExtensionAttributes.extensionAttribute3',
      target: 'CostCenter__c',
    };

    assert.equal(writeFieldMappings([custom], output, forceApp).length, 1);
  });

  it('fails the build listing every invalid mapping and writes nothing', () => {
    assert.throws(
      () =>
        writeFieldMappings(
          [
            { ...definition, target: 'Missing__c' },
            { ...definition, name: 'X', source: 'Foo(' },
          ],
          output,
          forceApp,
        ),
      (error: unknown) =>
        error instanceof Error &&
        /Missing__c does not exist/.test(error.message) &&
        /ENTRASYNC_EXPR_UNKNOWN_FUNCTION/.test(error.message),
    );
    assert.deepEqual(fs.readdirSync(output), []);
  });
});
