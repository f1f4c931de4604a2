import { existsSync } from 'node:fs';
import path from 'node:path';
import { record, type CheckResult } from '../result.ts';
import { childObjectOf, missingField, missingFieldPath, objectExists } from '../resolve.ts';
import { key, type NamedFile, type SourceIndex } from '../sourceIndex.ts';
import { children, deepTexts, text, texts, type XmlNode } from '../xml.ts';

/**
 * Report types, reports and dashboards. A custom report type defines tables (its base object, then one child
 * relationship per join) and the columns it offers; a report on it may only use those columns, written
 * `table$field` (Metadata API: Report, "columns" — custom report type fields are `Object$Field`).
 */

/** table name (`EntraSyncRun__c`, `EntraSyncRun__c.Changes__r`) → object, plus the problems met building it. */
export function reportTypeTables(
  index: SourceIndex,
  reportType: XmlNode,
): { tables: Map<string, string>; problems: string[] } {
  const tables = new Map<string, string>();
  const problems: string[] = [];
  const base = text(reportType, 'baseObject');
  if (!base) return { tables, problems: ['no baseObject'] };
  if (!objectExists(index, base)) problems.push(`baseObject ${base} is not in the package`);
  tables.set(key(base), base);
  let table = base;
  let object = base;
  let join = children(reportType, 'join')[0];
  while (join) {
    const relationship = text(join, 'relationship');
    if (!relationship) break;
    const child = childObjectOf(index, object, relationship);
    table = `${table}.${relationship}`;
    if (!child) {
      problems.push(`join relationship ${relationship} is not a child relationship of ${object}`);
      break;
    }
    tables.set(key(table), child);
    object = child;
    join = children(join, 'join')[0];
  }
  return { tables, problems };
}

function checkReportType(index: SourceIndex, reportType: NamedFile): string[] {
  const { tables, problems } = reportTypeTables(index, reportType.xml);
  for (const column of children(reportType.xml, 'sections', 'columns')) {
    const field = text(column, 'field');
    const table = text(column, 'table');
    if (!field || !table) continue;
    const object = tables.get(key(table));
    if (!object) {
      problems.push(`column ${table}.${field}: table ${table} is not the base object or a joined relationship`);
      continue;
    }
    const problem = missingFieldPath(index, object, field);
    if (problem) problems.push(`column ${table}.${field}: ${problem}`);
  }
  return problems;
}

/** The `table$field` columns a custom report type offers. */
function reportTypeColumns(reportType: NamedFile): Set<string> {
  return new Set(
    children(reportType.xml, 'sections', 'columns').map((column) =>
      key(`${text(column, 'table') ?? ''}$${text(column, 'field') ?? ''}`),
    ),
  );
}

/** Field references a report makes: columns, groupings, filters, sort, time frame, chart. */
export function reportFieldReferences(report: XmlNode): string[] {
  return [
    ...texts(report, 'columns', 'field'),
    ...texts(report, 'groupingsDown', 'field'),
    ...texts(report, 'groupingsAcross', 'field'),
    ...texts(report, 'filter', 'criteriaItems', 'column'),
    ...texts(report, 'sortColumn'),
    ...texts(report, 'timeFrameFilter', 'dateColumn'),
    ...texts(report, 'chart', 'groupingColumn'),
    ...texts(report, 'chart', 'chartSummaries', 'column'),
  ];
}

const NOT_A_FIELD = /^(RowCount|FORMULA\d+|BucketField_\w+|CDF\d+)$/i;

function checkReport(index: SourceIndex, report: NamedFile): string[] {
  const problems: string[] = [];
  const reportTypeName = text(report.xml, 'reportType');
  if (!reportTypeName) return ['no reportType'];
  const customType = reportTypeName.endsWith('__c')
    ? index.reportTypes.get(key(reportTypeName.slice(0, -3)))
    : undefined;
  if (reportTypeName.endsWith('__c') && !customType) {
    problems.push(`reportType ${reportTypeName}: no report type ${reportTypeName.slice(0, -3)} in the package`);
  }
  const offered = customType ? reportTypeColumns(customType) : undefined;
  for (const reference of new Set(reportFieldReferences(report.xml))) {
    if (NOT_A_FIELD.test(reference)) continue;
    if (reference.includes('$')) {
      if (offered && !offered.has(key(reference))) {
        problems.push(`${reference}: not a column of report type ${reportTypeName.slice(0, -3)}`);
      }
      continue;
    }
    const dot = reference.lastIndexOf('.');
    if (dot > 0) {
      const problem = missingField(index, reference.slice(0, dot), reference.slice(dot + 1));
      if (problem) problems.push(`${reference}: ${problem}`);
    }
  }
  const folder = report.name.split('/')[0] ?? '';
  if (!existsSync(path.join(path.dirname(path.dirname(report.file)), `${folder}.reportFolder-meta.xml`))) {
    problems.push(`folder ${folder}: no ${folder}.reportFolder-meta.xml next to the folder`);
  }
  return problems;
}

function checkDashboard(index: SourceIndex, dashboard: NamedFile): string[] {
  const problems: string[] = [];
  for (const reportName of new Set(deepTexts(dashboard.xml, 'report'))) {
    if (!index.reports.has(key(reportName))) problems.push(`report ${reportName} is not in the package`);
  }
  const runningUser = text(dashboard.xml, 'runningUser');
  if (runningUser) {
    problems.push(
      `runningUser ${runningUser}: a named running user does not exist in subscriber orgs; use dashboardType LoggedInUser`,
    );
  }
  const folder = dashboard.name.split('/')[0] ?? '';
  if (!existsSync(path.join(path.dirname(path.dirname(dashboard.file)), `${folder}.dashboardFolder-meta.xml`))) {
    problems.push(`folder ${folder}: no ${folder}.dashboardFolder-meta.xml next to the folder`);
  }
  return problems;
}

export function checkReports(index: SourceIndex, results: CheckResult[]): void {
  for (const reportType of index.reportTypes.values()) {
    record(results, 'report type fields resolve', reportType.file, checkReportType(index, reportType));
  }
  for (const report of index.reports.values()) {
    record(results, 'report columns resolve', report.file, checkReport(index, report));
  }
  for (const dashboard of index.dashboards.values()) {
    record(results, 'dashboard reports resolve', dashboard.file, checkDashboard(index, dashboard));
  }
}
