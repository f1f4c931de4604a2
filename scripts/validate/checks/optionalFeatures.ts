import { record, type CheckResult } from '../result.ts';
import type { SourceIndex } from '../sourceIndex.ts';

/**
 * No static reference to what only some orgs have. Person Account fields exist only where Person Accounts are enabled
 * (Object Reference, Account: IsPersonAccount, PersonContactId, the `Person…` fields, FirstName/LastName on Account)
 * and Employee2 only from API 62.0 with Talent Recruitment Management or the Unified Employee licence (Object
 * Reference, "Employee2", special access rules). Apex that names them statically does not compile where they are
 * missing, so the package would not install there: the package reaches them through describe, dynamic SOQL and
 * `SObject.get/put` only (EntraSyncEmployeeFeature). String literals and comments do not count.
 */
const CHECK = 'no static reference to Person Account fields or Employee2';

const PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'Employee2', pattern: /\bEmployee2\b/i },
  {
    what: 'a Person Account field',
    pattern:
      /\b(?:IsPersonAccount|IsPersonType|PersonContactId|PersonContact|PersonEmail|PersonTitle|PersonDepartment|PersonMobilePhone|PersonHomePhone|PersonOtherPhone|PersonBirthdate|PersonLeadSource|PersonMailing\w+|PersonOther\w+|PersonIndividualId|\w+__pc)\b/i,
  },
  { what: 'Account.FirstName/LastName', pattern: /\bAccount\s*\.\s*(?:FirstName|LastName|MiddleName|Salutation)\b/i },
  {
    what: 'a person name field set on a new Account',
    pattern: /\bnew\s+Account\s*\([^)]*\b(?:FirstName|LastName|MiddleName|Salutation)\s*=/i,
  },
];

/** Blanks comments and string literals (keeping offsets), so dynamic names in strings never count. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'/g, (match) => match.replace(/[^\n]/g, ' '));
}

/** The static references of one class: `line N: <what> (<text>)`. */
export function staticFeatureReferences(source: string): string[] {
  const code = codeOnly(source);
  const problems: string[] = [];
  for (const { what, pattern } of PATTERNS) {
    const global = new RegExp(pattern.source, 'gi');
    for (let m = global.exec(code); m; m = global.exec(code)) {
      const line = code.slice(0, m.index).split('\n').length;
      problems.push(
        `line ${line}: ${what} referenced statically (${m[0]}); reach it dynamically (describe, dynamic SOQL, SObject.get/put) so the package installs in orgs without it`,
      );
    }
  }
  return problems;
}

export function checkOptionalFeatureReferences(index: SourceIndex, results: CheckResult[]): void {
  for (const apexClass of index.classes.values())
    record(results, CHECK, apexClass.file, staticFeatureReferences(apexClass.source));
}
