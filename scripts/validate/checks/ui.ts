import { readFileSync } from 'node:fs';
import path from 'node:path';
import { record, type CheckResult } from '../result.ts';
import { isCustomName, kebabToCamel, lwcExists, missingField, objectExists } from '../resolve.ts';
import { key, type SourceIndex } from '../sourceIndex.ts';
import { children, deepTexts, readMetadataXml, text, texts } from '../xml.ts';

/** Field tokens of list views/layouts: only `…__c` names are ours; NAME, CREATED_DATE etc. are standard columns. */
function customFieldTokens(tokens: string[]): string[] {
  return tokens.map((token) => token.split('.').pop() ?? token).filter(isCustomName);
}

function fieldProblems(index: SourceIndex, objectName: string, tokens: string[]): string[] {
  return [...new Set(customFieldTokens(tokens))]
    .map((field) => missingField(index, objectName, field))
    .filter((problem): problem is string => problem !== undefined);
}

function checkListViewsAndLayouts(index: SourceIndex, results: CheckResult[]): void {
  for (const view of index.listViews) {
    const tokens = [...texts(view.xml, 'columns'), ...texts(view.xml, 'filters', 'field')];
    record(results, 'list view fields resolve', view.file, fieldProblems(index, view.object, tokens));
  }
  for (const layout of index.compactLayouts) {
    record(
      results,
      'compact layout fields resolve',
      layout.file,
      fieldProblems(index, layout.object, texts(layout.xml, 'fields')),
    );
  }
  for (const layout of index.layouts) {
    const problems = fieldProblems(
      index,
      layout.object,
      texts(layout.xml, 'layoutSections', 'layoutColumns', 'layoutItems', 'field'),
    );
    for (const related of children(layout.xml, 'relatedLists')) {
      const list = text(related, 'relatedList') ?? '';
      const [childObject, lookup] = list.split('.');
      if (childObject && lookup && isCustomName(childObject)) {
        const problem = missingField(index, childObject, lookup);
        if (problem) {
          problems.push(`related list ${list}: ${problem}`);
          continue;
        }
        problems.push(
          ...fieldProblems(index, childObject, texts(related, 'fields')).map((p) => `related list ${list}: ${p}`),
        );
      }
    }
    record(results, 'layout fields resolve', layout.file, problems);
  }
}

const STANDARD_COMPONENT_NAMESPACES =
  /^(flexipage|force|forceChatter|forceCommunity|lst|runtime_\w+|home|console|wave|analytics|sfa|record_flexipage|lightning|builder_\w+|dashboard|report|setup|flowruntime|ui|one|desktopDashboards|runtime|notes|chatter|interaction|interop|community_\w+|einstein\w*|laf|orgchart):/i;

/** `c:entraSyncAdminHome` → `entraSyncAdminHome`; standard components → undefined. */
export function customComponentName(componentName: string): string | undefined {
  if (componentName.startsWith('c:')) return componentName.slice(2);
  if (componentName.startsWith('c__')) return componentName.slice(3);
  if (STANDARD_COMPONENT_NAMESPACES.test(componentName) || componentName.includes(':')) return undefined;
  return componentName;
}

/** FlexiPage type → the js-meta.xml target a component needs to be placed on it (LWC "Configuration File Tags"). */
const PAGE_TARGETS: Record<string, string> = {
  AppPage: 'lightning__AppPage',
  RecordPage: 'lightning__RecordPage',
  HomePage: 'lightning__HomePage',
  UtilityBar: 'lightning__UtilityBar',
};

/** A page or tab can only use a component that is exposed and declares the matching target; the deploy fails otherwise. */
function exposureProblem(index: SourceIndex, lwc: string, target: string | undefined): string | undefined {
  const bundle = index.lwc.get(key(lwc));
  if (!bundle) return undefined;
  const metaFile = bundle.files.find((file) => file.endsWith('.js-meta.xml'));
  if (!metaFile) return undefined;
  const meta = readMetadataXml(path.join(bundle.dir, metaFile));
  if (text(meta, 'isExposed') !== 'true') return `${bundle.name}.js-meta.xml has isExposed false`;
  if (target && !texts(meta, 'targets', 'target').includes(target))
    return `${bundle.name}.js-meta.xml lacks target ${target}`;
  return undefined;
}

function checkFlexiPages(index: SourceIndex, results: CheckResult[]): void {
  for (const page of index.flexiPages.values()) {
    const problems: string[] = [];
    const target = PAGE_TARGETS[text(page.xml, 'type') ?? ''];
    for (const component of new Set(deepTexts(page.xml, 'componentName'))) {
      const lwc = customComponentName(component);
      if (!lwc) continue;
      if (!lwcExists(index, lwc)) {
        problems.push(`component ${component}: no LWC bundle ${lwc}`);
        continue;
      }
      const problem = exposureProblem(index, lwc, target);
      if (problem) problems.push(`component ${component}: ${problem}`);
    }
    const sobjectType = text(page.xml, 'sobjectType');
    if (sobjectType && !objectExists(index, sobjectType))
      problems.push(`sobjectType ${sobjectType} is not in the package`);
    for (const fieldItem of new Set(deepTexts(page.xml, 'fieldItem'))) {
      const field = fieldItem.replace(/^Record\./, '');
      if (sobjectType && isCustomName(field)) {
        const problem = missingField(index, sobjectType, field);
        if (problem) problems.push(`fieldItem ${fieldItem}: ${problem}`);
      }
    }
    record(results, 'flexipage components resolve', page.file, problems);
  }
}

function checkTabsAndApps(index: SourceIndex, results: CheckResult[]): void {
  for (const tab of index.tabs.values()) {
    const problems: string[] = [];
    if (text(tab.xml, 'customObject') === 'true' && !objectExists(index, tab.name)) {
      problems.push(`customObject tab ${tab.name}: object ${tab.name} is not in the package`);
    }
    const flexiPage = text(tab.xml, 'flexiPage');
    if (flexiPage && !index.flexiPages.has(key(flexiPage)))
      problems.push(`flexiPage ${flexiPage} is not in the package`);
    const lwc = text(tab.xml, 'lwcComponent');
    if (lwc && !lwcExists(index, lwc)) problems.push(`lwcComponent ${lwc}: no LWC bundle ${lwc}`);
    const exposure = lwc ? exposureProblem(index, lwc, 'lightning__Tab') : undefined;
    if (exposure) problems.push(`lwcComponent ${lwc}: ${exposure}`);
    record(results, 'tab targets resolve', tab.file, problems);
  }
  for (const app of index.applications.values()) {
    const problems: string[] = [];
    for (const tab of texts(app.xml, 'tabs')) {
      if (!tab.startsWith('standard-') && !index.tabs.has(key(tab))) problems.push(`tab ${tab} is not in the package`);
    }
    const pages = [
      ...texts(app.xml, 'utilityBar'),
      ...children(app.xml, 'actionOverrides')
        .filter((o) => text(o, 'type') === 'Flexipage')
        .flatMap((o) => texts(o, 'content')),
      ...children(app.xml, 'profileActionOverrides')
        .filter((o) => text(o, 'type') === 'Flexipage')
        .flatMap((o) => texts(o, 'content')),
    ];
    for (const page of pages) {
      if (!index.flexiPages.has(key(page))) problems.push(`flexipage ${page} is not in the package`);
    }
    record(results, 'application tabs resolve', app.file, problems);
  }
}

/** References an LWC source or template makes to other package parts. */
export function lwcReferences(source: string): { kind: string; name: string }[] {
  const references: { kind: string; name: string }[] = [];
  for (const match of source.matchAll(/from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const specifier = match[1] ?? match[2] ?? '';
    const parts = /^@salesforce\/(apex|schema|label|customPermission)\/(.+)$/.exec(specifier);
    if (parts?.[1] && parts[2]) references.push({ kind: parts[1], name: parts[2] });
    else if (specifier.startsWith('c/')) references.push({ kind: 'component', name: specifier.slice(2) });
  }
  for (const match of source.matchAll(/<c-([a-z0-9-]+)[\s>/]/g)) {
    if (match[1]) references.push({ kind: 'component', name: kebabToCamel(match[1]) });
  }
  return references;
}

function lwcProblem(index: SourceIndex, reference: { kind: string; name: string }): string | undefined {
  switch (reference.kind) {
    case 'component':
      return lwcExists(index, reference.name) ? undefined : `c/${reference.name}: no LWC bundle ${reference.name}`;
    case 'apex': {
      const [className = '', method = ''] = reference.name.split('.');
      const apexClass = index.classes.get(key(className));
      if (!apexClass) return `@salesforce/apex/${reference.name}: class ${className} is not in the package`;
      const methods = [...apexClass.auraEnabledMethods].map(key);
      return methods.includes(key(method))
        ? undefined
        : `@salesforce/apex/${reference.name}: ${method} is not an @AuraEnabled method of ${className}`;
    }
    case 'schema': {
      const [objectName = '', ...rest] = reference.name.split('.');
      if (rest.length === 0)
        return objectExists(index, objectName)
          ? undefined
          : `@salesforce/schema/${reference.name}: object not in the package`;
      const problem = missingField(index, objectName, rest.join('.'));
      return problem ? `@salesforce/schema/${reference.name}: ${problem}` : undefined;
    }
    case 'label': {
      const label = reference.name.replace(/^c\./, '');
      return index.customLabels.has(key(label))
        ? undefined
        : `@salesforce/label/${reference.name}: no custom label ${label}`;
    }
    case 'customPermission': {
      const name = reference.name.replace(/^c\./, '');
      return index.customPermissions.has(key(name))
        ? undefined
        : `@salesforce/customPermission/${reference.name}: no custom permission ${name}`;
    }
    default:
      return undefined;
  }
}

function checkLwc(index: SourceIndex, results: CheckResult[]): void {
  for (const bundle of index.lwc.values()) {
    const authored = bundle.files.filter(
      (f) =>
        f.endsWith('.html') ||
        (f.endsWith('.ts') && !f.endsWith('.d.ts')) ||
        (f.endsWith('.js') && !bundle.files.includes(`${f.slice(0, -3)}.ts`)),
    );
    for (const file of authored) {
      const full = path.join(bundle.dir, file);
      const problems = [...new Set(lwcReferences(readFileSync(full, 'utf8')).map((r) => lwcProblem(index, r)))].filter(
        (problem): problem is string => problem !== undefined,
      );
      record(results, 'LWC imports resolve', full, problems);
    }
  }
}

export function checkUi(index: SourceIndex, results: CheckResult[]): void {
  checkListViewsAndLayouts(index, results);
  checkFlexiPages(index, results);
  checkTabsAndApps(index, results);
  checkLwc(index, results);
}
