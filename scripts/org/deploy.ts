/**
 * npm run deploy [-- --target-org ALIAS]
 *
 * Builds (compiled LWC + generated custom metadata), deploys the package source — plus the test-only metadata in
 * unpackaged/ so the package's Apex tests can run there — and assigns EntraSyncAdmin to the org's user.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseScriptOptions } from './lib/args.ts';
import { requireTargetOrg } from './lib/auth.ts';
import { runBuild } from './lib/build.ts';
import { ADMIN_PERMISSION_SET, assignPermissionSetArgs, deployArgs } from './lib/commands.ts';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.ts';
import { EntraSyncError } from './lib/errors.ts';
import { packagedDirectory, readProjectJson } from './lib/project.ts';

interface PermissionSetAssignResult {
  successes?: { name: string; value: string }[];
  failures?: { name: string; message: string }[];
}

/** Failures of `sf org assign permset`, minus "already assigned" (a re-deploy must not fail on it). */
export function realAssignmentFailures(result: PermissionSetAssignResult | undefined): string[] {
  return (result?.failures ?? [])
    .filter((failure) => !/duplicate|already/i.test(failure.message))
    .map((failure) => `${failure.name}: ${failure.message}`);
}

/** The fields of `sf project deploy start --json` this script reads (DeployResultJson in plugin-deploy-retrieve). */
export interface DeployResult {
  status?: string;
  numberComponentsDeployed?: number;
  files?: { state: string; type?: string; fullName?: string; filePath?: string; error?: string; lineNumber?: number }[];
}

/** One line per component the org rejected: `ApexClass EntraSyncFoo (force-app/…/EntraSyncFoo.cls:12): message`. */
export function deployFailureLines(result: DeployResult | undefined, limit = 25): string[] {
  const failures = (result?.files ?? []).filter((file) => file.state === 'Failed');
  const lines = failures.slice(0, limit).map((file) => {
    const where = file.filePath ? ` (${file.filePath}${file.lineNumber ? `:${file.lineNumber}` : ''})` : '';
    return `${file.type ?? '?'} ${file.fullName ?? '?'}${where}: ${file.error ?? 'failed'}`;
  });
  if (failures.length > limit) lines.push(`… and ${failures.length - limit} more`);
  return lines;
}

/** The directories to deploy: the packaged one and, when it exists on disk, its unpackaged (test-only) metadata. */
export function deploySourceDirs(
  packaged: { path: string; unpackagedMetadata?: { path: string } },
  projectDir: string,
  exists: (file: string) => boolean = existsSync,
): string[] {
  const dirs = [packaged.path];
  const unpackaged = packaged.unpackagedMetadata?.path;
  if (unpackaged && exists(path.join(projectDir, unpackaged))) dirs.push(unpackaged);
  return dirs;
}

export async function deploy(context: ScriptContext): Promise<number> {
  const options = parseScriptOptions(context.argv);
  const org = await requireTargetOrg(options.targetOrg);
  const sourceDirs = deploySourceDirs(packagedDirectory(readProjectJson(context.projectDir)), context.projectDir);

  if (!options.skipBuild) await runBuild(context.runner, context.projectDir, context.log);

  context.log(`› deploying ${sourceDirs.join(' + ')} to ${org.username}`);
  const deployed = await context.sf.run<DeployResult>(
    deployArgs({ targetOrg: org.username, sourceDirs, waitMinutes: options.wait ?? 60 }),
    { acceptResultOnFailure: true },
  );
  if (deployed.status !== 0 || deployed.result?.status !== 'Succeeded') {
    const details = deployFailureLines(deployed.result);
    throw new EntraSyncError(
      'ENTRASYNC_DEPLOY_FAILED',
      `deploy ${deployed.result?.status ?? 'failed'}${deployed.message ? `: ${deployed.message}` : ''}` +
        (details.length > 0 ? `\n  ${details.join('\n  ')}` : ''),
    );
  }
  context.log(
    `✓ deploy ${deployed.result?.status ?? 'finished'} (${deployed.result?.numberComponentsDeployed ?? '?'} components)`,
  );

  context.log(`› assigning permission set ${ADMIN_PERMISSION_SET} to ${org.username}`);
  const assigned = await context.sf.run<PermissionSetAssignResult>(
    assignPermissionSetArgs({ targetOrg: org.username, permissionSet: ADMIN_PERMISSION_SET }),
    { acceptResultOnFailure: true },
  );
  const failures = realAssignmentFailures(assigned.result);
  if (failures.length > 0) {
    throw new EntraSyncError(
      'ENTRASYNC_PERMSET_FAILED',
      `${ADMIN_PERMISSION_SET} could not be assigned to ${org.username}: ${failures.join('; ')}`,
    );
  }
  context.log(`✓ ${ADMIN_PERMISSION_SET} assigned (or already assigned)`);
  context.log('  next: npm run test:org, then follow docs/INSTALL.md to connect Entra');
  return 0;
}

runWhenEntryPoint(import.meta.url, deploy);
