import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  latestVersionAlias,
  packagedDirectory,
  recordPackageAlias,
  versionAlias,
  withPackageAlias,
} from './project.ts';

const PROJECT = {
  packageDirectories: [{ path: 'force-app', default: true, package: 'EntraUserSync', versionNumber: '0.1.0.NEXT' }],
  sourceApiVersion: '65.0',
  packageAliases: { EntraUserSync: '0Ho000000000001AAA' },
};

describe('sfdx-project.json package aliases', () => {
  it('builds the alias the way sf does: Name@major.minor.patch-build', () => {
    assert.equal(versionAlias('EntraUserSync', '0.1.0.3'), 'EntraUserSync@0.1.0-3');
  });

  it('adds an alias without touching anything else', () => {
    const next = withPackageAlias(PROJECT, 'EntraUserSync@0.1.0-1', '04t000000000001AAA');
    assert.deepEqual(next.packageAliases, {
      EntraUserSync: '0Ho000000000001AAA',
      'EntraUserSync@0.1.0-1': '04t000000000001AAA',
    });
    assert.equal(next.sourceApiVersion, '65.0');
    assert.equal(PROJECT.packageAliases['EntraUserSync@0.1.0-1' as keyof typeof PROJECT.packageAliases], undefined);
  });

  it('picks the newest version numerically (0.1.0-10 beats 0.1.0-9) and ignores the package id', () => {
    const aliases = {
      EntraUserSync: '0Ho000000000001AAA',
      'EntraUserSync@0.1.0-9': '04t9',
      'EntraUserSync@0.1.0-10': '04t10',
      'Other@9.9.9-9': '04tX',
    };
    assert.deepEqual(latestVersionAlias(aliases, 'EntraUserSync'), { alias: 'EntraUserSync@0.1.0-10', id: '04t10' });
    assert.equal(latestVersionAlias({}, 'EntraUserSync'), undefined);
  });

  it('finds the packaged directory', () => {
    assert.equal(packagedDirectory(PROJECT).package, 'EntraUserSync');
    assert.throws(() => packagedDirectory({ packageDirectories: [{ path: 'x' }] }), /ENTRASYNC_PROJECT_JSON/);
  });

  it('records an alias on disk once, leaving no temp file behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entrasync-project-'));
    try {
      writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify(PROJECT, null, 2));
      assert.equal(recordPackageAlias(dir, 'EntraUserSync@0.1.0-1', '04tA'), true);
      assert.equal(recordPackageAlias(dir, 'EntraUserSync@0.1.0-1', '04tA'), false);
      const written = JSON.parse(readFileSync(path.join(dir, 'sfdx-project.json'), 'utf8')) as typeof PROJECT;
      assert.equal((written.packageAliases as Record<string, string>)['EntraUserSync@0.1.0-1'], '04tA');
      assert.deepEqual(written.packageDirectories, PROJECT.packageDirectories);
      assert.deepEqual(readdirSync(dir), ['sfdx-project.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
