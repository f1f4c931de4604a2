import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/projectRoot.ts';
import {
  EXTENSION_ATTRIBUTE_NAMES,
  SYNCED_GRAPH_USER_PROPERTIES,
  attributePathProblem,
} from './graphUserProperties.ts';

const APEX_DIRECTORY = path.join(PROJECT_ROOT, 'force-app/main/graph/classes');

/** The string elements of `static final Set<String> NAME = new Set<String>{ … };` in an Apex class. */
function apexStringSet(file: string, constant: string): string[] {
  const source = fs.readFileSync(path.join(APEX_DIRECTORY, file), 'utf8');
  const match = new RegExp(`${constant}\\s*=\\s*new Set<String>\\{([^}]*)\\}`).exec(source);
  assert.ok(match, `${constant} not found in ${file}`);
  return [...match[1].matchAll(/'([^']*)'/g)].map((element) => element[1]);
}

describe('Graph user properties', () => {
  it('match the attributes EntraSyncGraphUser carries', () => {
    assert.deepEqual(
      [...SYNCED_GRAPH_USER_PROPERTIES].sort(),
      apexStringSet('EntraSyncGraphUser.cls', 'KNOWN_ATTRIBUTES').sort(),
    );
  });

  it('match the extension attributes EntraSyncGraphExtensionAttributes carries', () => {
    assert.deepEqual(EXTENSION_ATTRIBUTE_NAMES, apexStringSet('EntraSyncGraphExtensionAttributes.cls', 'NAMES'));
  });

  it('accept synced properties and extension attribute paths', () => {
    assert.equal(attributePathProblem('department'), null);
    assert.equal(attributePathProblem('onPremisesExtensionAttributes.extensionAttribute15'), null);
  });

  it('explain why a path cannot be used', () => {
    assert.match(attributePathProblem('onPremisesExtensionAttributes') ?? '', /is an object/);
    assert.match(attributePathProblem('otherMails') ?? '', /does not read/);
    assert.match(attributePathProblem('favouriteColour') ?? '', /not a Microsoft Graph user property/);
    assert.match(attributePathProblem('onPremisesExtensionAttributes.extensionAttribute16') ?? '', /path/);
    assert.match(attributePathProblem('department.name') ?? '', /path/);
  });
});
