/*
 * Typings for the admin screens' shared modules `c/entraSyncAdminUtils` and `c/entraSyncAdminApi` (the LWC `c/` namespace is not a path
 * TypeScript can resolve without a `paths` entry in tsconfig.json). Non-module file: no top-level import/export.
 * Every member points at the real declaration through an import type, so the types never drift.
 */
declare module 'c/entraSyncAdminUtils' {
  type Utils = typeof import('./entraSyncAdminUtils/entraSyncAdminUtils');
  export const POLL_INTERVAL_MS: Utils['POLL_INTERVAL_MS'];
  export const errorMessage: Utils['errorMessage'];
  export const formatLabel: Utils['formatLabel'];
  export const licenceKindName: Utils['licenceKindName'];
  export const employeeChainLines: Utils['employeeChainLines'];
  export const formatDuration: Utils['formatDuration'];
  export const formatRunCounts: Utils['formatRunCounts'];
  export const changeUserLabel: Utils['changeUserLabel'];
  export const showToast: Utils['showToast'];
  export const Poller: Utils['Poller'];
  export type Poller = InstanceType<Utils['Poller']>;
  export type RunSummary = import('./entraSyncAdminUtils/dto').RunSummary;
  export type Status = import('./entraSyncAdminUtils/dto').Status;
  export type ConnectionResult = import('./entraSyncAdminUtils/dto').ConnectionResult;
  export type RunPage = import('./entraSyncAdminUtils/dto').RunPage;
  export type RunTrend = import('./entraSyncAdminUtils/dto').RunTrend;
  export type FieldChange = import('./entraSyncAdminUtils/dto').FieldChange;
  export type Change = import('./entraSyncAdminUtils/dto').Change;
  export type EmployeeChain = import('./entraSyncAdminUtils/dto').EmployeeChain;
  export type RunDetail = import('./entraSyncAdminUtils/dto').RunDetail;
  export type PreviewGroup = import('./entraSyncAdminUtils/dto').PreviewGroup;
  export type Preview = import('./entraSyncAdminUtils/dto').Preview;
  export type LicenceSeats = import('./entraSyncAdminUtils/dto').LicenceSeats;
  export type Seats = import('./entraSyncAdminUtils/dto').Seats;
  export type UserRow = import('./entraSyncAdminUtils/dto').UserRow;
  export type UserPage = import('./entraSyncAdminUtils/dto').UserPage;
  export type Option = import('./entraSyncAdminUtils/dto').Option;
  export type Mapping = import('./entraSyncAdminUtils/dto').Mapping;
  export type ExpressionCheck = import('./entraSyncAdminUtils/dto').ExpressionCheck;
  export type MappingTest = import('./entraSyncAdminUtils/dto').MappingTest;
  export type SaveResult = import('./entraSyncAdminUtils/dto').SaveResult;
  export type Rule = import('./entraSyncAdminUtils/dto').Rule;
  export type RuleOptions = import('./entraSyncAdminUtils/dto').RuleOptions;
  export type RuleMatch = import('./entraSyncAdminUtils/dto').RuleMatch;
}

/** Typed wrappers of the EntraSyncAdminController methods (entraSyncAdminApi/entraSyncAdminApi.ts). */
declare module 'c/entraSyncAdminApi' {
  type Api = typeof import('./entraSyncAdminApi/entraSyncAdminApi');
  export const getStatus: Api['getStatus'];
  export const testConnection: Api['testConnection'];
  export const startRun: Api['startRun'];
  export const startReconcile: Api['startReconcile'];
  export const setScheduleEnabled: Api['setScheduleEnabled'];
  export const approveRun: Api['approveRun'];
  export const rejectRun: Api['rejectRun'];
  export const getRuns: Api['getRuns'];
  export const getRunDetail: Api['getRunDetail'];
  export const getRunTrend: Api['getRunTrend'];
  export const getUsers: Api['getUsers'];
  export const retryFailed: Api['retryFailed'];
  export const undoRun: Api['undoRun'];
  export const getSeats: Api['getSeats'];
  export const previewUser: Api['previewUser'];
  export const syncUser: Api['syncUser'];
  export const setScheduleInterval: Api['setScheduleInterval'];
  export const getPreview: Api['getPreview'];
  export const getMappings: Api['getMappings'];
  export const getUserFields: Api['getUserFields'];
  export const validateExpression: Api['validateExpression'];
  export const testMapping: Api['testMapping'];
  export const saveMapping: Api['saveMapping'];
  export const getRules: Api['getRules'];
  export const getRuleOptions: Api['getRuleOptions'];
  export const whichRuleWins: Api['whichRuleWins'];
  export const whichRuleWinsForUser: Api['whichRuleWinsForUser'];
  export const saveRule: Api['saveRule'];
}

/** Templates of custom lightning-datatable cell types (`import statusCell from './statusCell.html'`). */
declare module '*.html' {
  const template: unknown;
  export default template;
}
