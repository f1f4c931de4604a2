import path from 'node:path';
import { runCommand } from './process.ts';
import { PROJECT_ROOT } from './projectRoot.ts';

/** One finding, printed as `file:line:column  rule  message`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  failing: boolean;
}

/**
 * apex-ls ships inside the PMD engine package (pinned in package.json because the jar path is internal to it).
 * It loads the platform's standard and SObject type libraries, so it knows System, Database, User, … offline.
 */
const APEX_LS_CLASSPATH = path.join(PROJECT_ROOT, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib/*');
const APEX_LS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';

/** apex-ls categories that are only advice; Syntax, Error and Missing (unknown type, method or field) fail the scan. */
const ADVISORY_CATEGORIES = new Set(['Warning', 'Unused']);

interface ApexLsReport {
  files: { path: string; messages: { start: { line: number; offset: number }; category: string; message: string }[] }[];
}

export function parseApexLsReport(json: string): Finding[] {
  const report = JSON.parse(json) as ApexLsReport;
  return report.files.flatMap((file) =>
    file.messages.map((issue) => ({
      file: file.path,
      line: issue.start.line,
      column: issue.start.offset + 1,
      rule: `apex-ls/${issue.category}`,
      message: issue.message,
      failing: !ADVISORY_CATEGORIES.has(issue.category),
    })),
  );
}

/**
 * Type-checks every Apex class in the sfdx-project's package directories (unknown methods, fields and types,
 * incompatible assignments, missing -meta.xml files). Exit status 4 means "issues found"; anything else non-zero
 * is a tool failure.
 */
export async function checkApexTypes(): Promise<Finding[]> {
  const args = ['-cp', APEX_LS_CLASSPATH, APEX_LS_MAIN, '-n', '-w', PROJECT_ROOT, '-d', 'warnings', '-f', 'json'];
  const result = await runCommand('java', args, { cwd: PROJECT_ROOT, echo: false }).catch((error: unknown) => {
    throw new Error(`LOCAL_SCAN_NO_JAVA: could not start "java" (${String(error)}); install a Java 17 runtime.`);
  });
  const start = result.output.indexOf('{');
  if ((result.exitCode !== 0 && result.exitCode !== 4) || start < 0) {
    throw new Error(`LOCAL_SCAN_APEX_LS_FAILED: apex-ls exited ${result.exitCode}:\n${result.output.trim()}`);
  }
  return parseApexLsReport(result.output.slice(start));
}
