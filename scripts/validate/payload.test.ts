import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureProject } from '../org/lib/fixtureProject.ts';
import { spawnProcess } from '../lib/process.ts';
import { fixturePackageFiles } from './fixturePackage.ts';
import { checkPayload, payloadProblems } from './payload.ts';
import type { CheckResult } from './result.ts';

describe('deployable payload', () => {
  it('accepts compiled LWC, classes and a manifest', () => {
    assert.deepEqual(
      payloadProblems([
        'package.xml',
        'classes/A.cls',
        'classes/A.cls-meta.xml',
        'lwc/x/x.js',
        'lwc/x/x.html',
        'lwc/x/x.js-meta.xml',
      ]),
      [],
    );
  });

  it('names TypeScript, tests and configs that slipped past .forceignore', () => {
    assert.deepEqual(
      payloadProblems([
        'package.xml',
        'lwc/x/x.js',
        'lwc/x/x.js-meta.xml',
        'lwc/x/x.ts',
        'lwc/x/__tests__/x.test.js',
        'lwc/tsconfig.json',
        'lwc/jest.config.js',
      ]),
      [
        'lwc/x/x.ts: TypeScript source would be deployed; list it in .forceignore',
        'lwc/x/__tests__/x.test.js: a test folder would be deployed; list it in .forceignore',
        'lwc/tsconfig.json: a TypeScript config would be deployed; list it in .forceignore',
        'lwc/jest.config.js: a Jest config would be deployed; list it in .forceignore',
      ],
    );
  });

  it('names an LWC bundle without its compiled .js', () => {
    assert.deepEqual(payloadProblems(['package.xml', 'lwc/y/y.html', 'lwc/y/y.js-meta.xml']), [
      'lwc/y: no y.js in the payload; run npm run build (compiled LWC is not committed)',
    ]);
  });

  it('converts with the real sf CLI and catches .ts files when .forceignore does not exclude them', async () => {
    const files = fixturePackageFiles();
    files['.forceignore'] = '**/__tests__/**\n';
    const project = fixtureProject(files);
    try {
      const results: CheckResult[] = [];
      await checkPayload(spawnProcess, project.dir, 'force-app', results);
      assert.deepEqual(
        results.map((r) => [r.check, r.problems]),
        [
          ['converts to Metadata API format', []],
          [
            'deployable payload is clean',
            [
              'lwc/entraSyncAdminHome/entraSyncAdminHome.ts: TypeScript source would be deployed; list it in .forceignore',
            ],
          ],
        ],
      );
    } finally {
      project.remove();
    }
  });
});
