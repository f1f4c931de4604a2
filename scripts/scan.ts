/**
 * `npm run scan`: Apex static analysis, offline.
 *   1. apex-ls type-checks all Apex against the platform's standard and SObject type libraries
 *      (unknown types, methods and fields, incompatible assignments, missing meta files fail);
 *   2. Salesforce Code Analyzer's PMD rules run over force-app; severity 1–2 findings fail, lower ones are tallied.
 * Failing findings print as `file:line:column  rule  message`. Exit code 1 when any finding fails.
 */
import path from 'node:path';
import { checkApexTypes, type Finding } from './lib/apexTypeCheck.ts';
import { runPmd } from './lib/pmdScan.ts';
import { PROJECT_ROOT } from './lib/projectRoot.ts';

function printFindings(title: string, findings: readonly Finding[]): number {
  const failing = findings.filter((finding) => finding.failing);
  const advisory = findings.filter((finding) => !finding.failing);
  console.log(`\n${title}: ${failing.length} failing, ${advisory.length} advisory`);
  for (const finding of failing) {
    const where = `${path.relative(PROJECT_ROOT, finding.file)}:${finding.line}:${finding.column}`;
    console.log(`  ${where}  ${finding.rule}  ${finding.message}`);
  }
  const tally = new Map<string, number>();
  for (const finding of advisory) tally.set(finding.rule, (tally.get(finding.rule) ?? 0) + 1);
  if (tally.size > 0) {
    const summary = [...tally].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `${count}× ${rule}`);
    console.log(`  advisory (not failing): ${summary.join(', ')}`);
  }
  return failing.length;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`• ${label} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main(): Promise<void> {
  let failing = 0;
  try {
    const apexLs = await timed('apex-ls type check', checkApexTypes);
    failing += printFindings('apex-ls type check', apexLs);
    const pmd = await timed('PMD rules', () => runPmd(path.join(PROJECT_ROOT, 'force-app')));
    failing += printFindings('PMD (Salesforce Code Analyzer)', pmd);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  console.log(failing === 0 ? '\nScan passed.' : `\nScan failed: ${failing} finding(s) must be fixed.`);
  if (failing > 0) process.exitCode = 1;
}

await main();
