/**
 * Pure builders of `sf` argument lists: every command a script runs is decided here, where a unit test can read it.
 * Flags follow the `sf` v2 command reference (`org create scratch`, `project deploy start`, `org assign permset`,
 * `apex run test`, `package create`, `package version create`, `package install`).
 */

export const DEFAULT_SCRATCH_ALIAS = 'entrasync';
export const ADMIN_PERMISSION_SET = 'EntraSyncAdmin';

export function scratchOrgCreateArgs(input: {
  devHub: string;
  definitionFile: string;
  alias: string;
  durationDays: number;
  waitMinutes: number;
}): string[] {
  return [
    'org',
    'create',
    'scratch',
    '--definition-file',
    input.definitionFile,
    '--alias',
    input.alias,
    '--duration-days',
    String(input.durationDays),
    '--set-default',
    '--target-dev-hub',
    input.devHub,
    '--wait',
    String(input.waitMinutes),
  ];
}

export function deployArgs(input: { targetOrg: string; sourceDirs: readonly string[]; waitMinutes: number }): string[] {
  if (input.sourceDirs.length === 0) throw new Error('deployArgs: at least one source directory is needed');
  return [
    'project',
    'deploy',
    'start',
    ...input.sourceDirs.flatMap((dir) => ['--source-dir', dir]),
    '--target-org',
    input.targetOrg,
    '--wait',
    String(input.waitMinutes),
  ];
}

export function assignPermissionSetArgs(input: {
  targetOrg: string;
  permissionSet: string;
  onBehalfOf?: string;
}): string[] {
  return [
    'org',
    'assign',
    'permset',
    '--name',
    input.permissionSet,
    '--target-org',
    input.targetOrg,
    ...(input.onBehalfOf ? ['--on-behalf-of', input.onBehalfOf] : []),
  ];
}

export function apexTestArgs(input: {
  targetOrg: string;
  classNames: readonly string[];
  waitMinutes: number;
}): string[] {
  if (input.classNames.length === 0) throw new Error('apexTestArgs: no test classes to run');
  return [
    'apex',
    'run',
    'test',
    '--target-org',
    input.targetOrg,
    '--test-level',
    'RunSpecifiedTests',
    ...input.classNames.flatMap((name) => ['--class-names', name]),
    '--code-coverage',
    '--result-format',
    'json',
    '--wait',
    String(input.waitMinutes),
  ];
}

export function packageCreateArgs(input: {
  devHub: string;
  packageName: string;
  path: string;
  description?: string;
}): string[] {
  return [
    'package',
    'create',
    '--name',
    input.packageName,
    '--package-type',
    'Unlocked',
    '--path',
    input.path,
    '--no-namespace',
    ...(input.description ? ['--description', input.description] : []),
    '--target-dev-hub',
    input.devHub,
  ];
}

export function packageVersionCreateArgs(input: {
  devHub: string;
  packageName: string;
  waitMinutes: number;
}): string[] {
  return [
    'package',
    'version',
    'create',
    '--package',
    input.packageName,
    '--code-coverage',
    '--installation-key-bypass',
    '--wait',
    String(input.waitMinutes),
    '--target-dev-hub',
    input.devHub,
  ];
}

export function packageInstallArgs(input: {
  targetOrg: string;
  packageVersion: string;
  waitMinutes: number;
}): string[] {
  return [
    'package',
    'install',
    '--package',
    input.packageVersion,
    '--target-org',
    input.targetOrg,
    '--wait',
    String(input.waitMinutes),
    '--publish-wait',
    '10',
    '--security-type',
    'AdminsOnly',
    '--no-prompt',
  ];
}

/** The role given to the scratch org's admin: external (CCP) users need a Contact whose Account owner has a role. */
export const ACCOUNT_OWNER_ROLE = { name: 'Entra Sync Account Owner', developerName: 'EntraSyncAccountOwner' };

export function createRoleArgs(input: { targetOrg: string; name: string; developerName: string }): string[] {
  return [
    'data',
    'create',
    'record',
    '--sobject',
    'UserRole',
    '--values',
    `Name='${input.name}' DeveloperName='${input.developerName}'`,
    '--target-org',
    input.targetOrg,
  ];
}

export function assignRoleArgs(input: { targetOrg: string; username: string; roleId: string }): string[] {
  return [
    'data',
    'update',
    'record',
    '--sobject',
    'User',
    '--where',
    `Username='${input.username}'`,
    '--values',
    `UserRoleId='${input.roleId}'`,
    '--target-org',
    input.targetOrg,
  ];
}
