import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type LogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import type { Finding } from './apexTypeCheck.ts';
import { PROJECT_ROOT } from './projectRoot.ts';

/** Salesforce Code Analyzer severities: 1 Critical, 2 High fail the scan; 3–5 are reported as a tally. */
const FAILING_SEVERITY_MAX = 2;

/** Rules that fail the scan (every PMD rule rated Critical or High) plus the Recommended set for the advisory tally. */
const RULE_SELECTORS = ['pmd:1', 'pmd:2', 'pmd:Recommended'];

/** Compiled LWC JavaScript is tsc output that PMD's Rhino parser cannot read (decorators); tests are not deployed. */
const IGNORED_FILES = ['**/lwc/**/*.js', '**/__tests__/**', '**/*.ts'];

/**
 * Runs Salesforce Code Analyzer's PMD rules over force-app through @salesforce/code-analyzer-core (the engine the
 * `sf code-analyzer` plugin uses), offline.
 */
export async function runPmd(targetDirectory: string): Promise<Finding[]> {
  const config = CodeAnalyzerConfig.fromObject(
    { engines: { cpd: { disable_engine: true } }, ignores: { files: IGNORED_FILES } },
    PROJECT_ROOT,
  );
  const analyzer = new CodeAnalyzer(config);
  const engineErrors: string[] = [];
  analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
    if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
  });
  await analyzer.addEnginePlugin(createEnginePlugin());
  const workspace = await analyzer.createWorkspace([targetDirectory]);
  const rules = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(rules, { workspace });
  if (engineErrors.length > 0) {
    throw new Error(`LOCAL_SCAN_PMD_FAILED: the PMD engine reported errors:\n${engineErrors.join('\n')}`);
  }
  return results.getViolations().map((violation) => {
    const location = violation.getPrimaryLocation();
    const rule = violation.getRule();
    return {
      file: location.getFile() ?? targetDirectory,
      line: location.getStartLine() ?? 1,
      column: location.getStartColumn() ?? 1,
      rule: `pmd/${rule.getName()} (severity ${rule.getSeverityLevel()})`,
      message: violation.getMessage(),
      failing: rule.getSeverityLevel() <= FAILING_SEVERITY_MAX,
    };
  });
}
