import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APEX_DTO_FILE, TS_DTO_FILE, checkDtoFiles, compareDtos, readApexDtos, readTsDtos } from './adminDtoTypes.ts';

const APEX = `
public inherited sharing class SampleDto {
    public class Run {
        @AuraEnabled
        public Id id;
        @AuraEnabled
        public Integer durationSeconds;
        @AuraEnabled
        public Boolean isActive = false;
        @AuraEnabled
        public Datetime startedAt;
        @AuraEnabled
        public List<SampleDto.Change> changes = new List<Change>();
        @AuraEnabled
        public Map<String, Decimal> totals { get; set; }
        @AuraEnabled
        public String[] tags;
        public String notSerialized;
        @AuraEnabled
        public static String alsoNotSerialized;
    }
    public class Change {
        @AuraEnabled
        public String field, before, after;
    }
}
`;

const TS = `
export interface Run {
  id: string;
  durationSeconds?: number | null;
  isActive: boolean;
  startedAt?: string;
  changes: Change[];
  totals?: Record<string, number>;
  tags: string[];
}
export interface Change {
  field: string;
  before?: string | null;
  after?: string | null;
}
`;

const compare = (apex: string, typescript: string): string[] =>
  compareDtos(readApexDtos(apex), readTsDtos(typescript), 'SampleDto');

describe('admin DTO types check', () => {
  it('maps the Apex types of every @AuraEnabled instance field and property', () => {
    const [run, change] = readApexDtos(APEX);
    assert.deepEqual(
      run.fields.map((field) => `${field.name}: ${field.tsType}`),
      [
        'id: string',
        'durationSeconds: number',
        'isActive: boolean',
        'startedAt: string',
        'changes: Change[]',
        'totals: Record<string, number>',
        'tags: string[]',
      ],
    );
    assert.deepEqual(
      change.fields.map((field) => field.name),
      ['field', 'before', 'after'],
    );
  });

  it('accepts TypeScript that adds only ? and | null to the mapped types', () => {
    assert.deepEqual(compare(APEX, TS), []);
  });

  it('fails naming both sides when a field is renamed in Apex', () => {
    const drift = compare(APEX.replace('public Integer durationSeconds;', 'public Integer elapsedSeconds;'), TS);
    assert.deepEqual(drift, [
      'SampleDto.Run.elapsedSeconds (Integer) is missing from interface Run in dto.ts (expected elapsedSeconds: number)',
      'Run.durationSeconds in dto.ts has no @AuraEnabled field or property in SampleDto.Run (renamed or removed in Apex?)',
    ]);
  });

  it('fails when a field changes type, or a class or interface is on one side only', () => {
    const apex = APEX.replace('public Integer durationSeconds;', 'public String durationSeconds;').replace(
      '    public class Change {',
      '    public class Extra {\n        @AuraEnabled\n        public String name;\n    }\n    public class Change {',
    );
    const drift = compare(apex, `${TS}\nexport interface Leftover {\n  id: string;\n}\n`);
    assert.deepEqual(drift, [
      'Run.durationSeconds is String in Apex, so string in dto.ts, but dto.ts says number',
      'SampleDto.Extra has no interface Extra in dto.ts',
      'interface Leftover in dto.ts has no inner class in SampleDto',
    ]);
  });

  it('rejects an Apex type with no TypeScript mapping, naming the member', () => {
    assert.throws(
      () => readApexDtos(APEX.replace('public String[] tags;', 'public Account owner;')),
      /ENTRASYNC_DTO_APEX_TYPE .*Run\.owner: unsupported Apex type Account/,
    );
  });

  it('reports an Apex syntax error with its position', () => {
    assert.throws(() => readApexDtos('public class Broken {'), /ENTRASYNC_DTO_APEX_SYNTAX EntraSyncAdminDto\.cls:1:/);
  });

  describe('on the project files', () => {
    let directory = '';
    before(() => {
      directory = mkdtempSync(path.join(tmpdir(), 'admin-dto-'));
    });
    after(() => rmSync(directory, { recursive: true, force: true }));

    it('finds dto.ts in step with EntraSyncAdminDto.cls', () => {
      assert.deepEqual(checkDtoFiles(APEX_DTO_FILE, TS_DTO_FILE), []);
    });

    it('fails when a field of EntraSyncAdminDto.cls is renamed', () => {
      const renamed = path.join(directory, 'EntraSyncAdminDto.cls');
      const source = readFileSync(APEX_DTO_FILE, 'utf8');
      assert.ok(source.includes('public Integer durationSeconds;'), 'the fixture edit still applies');
      writeFileSync(renamed, source.replace('public Integer durationSeconds;', 'public Integer durationSecs;'));

      assert.deepEqual(checkDtoFiles(renamed, TS_DTO_FILE), [
        'EntraSyncAdminDto.RunSummary.durationSecs (Integer) is missing from interface RunSummary in dto.ts ' +
          '(expected durationSecs: number)',
        'RunSummary.durationSeconds in dto.ts has no @AuraEnabled field or property in ' +
          'EntraSyncAdminDto.RunSummary (renamed or removed in Apex?)',
      ]);
    });
  });
});
