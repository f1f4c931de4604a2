/**
 * The narrow interface between the Apex interpreter (local/apex) and the in-memory org (local/org).
 *
 * The interpreter never touches the store, the SOQL engine or the limit counters directly: it calls
 * these methods. Records cross this boundary as plain JSON-like values; the interpreter converts them
 * to typed Apex values using the field types from `describe`.
 *
 * Plain field values:
 *   Text, Picklist, Email, Phone, Url, TextArea, LongTextArea, Id, Reference -> string
 *   Number, Currency, Percent, Double, Int -> number (the interpreter applies the field's scale)
 *   Checkbox -> boolean
 *   Date -> 'YYYY-MM-DD'
 *   DateTime -> ISO 8601 in GMT 'YYYY-MM-DDTHH:mm:ss.sssZ'
 *   null -> null (absent and null are the same for the store)
 *
 * Field names are the canonical API names from the schema (e.g. 'LastName', 'Status__c'); the org accepts
 * any case on input and always answers with canonical case.
 */

export type PlainValue = string | number | boolean | null;

/** A record as it crosses the boundary. Parent relationships nest (`Profile: { Name: 'x' }`), child subqueries are arrays. */
export interface PlainRecord {
  /** canonical object API name, e.g. 'User', 'Invoice__c' */
  attributes: { type: string };
  [field: string]: PlainValue | PlainRecord | PlainRecord[] | { type: string };
}

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface FieldDescribe {
  name: string; // canonical API name
  label: string;
  type: FieldType;
  length?: number; // text lengths
  precision?: number;
  scale?: number;
  required: boolean; // nillable=false && !defaultedOnCreate
  unique: boolean;
  externalId: boolean;
  caseSensitive?: boolean;
  picklistValues?: string[];
  referenceTo?: string[]; // for lookups / master-detail
  relationshipName?: string; // 'Profile' for ProfileId, 'Run__r' for Run__c
  createable: boolean;
  updateable: boolean;
  defaultValue?: PlainValue;
  /** added by the org helper: a restricted picklist rejects values outside picklistValues */
  restrictedPicklist?: boolean;
  /** added by the org helper: auto-number (read-only, assigned on insert) */
  autoNumber?: boolean;
  /** added by the org helper: formula / roll-up summary; the local org does not evaluate it (always null) */
  calculated?: boolean;
  /** added by the org helper: master-detail relationship (required, cascade delete) */
  masterDetail?: boolean;
  /**
   * added by the org helper: a custom lookup's `deleteConstraint` (SetNull, Restrict, Cascade; the field
   * metadata's default is SetNull)
   */
  deleteConstraint?: string;
}

export interface ObjectDescribe {
  name: string;
  label: string;
  keyPrefix: string; // 3 chars, e.g. '005' for User
  custom: boolean;
  isSetup: boolean; // setup object for MIXED_DML_OPERATION purposes
  isCustomMetadata: boolean; // __mdt: readable by SOQL, not by DML
  isCustomSetting: boolean;
  fields: Record<string, FieldDescribe>; // keyed by lower-case API name
  childRelationships: { relationshipName: string; childObject: string; field: string }[];
}

export interface DmlError {
  statusCode: string; // platform StatusCode, e.g. 'REQUIRED_FIELD_MISSING', 'DUPLICATE_USERNAME'
  message: string; // the platform's message text
  fields: string[];
}

export interface DmlRowResult {
  id: string | null;
  success: boolean;
  created: boolean; // upsert only
  errors: DmlError[];
  /** added by the org helper: the existing record a failed update/upsert/delete targeted (for "First exception on row 0 with id …") */
  recordId?: string;
}

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface DmlRequest {
  op: DmlOperation;
  objectName: string;
  records: PlainRecord[]; // for delete/undelete only Id is read
  allOrNone: boolean; // true: any row error rolls back the whole statement (the interpreter then throws DmlException)
  externalIdField?: string; // upsert
}

/** Raised by the org for errors that are not per-row: limits, mixed DML, query errors. The interpreter maps `apexType` to the Apex exception class. */
export class OrgError extends Error {
  constructor(
    /** Apex exception type, e.g. 'System.LimitException', 'System.QueryException', 'System.DmlException', 'System.CalloutException', 'System.SObjectException', 'System.AsyncException' */
    readonly apexType: string,
    message: string,
    /** for DmlException: the first row's status code, e.g. 'MIXED_DML_OPERATION' */
    readonly statusCode?: string,
  ) {
    super(message);
  }
}

export interface QueryResult {
  /** for SELECT COUNT() */
  count?: number;
  records: PlainRecord[];
}

export interface HttpRequestPlain {
  method: string;
  endpoint: string; // may start with 'callout:Name/'
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface HttpResponsePlain {
  statusCode: number;
  status: string;
  headers: Record<string, string>;
  body: string;
}

export interface LimitSnapshot {
  name: string; // as Limits.getXxx names it: 'Queries', 'QueryRows', 'DmlStatements', 'DmlRows', 'Callouts', 'CalloutTime'? see limits.ts
  used: number;
  max: number;
}

/** What the interpreter may ask of the org inside one transaction. */
export interface OrgApi {
  describe(objectName: string): ObjectDescribe | undefined;
  allObjects(): ObjectDescribe[];

  /** Runs SOQL. `binds` resolves `:name` bind variables (already evaluated by the interpreter; arrays for IN). */
  query(soql: string, binds: (name: string) => PlainValue | PlainValue[] | PlainRecord[]): QueryResult;

  /** DML on the current transaction. Counts DML statements/rows, enforces validation and MIXED_DML_OPERATION. */
  dml(request: DmlRequest): DmlRowResult[];

  /** A real HTTP callout (Named Credentials resolved by the org). Enforces the callout limits and the uncommitted-work rule. Mocks are the interpreter's business. */
  callout(request: HttpRequestPlain): HttpResponsePlain;
  /** Counts a mocked callout against the limits and checks the uncommitted-work rule, without sending anything. */
  countMockCallout(request: HttpRequestPlain): void;

  /** Queue async work (Queueable/Schedulable/Finalizer) for after the transaction commits. */
  enqueue(job: AsyncJobRequest): string; // returns the AsyncApexJob id
  abortJob(jobId: string): void;

  now(): Date;
  runningUserId(): string;
  /** System.runAs: switch the running user for the duration of fn; resets the mixed-DML tracking as the platform does. */
  runAs<T>(userId: string, fn: () => T): T;

  limits(): LimitSnapshot[];
  /** Called by the interpreter as it executes, so CPU/heap limits can be checked; throws OrgError('System.LimitException') when exceeded. */
  chargeCpu(statements: number): void;
  newId(objectName: string): string;

  // ---- added by the org helper ----
  /** Database.setSavepoint(): counts as a DML statement; returns an opaque savepoint handle */
  setSavepoint(): number;
  /** Database.rollback(sp): counts as a DML statement; undoes the writes made after the savepoint */
  rollbackToSavepoint(savepoint: number): void;
  /** the interpreter's estimate of its heap in bytes; throws LimitException "Apex heap size too large: N" past the limit */
  reportHeap(bytes: number): void;
  /** true while inside Test.startTest()/stopTest() */
  inTestBlock(): boolean;
  /** Test.setCreatedDate(recordId, createdDatetime): test transactions only; createdDate as ISO 8601 GMT */
  setCreatedDate(recordId: string, createdDate: string): void;
}

export interface AsyncJobRequest {
  kind: 'Queueable' | 'Schedulable' | 'Finalizer' | 'BatchApex';
  className: string;
  /** opaque handle to the interpreter's instance (the org keeps it and gives it back when the job runs) */
  instance: unknown;
  delayMinutes?: number;
  cronExpression?: string; // Schedulable
  jobName?: string; // Schedulable
  parentJobId?: string; // for finalizers and chained jobs
  /** AsyncOptions.MaximumQueueableStackDepth given to this enqueue (only the first job of a chain sets it) */
  maxStackDepth?: number;
  /** added by the org helper: 1 for the first Queueable of a chain, parent + 1 for a chained one (finalizers: their job's) */
  stackDepth?: number;
  /** added by the org helper: the chain's maximum depth, when one applies */
  chainMaxDepth?: number;
  /** added by the org helper: the AsyncApexJob id (Queueable) or CronTrigger id (Schedulable) the org assigned */
  jobId?: string;
  /** added by the org helper: earliest start (ISO, org clock) — enqueue time plus delayMinutes */
  notBefore?: string;
  /** added by the org helper: the user who queued the job; run its transaction as this user */
  runAsUserId?: string;
}

/**
 * What the runtime host (test runner, anonymous Apex, async runner, local run) asks of the org, outside Apex.
 * Implemented by `LocalOrg` in packages/apex-local/src/org/localOrg.ts: `LocalOrg.load(projectDir)` reads the schema from
 * force-app + unpackaged metadata plus the standard objects, custom metadata records, and seeds the setup data.
 */
export interface OrgHost {
  /** the interpreter-facing API bound to the current transaction */
  readonly api: OrgApi;
  /** start a transaction with sync or async governor limits; `test` marks it as running inside an Apex test */
  beginTransaction(options: {
    async: boolean;
    test: boolean;
    runningUserId?: string;
    /** added: the job this transaction runs (chaining rules) */ currentJob?: AsyncJobRequest;
  }): void;
  /** commit the current transaction's writes; returns the async jobs it queued (now ready to run) */
  commit(): AsyncJobRequest[];
  /** discard the current transaction's writes and queued jobs (uncaught exception) */
  rollback(): void;
  /** Test.startTest / stopTest: fresh limits inside, and the jobs queued between them are handed back at stop */
  startTest(): void;
  stopTest(): AsyncJobRequest[];
  /** copy-on-write snapshot of all data, for per-test isolation and @TestSetup */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  /** insert records outside any Apex transaction (seeding; rules still apply) */
  seed(objectName: string, records: Omit<PlainRecord, 'attributes'>[]): string[];
  /** read records outside any transaction */
  query(soql: string): PlainRecord[];
  /** Named Credential name -> base URL for real callouts (local run) */
  setNamedCredentialEndpoint(name: string, baseUrl: string): void;
  /** virtual clock for the async queue and System.now() */
  setNow(date: Date): void;

  // ---- added by the org helper ----
  /** is a transaction open? */
  readonly inTransaction: boolean;
  /** moves the virtual clock forward (starts it at the real time if it was not set) */
  advanceClock(ms: number): void;
  /** post-commit async queue: hand it the jobs commit()/stopTest() returned if you want delays honoured */
  queueJobs(jobs: AsyncJobRequest[]): void;
  /** the next queued job (earliest notBefore, then FIFO); advances the virtual clock to its notBefore if needed */
  nextJob(): AsyncJobRequest | undefined;
  /** update the AsyncApexJob record of a job as it runs */
  setJobStatus(jobId: string, status: 'Processing' | 'Completed' | 'Failed' | 'Aborted', message?: string): void;
  /** scheduled jobs whose CronTrigger.NextFireTime has come: fires them (updating CronTrigger) and returns them */
  dueScheduledJobs(): AsyncJobRequest[];
  /** fire one scheduled job now, whatever its NextFireTime ("scheduled jobs fire on request") */
  fireScheduledJob(cronTriggerId: string): AsyncJobRequest;
  /** usernames taken "in another org": inserting them fails with DUPLICATE_USERNAME */
  reserveUsernames(usernames: string[]): void;
  /** Metadata.Operations deployment of a custom metadata record (admin saves) */
  upsertCustomMetadata(
    typeName: string,
    developerName: string,
    label: string,
    values: Record<string, PlainValue>,
  ): void;
  /** extra headers for a Named Credential (the local stand-in for its External Credential authentication) */
  setNamedCredentialHeaders(name: string, headers: Record<string, string>): void;
  /** the running admin user's id (the default running user) */
  readonly adminUserId: string;
  /**
   * Make deactivating this user fail, as org settings do on the platform (default workflow user, assignment rules, …),
   * so the package's fall-back to freezing can be exercised. Default error: FIELD_INTEGRITY_EXCEPTION (local wording).
   */
  blockDeactivation(userId: string, error?: DmlError): void;
  /**
   * Test.stopTest runs the jobs queued since startTest "synchronously", each in its own execution context: call this
   * before running one (fresh async limits, fresh uncommitted-work and mixed-DML state, chaining blocked), then
   * endJobInTest. The test's transaction must be open.
   */
  beginJobInTest(job: AsyncJobRequest): void;
  /** UserLicense.TotalLicenses by licence Name (e.g. 'Salesforce'); the local run / benchmark raise them for big tenants */
  setLicenseSeats(licenseName: string, totalLicenses: number): void;
  /** User.UserRoleId by the role's DeveloperName, outside any transaction (setup: e.g. an Account owner with a role) */
  setUserRole(userId: string, roleDeveloperName: string): void;
  /** success: the job's writes stay (until the test's own rollback); failure: they are undone. Returns jobs it queued. */
  endJobInTest(success: boolean): AsyncJobRequest[];
}
