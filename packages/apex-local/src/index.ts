/**
 * The one public entry point of apex-local: an Apex runtime over an in-memory Salesforce org.
 * Everything a host (a local run, an end-to-end test, a benchmark) needs is exported here; the modules behind it are
 * private to the package.
 */
export {
  LocalRuntime,
  toFailure,
  type ApexFailure,
  type AuraResult,
  type DebugLine,
  type TransactionReport,
} from './runtime/runtime.ts';
export { runTests, formatFailure, type TestResult, type TestRunResult } from './runtime/testRunner.ts';
export { lineCoverage, type ClassCoverage } from './runtime/coverage.ts';
export type { SentNotification } from './apex/stdlib/messaging.ts';
export { LocalOrg, type LocalOrgOptions } from './org/localOrg.ts';
export { ALL_FEATURES, type OrgFeatures } from './org/features.ts';
export { OrgError, type PlainRecord, type PlainValue, type ObjectDescribe, type FieldDescribe } from './org/api.ts';
export { benchApexSuite, benchInterpreter, type SuiteResult, type ThroughputResult } from './bench/interpreterBench.ts';
