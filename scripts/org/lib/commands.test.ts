import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apexTestArgs,
  assignPermissionSetArgs,
  deployArgs,
  packageCreateArgs,
  packageInstallArgs,
  packageVersionCreateArgs,
  scratchOrgCreateArgs,
} from './commands.ts';

describe('sf argument builders', () => {
  it('creates a scratch org as the default org from the definition file', () => {
    assert.deepEqual(
      scratchOrgCreateArgs({
        devHub: 'hub@x.com',
        definitionFile: 'config/project-scratch-def.json',
        alias: 'entrasync',
        durationDays: 7,
        waitMinutes: 30,
      }),
      [
        'org',
        'create',
        'scratch',
        '--definition-file',
        'config/project-scratch-def.json',
        '--alias',
        'entrasync',
        '--duration-days',
        '7',
        '--set-default',
        '--target-dev-hub',
        'hub@x.com',
        '--wait',
        '30',
      ],
    );
  });

  it('deploys every source directory with its own --source-dir flag', () => {
    assert.deepEqual(deployArgs({ targetOrg: 'o', sourceDirs: ['force-app', 'unpackaged'], waitMinutes: 60 }), [
      'project',
      'deploy',
      'start',
      '--source-dir',
      'force-app',
      '--source-dir',
      'unpackaged',
      '--target-org',
      'o',
      '--wait',
      '60',
    ]);
    assert.throws(
      () => deployArgs({ targetOrg: 'o', sourceDirs: [], waitMinutes: 1 }),
      /at least one source directory/,
    );
  });

  it('assigns a permission set, optionally on behalf of another user', () => {
    assert.deepEqual(assignPermissionSetArgs({ targetOrg: 'o', permissionSet: 'EntraSyncAdmin' }), [
      'org',
      'assign',
      'permset',
      '--name',
      'EntraSyncAdmin',
      '--target-org',
      'o',
    ]);
    assert.deepEqual(assignPermissionSetArgs({ targetOrg: 'o', permissionSet: 'P', onBehalfOf: 'u@x.com' }).slice(-2), [
      '--on-behalf-of',
      'u@x.com',
    ]);
  });

  it('runs the named test classes with code coverage', () => {
    const args = apexTestArgs({ targetOrg: 'o', classNames: ['A_Tests', 'B_Tests'], waitMinutes: 60 });
    assert.deepEqual(args.slice(0, 3), ['apex', 'run', 'test']);
    assert.ok(args.includes('--code-coverage'));
    assert.deepEqual(args.slice(args.indexOf('--test-level'), args.indexOf('--test-level') + 6), [
      '--test-level',
      'RunSpecifiedTests',
      '--class-names',
      'A_Tests',
      '--class-names',
      'B_Tests',
    ]);
    assert.throws(() => apexTestArgs({ targetOrg: 'o', classNames: [], waitMinutes: 1 }), /no test classes/);
  });

  it('creates an unlocked package without namespace', () => {
    const args = packageCreateArgs({ devHub: 'hub', packageName: 'EntraUserSync', path: 'force-app' });
    assert.deepEqual(args, [
      'package',
      'create',
      '--name',
      'EntraUserSync',
      '--package-type',
      'Unlocked',
      '--path',
      'force-app',
      '--no-namespace',
      '--target-dev-hub',
      'hub',
    ]);
  });

  it('creates a version with code coverage (required to promote) and no installation key', () => {
    assert.deepEqual(packageVersionCreateArgs({ devHub: 'hub', packageName: 'EntraUserSync', waitMinutes: 60 }), [
      'package',
      'version',
      'create',
      '--package',
      'EntraUserSync',
      '--code-coverage',
      '--installation-key-bypass',
      '--wait',
      '60',
      '--target-dev-hub',
      'hub',
    ]);
  });

  it('installs for admins only without prompting', () => {
    const args = packageInstallArgs({ targetOrg: 'o', packageVersion: 'EntraUserSync@0.1.0-1', waitMinutes: 30 });
    assert.deepEqual(args.slice(0, 4), ['package', 'install', '--package', 'EntraUserSync@0.1.0-1']);
    assert.ok(args.includes('--no-prompt'));
    assert.equal(args[args.indexOf('--security-type') + 1], 'AdminsOnly');
  });
});
