/**
 * Build generator: validates scripts/mapping/defaultMappings.ts and writes one EntraSyncFieldMapping__mdt record per
 * mapping into force-app/main/mapping/customMetadata (git-ignored), removing records no longer defined.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAPPING_TYPE, recordFileName, toCustomMetadataXml } from '../mapping/customMetadataXml.ts';
import { DEFAULT_MAPPINGS } from '../mapping/defaultMappings.ts';
import type { FieldMappingDefinition } from '../mapping/types.ts';
import { STANDARD_USER_FIELDS, findCustomUserFields } from '../mapping/userFields.ts';
import { validateMappings } from '../mapping/validate.ts';
import { PROJECT_ROOT } from '../lib/projectRoot.ts';

const FORCE_APP = path.join(PROJECT_ROOT, 'force-app');
const OUTPUT_DIRECTORY = path.join(FORCE_APP, 'main', 'mapping', 'customMetadata');

/**
 * Validates the definitions and writes their records; throws with every problem listed when any is invalid.
 * @returns the files written
 */
export function writeFieldMappings(
  definitions: readonly FieldMappingDefinition[],
  outputDirectory: string,
  forceAppDirectory: string,
): string[] {
  const userFields = new Set<string>([...STANDARD_USER_FIELDS, ...findCustomUserFields(forceAppDirectory)]);
  const problems = validateMappings(definitions, userFields);
  if (problems.length > 0) throw new Error(`invalid field mappings:\n${problems.join('\n')}`);
  fs.mkdirSync(outputDirectory, { recursive: true });
  const wanted = new Set(definitions.map(recordFileName));
  for (const existing of fs.readdirSync(outputDirectory)) {
    if (existing.startsWith(`${MAPPING_TYPE}.`) && existing.endsWith('.md-meta.xml') && !wanted.has(existing)) {
      fs.rmSync(path.join(outputDirectory, existing));
    }
  }
  return definitions.map((definition) => {
    const file = path.join(outputDirectory, recordFileName(definition));
    fs.writeFileSync(file, toCustomMetadataXml(definition));
    return file;
  });
}

export async function generate(): Promise<void> {
  const files = writeFieldMappings(DEFAULT_MAPPINGS, OUTPUT_DIRECTORY, FORCE_APP);
  console.log(`  ${files.length} field mapping record(s) in ${path.relative(PROJECT_ROOT, OUTPUT_DIRECTORY)}`);
}
