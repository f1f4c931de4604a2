/**
 * npm run package:version [-- --target-dev-hub DEVHUB --wait 60]
 *
 * Builds, creates the unlocked package in the Dev Hub on first use, then creates a package version with code coverage
 * (needed to promote it) and records its alias (`EntraUserSync@M.m.p-b` → 04t…) in sfdx-project.json.
 */
import { parseScriptOptions } from './lib/args.ts';
import { requireDevHub } from './lib/auth.ts';
import { runBuild } from './lib/build.ts';
import { packageCreateArgs, packageVersionCreateArgs } from './lib/commands.ts';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.ts';
import { EntraSyncError } from './lib/errors.ts';
import { packagedDirectory, readProjectJson, recordPackageAlias, versionAlias } from './lib/project.ts';

interface PackageCreateResult {
  Id: string;
}

/** The fields of `sf package version create --json` this script reads. */
export interface PackageVersionCreateResult {
  Status?: string;
  SubscriberPackageVersionId?: string | null;
  VersionNumber?: string | null;
  Error?: string[] | null;
}

interface PackageVersionReportResult {
  Version?: string;
}

export async function createPackageVersion(context: ScriptContext): Promise<number> {
  const options = parseScriptOptions(context.argv);
  const devHub = await requireDevHub(options.targetDevHub);
  const project = readProjectJson(context.projectDir);
  const packaged = packagedDirectory(project);
  const packageName = packaged.package;

  if (!project.packageAliases?.[packageName]) {
    context.log(`› package ${packageName} is not in sfdx-project.json yet: creating it in ${devHub.username}`);
    const created = await context.sf.run<PackageCreateResult>(
      packageCreateArgs({ devHub: devHub.username, packageName, path: packaged.path }),
    );
    if (created.result?.Id) recordPackageAlias(context.projectDir, packageName, created.result.Id);
    context.log(`✓ package ${packageName} = ${created.result?.Id ?? '?'}`);
  }

  if (!options.skipBuild) await runBuild(context.runner, context.projectDir, context.log);

  context.log(`› creating a version of ${packageName} with code coverage (this takes several minutes)`);
  const created = await context.sf.run<PackageVersionCreateResult>(
    packageVersionCreateArgs({ devHub: devHub.username, packageName, waitMinutes: options.wait ?? 60 }),
  );
  const version = created.result;
  const subscriberId = version?.SubscriberPackageVersionId;
  if (!subscriberId || version.Status !== 'Success') {
    throw new EntraSyncError(
      'ENTRASYNC_PACKAGE_VERSION_FAILED',
      `version create ended with status ${version?.Status ?? 'unknown'}: ${(version?.Error ?? []).join('; ') || 'no detail'}`,
    );
  }
  const versionNumber = version.VersionNumber ?? (await reportVersionNumber(context, subscriberId, devHub.username));
  const alias = versionAlias(packageName, versionNumber);
  const changed = recordPackageAlias(context.projectDir, alias, subscriberId);
  context.log(`✓ ${alias} = ${subscriberId}${changed ? ' (recorded in sfdx-project.json)' : ' (already recorded)'}`);
  context.log(`  next: npm run package:install -- --target-org ALIAS`);
  return 0;
}

async function reportVersionNumber(context: ScriptContext, subscriberId: string, devHub: string): Promise<string> {
  const report = await context.sf.run<PackageVersionReportResult>([
    'package',
    'version',
    'report',
    '--package',
    subscriberId,
    '--target-dev-hub',
    devHub,
  ]);
  if (!report.result?.Version) {
    throw new EntraSyncError('ENTRASYNC_PACKAGE_VERSION_FAILED', `no version number reported for ${subscriberId}`);
  }
  return report.result.Version;
}

runWhenEntryPoint(import.meta.url, createPackageVersion);
