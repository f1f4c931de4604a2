/**
 * npm run package:install -- --target-org ALIAS [--package 04t…|ALIAS]
 *
 * Installs a package version (default: the newest `EntraUserSync@…` alias in sfdx-project.json) for admins only;
 * the rest of the setup is in docs/INSTALL.md.
 */
import { parseScriptOptions } from './lib/args.ts';
import { requireTargetOrg } from './lib/auth.ts';
import { packageInstallArgs } from './lib/commands.ts';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.ts';
import { EntraSyncError } from './lib/errors.ts';
import { latestVersionAlias, packagedDirectory, readProjectJson } from './lib/project.ts';

interface PackageInstallResult {
  Status?: string;
  SubscriberPackageVersionKey?: string;
}

export async function installPackage(context: ScriptContext): Promise<number> {
  const options = parseScriptOptions(context.argv);
  const org = await requireTargetOrg(options.targetOrg);
  const project = readProjectJson(context.projectDir);
  const packageName = packagedDirectory(project).package;
  const chosen = options.package ?? latestVersionAlias(project.packageAliases, packageName)?.alias;
  if (!chosen) {
    throw new EntraSyncError(
      'ENTRASYNC_NO_PACKAGE_VERSION',
      `sfdx-project.json records no ${packageName}@… version. Run npm run package:version first, or pass --package 04t….`,
    );
  }

  context.log(`› installing ${chosen} into ${org.username} (admins only)`);
  const installed = await context.sf.run<PackageInstallResult>(
    packageInstallArgs({ targetOrg: org.username, packageVersion: chosen, waitMinutes: options.wait ?? 30 }),
  );
  context.log(`✓ install ${installed.result?.Status ?? 'finished'}`);
  context.log('  next: follow docs/INSTALL.md (Entra app registration, credentials, permission sets, first dry run)');
  return 0;
}

runWhenEntryPoint(import.meta.url, installPackage);
