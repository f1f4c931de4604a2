/** The TypeScript API of the local Apex runtime (used by the local run, the e2e tests and the benchmark). */
export {
  LocalRuntime,
  toFailure,
  type ApexFailure,
  type AuraResult,
  type DebugLine,
  type TransactionReport,
} from './runtime.ts';
export { runTests, formatFailure, type TestResult, type TestRunResult } from './testRunner.ts';
export { lineCoverage, type ClassCoverage } from './coverage.ts';
export type { SentNotification } from '../apex/stdlib/messaging.ts';
