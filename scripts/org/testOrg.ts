/**
 * npm run test:org [-- --target-org ALIAS]
 *
 * Runs the package's Apex test classes (every @IsTest class under force-app with test methods) in a real org with code coverage and
 * prints the same report as the local `npm run test:apex`. Exits 1 when a test fails.
 */
import path from 'node:path';
import { findApexClasses } from './lib/apexClasses.ts';
import { parseScriptOptions } from './lib/args.ts';
import { requireTargetOrg } from './lib/auth.ts';
import { apexTestArgs } from './lib/commands.ts';
import { runWhenEntryPoint, type ScriptContext } from './lib/context.ts';
import { EntraSyncError } from './lib/errors.ts';
import { packagedDirectory, readProjectJson } from './lib/project.ts';
import { formatOrgTestReport, type OrgTestResult } from './lib/testReport.ts';

export async function testOrg(context: ScriptContext): Promise<number> {
  const options = parseScriptOptions(context.argv);
  const org = await requireTargetOrg(options.targetOrg);
  const packageRoot = path.join(context.projectDir, packagedDirectory(readProjectJson(context.projectDir)).path);
  const classes = findApexClasses(packageRoot);
  const testClasses = classes.filter((apexClass) => apexClass.isTest && apexClass.hasTestMethods).map((c) => c.name);
  const packageClasses = new Set(classes.filter((apexClass) => !apexClass.isTest).map((apexClass) => apexClass.name));
  if (testClasses.length === 0) {
    throw new EntraSyncError('ENTRASYNC_NO_TESTS', `No @IsTest classes with test methods found under ${packageRoot}.`);
  }

  context.log(`› running ${testClasses.length} test classes in ${org.username} with code coverage`);
  const outcome = await context.sf.run<OrgTestResult>(
    apexTestArgs({ targetOrg: org.username, classNames: testClasses, waitMinutes: options.wait ?? 60 }),
    { acceptResultOnFailure: true },
  );
  if (!outcome.result) throw new EntraSyncError('ENTRASYNC_SF_NO_JSON', 'sf apex run test returned no test result.');
  const report = formatOrgTestReport(outcome.result, packageClasses);
  for (const line of report.lines) context.log(line);
  return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

runWhenEntryPoint(import.meta.url, testOrg);
