/**
 * npm run validate — offline validation of everything that ships (part of npm test):
 *   1. the package converts to Metadata API format with the real sf CLI, and the payload carries no TypeScript,
 *      tests or tool configs, and every LWC has its compiled .js;
 *   2. every reference inside the package resolves (report types, reports, dashboards, list views, layouts,
 *      FlexiPages, tabs, apps, permission sets, custom metadata records, credentials, lookups, LWC imports);
 *   3. the permission sets grant what the admin screens and the sync job touch;
 *   4. test code lives only under <package>/tests/.
 * Errors name the file and the broken reference; exits 1 when any check fails.
 *
 *   npm run validate [-- --no-convert] [-- --verbose]   (--verbose also lists every check that passed)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFailure } from './org/lib/errors.ts';
import { spawnProcess } from './lib/process.ts';
import { formatValidation, validateProject } from './validate/run.ts';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const convert = !process.argv.includes('--no-convert');
  const results = await validateProject(projectDir, { convert, runner: spawnProcess });
  const { lines, failed } = formatValidation(results, projectDir, process.argv.includes('--verbose'));
  for (const line of lines) (line.startsWith('FAIL') ? console.error : console.log)(line);
  process.exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  process.exitCode = reportFailure(error);
}
