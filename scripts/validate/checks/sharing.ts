import { record, type CheckResult } from '../result.ts';
import { key, type ApexClassInfo, type SourceIndex } from '../sourceIndex.ts';

/**
 * Every Apex entry point declares its sharing. "An inherited sharing class that is the entry point runs as with
 * sharing" (Apex Developer Guide, "Using the with sharing, without sharing, and inherited sharing Keywords",
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_keywords_sharing.htm), and a
 * class without a keyword runs in the sharing of its caller — for async jobs, nobody decided. So:
 *
 * - async entry points (Queueable, Schedulable, System.Finalizer, Database.Batchable, and classes extending one) say
 *   `with sharing` or `without sharing`; `without sharing` only with an ApexDoc that says the class runs in system
 *   context on purpose (STYLE.md);
 * - classes the UI or the API calls (`@AuraEnabled`, `@RestResource`, `@InvocableMethod`) are `with sharing`.
 */

const ASYNC_INTERFACES = /\b(?:System\.)?(?:Queueable|Schedulable|Finalizer)\b|\bDatabase\.Batchable\b/i;
const REQUEST_ANNOTATIONS = /@(?:RestResource|InvocableMethod)\b/i;

interface ClassDeclaration {
  name: string;
  sharing: 'with' | 'without' | 'inherited' | undefined;
  extendsName?: string;
  implementsList: string;
  /** the comment right before the declaration (its ApexDoc), empty when none */
  doc: string;
}

/** Blanks string literals and comments (keeps offsets), so keywords inside them never count. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\])*'/g, (match) => match.replace(/[^\n]/g, ' '));
}

/** Every class declaration (outer and inner) with its sharing keyword, base class, interfaces and ApexDoc. */
export function classDeclarations(source: string): ClassDeclaration[] {
  const code = codeOnly(source);
  const declaration =
    /\b((?:(?:public|global|private|protected|virtual|abstract|with\s+sharing|without\s+sharing|inherited\s+sharing)\s+)*)class\s+(\w+)\s*(?:extends\s+([\w.]+)\s*)?(?:implements\s+([^{]+))?\{/gi;
  const found: ClassDeclaration[] = [];
  for (let match = declaration.exec(code); match; match = declaration.exec(code)) {
    const modifiers = (match[1] ?? '').toLowerCase();
    const sharing = /without\s+sharing/.test(modifiers)
      ? 'without'
      : /inherited\s+sharing/.test(modifiers)
        ? 'inherited'
        : /with\s+sharing/.test(modifiers)
          ? 'with'
          : undefined;
    const before = source.slice(0, match.index);
    const docMatch = /\/\*\*([\s\S]*?)\*\/\s*(?:(?:\/\/[^\n]*|@\w+(?:\([^)]*\))?)\s*)*$/.exec(before);
    found.push({
      name: match[2] ?? '',
      sharing,
      extendsName: match[3],
      implementsList: match[4] ?? '',
      doc: docMatch?.[1] ?? '',
    });
  }
  return found;
}

function sharingProblems(index: SourceIndex, apexClass: ApexClassInfo): string[] {
  const problems: string[] = [];
  const declarations = classDeclarations(apexClass.source);
  const outer = declarations[0];
  const isAsync = (declaration: ClassDeclaration, depth = 0): boolean => {
    if (ASYNC_INTERFACES.test(declaration.implementsList)) return true;
    if (!declaration.extendsName || depth > 10) return false;
    const base = index.classes.get(key(declaration.extendsName));
    const baseDeclaration = base ? classDeclarations(base.source)[0] : undefined;
    return baseDeclaration ? isAsync(baseDeclaration, depth + 1) : false;
  };
  for (const declaration of declarations) {
    if (!isAsync(declaration)) continue;
    if (declaration.sharing === undefined || declaration.sharing === 'inherited') {
      problems.push(
        `${declaration.name} is an async entry point declared ${declaration.sharing ? 'inherited sharing (runs with sharing as an entry point)' : 'without a sharing keyword'}: say "with sharing" or "without sharing"`,
      );
    } else if (declaration.sharing === 'without' && !/system context/i.test(declaration.doc)) {
      problems.push(
        `${declaration.name} is without sharing: its ApexDoc must say it runs in system context on purpose`,
      );
    }
  }
  // @AuraEnabled on properties only (DTOs) makes no entry point; on a method it does
  const calledByUsers = apexClass.auraEnabledMethods.size > 0 || REQUEST_ANNOTATIONS.test(codeOnly(apexClass.source));
  if (outer && calledByUsers && outer.sharing !== 'with') {
    problems.push(
      `${outer.name} has @AuraEnabled/@RestResource/@InvocableMethod members: the class users call must be "with sharing"`,
    );
  }
  return problems;
}

export function checkEntryPointSharing(index: SourceIndex, results: CheckResult[]): void {
  for (const apexClass of index.classes.values()) {
    if (apexClass.isTest) continue;
    record(results, 'every Apex entry point declares its sharing', apexClass.file, sharingProblems(index, apexClass));
  }
}

/**
 * A scheduled class and every class it references cannot be changed while its job is scheduled ("If there are one
 * or more active scheduled jobs for an Apex class, you can't update the class or any classes referenced by this
 * class", Apex Developer Guide, "Apex Scheduler"), so a package upgrade stops. The Schedulable may name its work only
 * in strings (`Type.forName`), never as a type.
 */
export function checkSchedulableReferences(index: SourceIndex, results: CheckResult[]): void {
  for (const apexClass of index.classes.values()) {
    if (apexClass.isTest) continue;
    const schedulable = classDeclarations(apexClass.source).some((declaration) =>
      /\b(?:System\.)?Schedulable\b/i.test(declaration.implementsList),
    );
    if (!schedulable) continue;
    const referenced = new Set<string>();
    for (const word of codeOnly(apexClass.source).match(/\b[A-Za-z_]\w*\b/g) ?? []) {
      const other = index.classes.get(key(word));
      if (other && !other.isTest && key(other.name) !== key(apexClass.name)) referenced.add(other.name);
    }
    record(
      results,
      'a schedulable class references no other class',
      apexClass.file,
      [...referenced].map(
        (name) => `references ${name}: upgrades fail while the job is scheduled; resolve it with Type.forName instead`,
      ),
    );
  }
}
