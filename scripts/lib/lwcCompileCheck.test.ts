import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkLwcBundles, findLwcBundles } from './lwcCompileCheck.ts';

const META = '<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"/>';
const COMPONENT =
  "import { LightningElement, api } from 'lwc';\nexport default class X extends LightningElement {\n  @api value;\n}\n";

function writeBundle(root: string, name: string, files: Record<string, string>): string {
  const bundle = path.join(root, 'main', 'admin', 'lwc', name);
  mkdirSync(bundle, { recursive: true });
  writeFileSync(path.join(bundle, `${name}.js-meta.xml`), META);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(bundle, file), text);
  return bundle;
}

describe('LWC compile check', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'lwc-check-'));
    writeBundle(root, 'goodOne', { 'goodOne.js': COMPONENT, 'goodOne.html': '<template>{value}</template>' });
    writeBundle(root, 'notBuilt', { 'notBuilt.ts': COMPONENT });
    // LWC1034: a quoted expression in an attribute is rejected by the template compiler
    writeBundle(root, 'badTemplate', {
      'badTemplate.js': COMPONENT,
      'badTemplate.html': '<template><div title="{value}"></div></template>',
    });
    mkdirSync(path.join(root, 'main', 'admin', 'lwc', 'goodOne', '__tests__'), { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds bundles by their <name>.js-meta.xml', () => {
    assert.deepEqual(
      findLwcBundles(root).map((bundle) => path.basename(bundle)),
      ['badTemplate', 'goodOne', 'notBuilt'],
    );
  });

  it('passes a compiled bundle and reports a missing .js and a template the platform compiler rejects', () => {
    const problems = checkLwcBundles(findLwcBundles(root)).map((problem) => ({
      file: path.basename(problem.file),
      code: /^(LOCAL_\w+|LWC\d+)/.exec(problem.message)?.[1],
    }));
    assert.deepEqual(problems, [
      { file: 'badTemplate.html', code: 'LWC1034' },
      { file: 'notBuilt.js', code: 'LOCAL_LWC_NOT_COMPILED' },
    ]);
  });
});
