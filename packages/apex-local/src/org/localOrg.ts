/**
 * The in-memory org: `LocalOrg.load(projectDir)` reads the schema and custom metadata from the project, seeds
 * the setup data, and implements OrgHost (for the runtime host) and OrgApi (for the interpreter, bound to the
 * current transaction).
 */
import {
  OrgError,
  type AsyncJobRequest,
  type DmlError,
  type DmlRequest,
  type DmlRowResult,
  type HttpRequestPlain,
  type HttpResponsePlain,
  type LimitSnapshot,
  type ObjectDescribe,
  type OrgApi,
  type OrgHost,
  type PlainRecord,
  type PlainValue,
  type QueryResult,
} from './api.ts';
import { AsyncJobs } from './async.ts';
import { CalloutService } from './callout.ts';
import { executeDml, type DmlEnvironment } from './dml.ts';
import type { OrgFeatures } from './features.ts';
import { IdGenerator, idKey, isValidId, keyPrefixOf } from './ids.ts';
import { deactivationBlocked } from './rules/messages.ts';
import { CPU_MS_PER_STATEMENT } from './limits.ts';
import { loadProjectMetadata, type ProjectMetadata } from './metadata.ts';
import { Schema } from './schema.ts';
import { seedSetupData, upsertCustomMetadataRecord } from './setupData.ts';
import { runSoql, type BindResolver } from './soql/evaluator.ts';
import { Store, type StoreSnapshot } from './store.ts';
import { Transaction } from './transaction.ts';

interface OrgSnapshot {
  store: StoreSnapshot;
  autoNumbers: Map<string, number>;
}

/** A `.trigger` file's header: `trigger Name on Object (before insert, after update, …)`. */
export interface TriggerSource {
  name: string;
  objectName: string;
  /** 'before insert', 'after update', … (lower case) */
  events: string[];
  file: string;
  line: number;
}

export interface LocalOrgOptions {
  /** start the virtual clock here; otherwise System.now() is the real time until setNow/advanceClock */
  now?: Date;
  /** Organization.IsSandbox (the package appends a username suffix in sandboxes) */
  isSandbox?: boolean;
  /** UserLicense.TotalLicenses by licence Name, overriding setupData's small defaults (e.g. { Salesforce: 200000 }) */
  licenseSeats?: Record<string, number>;
  /** optional org features (Person Accounts, Unified Employee + Employee2); a real org lacks them unless enabled */
  features?: OrgFeatures;
  /**
   * Chain depth allowed when a chain's first enqueue sets no AsyncOptions.MaximumQueueableStackDepth: 5 models a
   * Developer Edition or Trial org (Apex Developer Guide, "Queueable Apex"); unset models other editions (no limit).
   */
  queueableStackDepthLimit?: number;
}

export class LocalOrg implements OrgHost {
  readonly schema: Schema;
  readonly store: Store;
  readonly api: OrgApi;
  readonly organizationId: string;
  readonly adminUserId: string;
  private readonly ids = new IdGenerator();
  private readonly autoNumbers = new Map<string, number>();
  private readonly reserved = new Set<string>();
  private readonly deactivationBlocks = new Map<string, DmlError>();
  private readonly callouts: CalloutService;
  private readonly jobs: AsyncJobs;
  private tx: Transaction | undefined;
  /** enclosing test transactions while a job released by Test.stopTest runs */
  private readonly outerTx: Transaction[] = [];
  private clock: Date | undefined;

  static load(projectDir: string, options: LocalOrgOptions = {}): LocalOrg {
    return new LocalOrg(loadProjectMetadata(projectDir), options);
  }

  constructor(
    readonly metadata: ProjectMetadata,
    options: LocalOrgOptions = {},
  ) {
    this.clock = options.now;
    this.schema = Schema.fromMetadata(metadata, options.features);
    this.store = new Store(this.schema);
    const setup = seedSetupData(this.schema, this.store, this.ids, metadata, this.now(), {
      isSandbox: options.isSandbox ?? false,
      features: options.features,
    });
    this.organizationId = setup.organizationId;
    for (const [name, total] of Object.entries(options.licenseSeats ?? {})) this.setLicenseSeats(name, total);
    this.adminUserId = setup.adminUserId;
    this.callouts = new CalloutService(metadata.namedCredentials, metadata.remoteSites);
    this.jobs = new AsyncJobs({
      schema: this.schema,
      store: this.store,
      ids: this.ids,
      now: () => this.now(),
      defaultMaxStackDepth: options.queueableStackDepthLimit,
    });
    this.api = this.createApi();
  }

  // ---- clock ----

  now(): Date {
    return this.clock ? new Date(this.clock.getTime()) : new Date();
  }

  /** The chain depth limit when a chain's first enqueue sets none (see LocalOrgOptions.queueableStackDepthLimit). */
  setQueueableStackDepthLimit(limit: number | undefined): void {
    this.jobs.setDefaultMaxStackDepth(limit);
  }

  setNow(date: Date): void {
    this.clock = new Date(date.getTime());
  }

  advanceClock(ms: number): void {
    this.clock = new Date(this.now().getTime() + ms);
  }

  // ---- transactions ----

  get inTransaction(): boolean {
    return this.tx !== undefined;
  }

  beginTransaction(options: {
    async: boolean;
    test: boolean;
    runningUserId?: string;
    currentJob?: AsyncJobRequest;
  }): void {
    if (this.tx)
      throw new OrgError(
        'System.UnexpectedException',
        'LOCAL_TRANSACTION_OPEN a transaction is already open; commit or roll it back first',
      );
    this.tx = new Transaction(
      {
        async: options.async,
        test: options.test,
        runningUserId: options.runningUserId ?? this.adminUserId,
        currentJob: options.currentJob,
      },
      this.store,
    );
  }

  beginJobInTest(job: AsyncJobRequest): void {
    const outer = this.requireTx();
    if (!outer.options.test)
      throw new OrgError(
        'System.UnexpectedException',
        'LOCAL_NOT_IN_TEST beginJobInTest() needs an open test transaction',
      );
    this.outerTx.push(outer);
    // the user current at Test.stopTest runs the released work, not the user who queued it (observed platform behaviour)
    this.tx = new Transaction(
      { async: true, test: true, runningUserId: outer.runningUserId, currentJob: job },
      this.store,
    );
  }

  endJobInTest(success: boolean): AsyncJobRequest[] {
    const inner = this.requireTx();
    const outer = this.outerTx.pop();
    if (!outer)
      throw new OrgError('System.UnexpectedException', 'LOCAL_NOT_IN_JOB endJobInTest() without beginJobInTest()');
    if (success) outer.adoptWrites(inner);
    else inner.rollbackAll();
    this.tx = outer;
    outer.attach();
    return success ? [...inner.queuedJobs] : [];
  }

  commit(): AsyncJobRequest[] {
    if (this.outerTx.length)
      throw new OrgError('System.UnexpectedException', 'LOCAL_JOB_OPEN end the job with endJobInTest() first');
    const tx = this.requireTx();
    tx.close();
    this.tx = undefined;
    return [...tx.queuedJobs];
  }

  rollback(): void {
    while (this.outerTx.length) this.endJobInTest(false);
    const tx = this.requireTx();
    tx.rollbackAll();
    tx.close();
    this.tx = undefined;
  }

  startTest(): void {
    this.requireTx().startTest();
  }

  stopTest(): AsyncJobRequest[] {
    return this.requireTx().stopTest();
  }

  private requireTx(): Transaction {
    if (!this.tx)
      throw new OrgError(
        'System.UnexpectedException',
        'LOCAL_NO_TRANSACTION call beginTransaction() before running Apex against the org',
      );
    return this.tx;
  }

  // ---- data outside Apex ----

  snapshot(): OrgSnapshot {
    if (this.tx)
      throw new OrgError('System.UnexpectedException', 'LOCAL_TRANSACTION_OPEN snapshot() inside a transaction');
    return { store: this.store.snapshot(), autoNumbers: new Map(this.autoNumbers) };
  }

  restore(snapshot: unknown): void {
    if (this.tx)
      throw new OrgError('System.UnexpectedException', 'LOCAL_TRANSACTION_OPEN restore() inside a transaction');
    const s = snapshot as OrgSnapshot;
    this.store.restore(s.store);
    this.autoNumbers.clear();
    for (const [k, v] of s.autoNumbers) this.autoNumbers.set(k, v);
  }

  /** Inserts records in their own system transaction, with every DML rule applied; throws LOCAL_SEED_FAILED on any row error. */
  seed(objectName: string, records: Omit<PlainRecord, 'attributes'>[]): string[] {
    this.beginTransaction({ async: true, test: false });
    try {
      const results = this.api.dml({
        op: 'insert',
        objectName,
        records: records.map((r) => ({ ...r, attributes: { type: objectName } }) as PlainRecord),
        allOrNone: true,
      });
      const failed = results.findIndex((r) => !r.success && r.errors.length > 0);
      if (failed >= 0) {
        const e = results[failed]!.errors[0]!;
        throw new Error(`LOCAL_SEED_FAILED ${objectName} row ${failed}: ${e.statusCode}, ${e.message}`);
      }
      this.commit();
      return results.map((r) => r.id!);
    } catch (e) {
      if (this.tx) this.rollback();
      throw e;
    }
  }

  query(soql: string): PlainRecord[] {
    return runSoql(soql, { schema: this.schema, store: this.store, now: this.now(), binds: noBinds }).result.records;
  }

  // ---- configuration ----

  setNamedCredentialEndpoint(name: string, baseUrl: string): void {
    const existing = this.callouts.namedCredentials.get(name.toLowerCase());
    this.callouts.configure(name, baseUrl, existing?.headers);
  }

  setNamedCredentialHeaders(name: string, headers: Record<string, string>): void {
    const existing = this.callouts.namedCredentials.get(name.toLowerCase());
    if (!existing) throw new Error(`LOCAL_NAMED_CREDENTIAL_MISSING ${name}: set its endpoint first`);
    this.callouts.configure(name, existing.url, headers);
  }

  setLicenseSeats(licenseName: string, totalLicenses: number): void {
    const license = this.store.lookup('UserLicense', 'Name', [licenseName])[0];
    if (!license)
      throw new Error(`LOCAL_NO_SUCH_LICENSE ${licenseName}: use one of the UserLicense names in setupData.ts`);
    this.store.put('UserLicense', { ...license, TotalLicenses: totalLicenses });
  }

  setUserRole(userId: string, roleDeveloperName: string): void {
    const role = this.store.lookup('UserRole', 'DeveloperName', [roleDeveloperName])[0];
    if (!role) throw new Error(`LOCAL_NO_SUCH_ROLE ${roleDeveloperName}: no UserRole has this DeveloperName`);
    const user = this.store.get('User', userId);
    if (!user) throw new Error(`LOCAL_NO_SUCH_USER ${userId}`);
    this.store.put('User', { ...user, UserRoleId: role.Id });
  }

  blockDeactivation(userId: string, error: DmlError = deactivationBlocked()): void {
    this.deactivationBlocks.set(idKey(userId), error);
  }

  reserveUsernames(usernames: string[]): void {
    for (const u of usernames) this.reserved.add(u.toLowerCase());
  }

  upsertCustomMetadata(
    typeName: string,
    developerName: string,
    label: string,
    values: Record<string, PlainValue>,
  ): void {
    const id = upsertCustomMetadataRecord(
      this.schema,
      this.store,
      this.ids,
      typeName,
      developerName,
      label,
      values,
      this.now(),
      this.adminUserId,
    );
    if (!id) throw new Error(`LOCAL_NOT_CUSTOM_METADATA ${typeName} is not a custom metadata type of this project`);
  }

  /**
   * Deploys the project's custom metadata records again, as installing a new version of a package over an org does:
   * every record the project ships is overwritten with (or re-created from) its source file, and every record the
   * org created itself (other DeveloperNames) is left alone. Salesforce DX Developer Guide, "Upgrade a Version of an
   * Unlocked Package": "If an upgraded component has the same API name as a component already in the target org, the
   * component is overwritten with the changes"; "If a component in the upgrade was deleted from the target org, the
   * component is re-created during the upgrade."
   * @returns the number of records deployed
   */
  redeployCustomMetadata(projectDir?: string): number {
    const records = projectDir ? loadProjectMetadata(projectDir).customMetadata : this.metadata.customMetadata;
    for (const rec of records) this.upsertCustomMetadata(rec.typeName, rec.developerName, rec.label, rec.values);
    return records.length;
  }

  // ---- async ----

  queueJobs(jobs: AsyncJobRequest[]): void {
    this.jobs.release(jobs);
  }

  nextJob(): AsyncJobRequest | undefined {
    const job = this.jobs.takeNext();
    if (job?.notBefore && Date.parse(job.notBefore) > this.now().getTime()) this.setNow(new Date(job.notBefore));
    return job;
  }

  setJobStatus(jobId: string, status: 'Processing' | 'Completed' | 'Failed' | 'Aborted', message?: string): void {
    this.jobs.setStatus(jobId, status, message);
  }

  dueScheduledJobs(): AsyncJobRequest[] {
    return this.jobs.dueSchedules().map((id) => this.jobs.fire(id));
  }

  fireScheduledJob(cronTriggerId: string): AsyncJobRequest {
    return this.jobs.fire(cronTriggerId);
  }

  // ---- the fence: what the local org does not implement stops the Apex run (LOCAL_UNSUPPORTED, uncatchable) ----

  /**
   * The project's triggers (`triggers/*.trigger`, read by the runtime's loader). The local org does not run
   * triggers, so a DML statement that would fire one stops instead of silently skipping it.
   */
  registerTriggers(triggers: TriggerSource[]): void {
    for (const t of triggers) {
      const d = this.schema.describe(t.objectName);
      const key = (d?.name ?? t.objectName).toLowerCase();
      this.triggers.set(key, [...(this.triggers.get(key) ?? []), t]);
    }
  }

  private readonly triggers = new Map<string, TriggerSource[]>();

  private fenceTriggers(request: DmlRequest): void {
    if (!request.records.length || !this.triggers.size) return;
    const d = this.schema.describe(request.objectName);
    const ops = request.op === 'upsert' ? ['insert', 'update'] : [request.op];
    const t = (this.triggers.get((d?.name ?? request.objectName).toLowerCase()) ?? []).find((x) =>
      x.events.some((e) => ops.includes(e.split(' ')[1] ?? '')),
    );
    if (t)
      throw new OrgError(
        'LOCAL_UNSUPPORTED',
        `LOCAL_UNSUPPORTED trigger ${t.name} (${t.file}:${t.line}) on ${t.objectName} would fire on ${request.op}: ` +
          'the local org does not run triggers',
      );
  }

  /** SOQL, with what the engine does not model reported as the fence: ALL ROWS, fields of unrepresentable types. */
  private runFencedSoql(soql: string, binds: BindResolver): ReturnType<typeof runSoql> {
    // ALL ROWS would have to return deleted and archived rows (SOQL and SOSL Reference, "ALL ROWS")
    if (/\bALL\s+ROWS\s*$/i.test(soql.trim()))
      throw new OrgError(
        'LOCAL_UNSUPPORTED',
        'LOCAL_UNSUPPORTED SOQL ALL ROWS (deleted rows are not queryable locally)',
      );
    try {
      return runSoql(soql, { schema: this.schema, store: this.store, now: this.now(), binds });
    } catch (e) {
      const m = e instanceof OrgError ? /No such column '([\w.]+)' on entity '(\w+)'/.exec(e.message) : null;
      const what = m ? this.schema.unsupportedField(m[2]!, m[1]!.split('.').pop()!) : undefined;
      if (what) throw new OrgError('LOCAL_UNSUPPORTED', `LOCAL_UNSUPPORTED SOQL on ${what}`);
      throw e;
    }
  }

  // ---- the interpreter-facing API ----

  private dmlEnvironment(): DmlEnvironment {
    return {
      schema: this.schema,
      store: this.store,
      ids: this.ids,
      now: () => this.now(),
      autoNumbers: this.autoNumbers,
      reservedUsernames: this.reserved,
      deactivationBlocks: this.deactivationBlocks,
    };
  }

  private createApi(): OrgApi {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the API object closes over the org
    const org = this;
    return {
      describe: (name: string): ObjectDescribe | undefined => org.schema.describe(name),
      allObjects: (): ObjectDescribe[] => org.schema.all(),
      query(soql: string, binds: BindResolver): QueryResult {
        const tx = org.requireTx();
        const outcome = org.runFencedSoql(soql, binds);
        // "This limit doesn't apply to custom metadata types" (Execution Governors and Limits, footnote 1)
        if (!outcome.object.isCustomMetadata) {
          tx.limits.charge('Queries', 1);
          tx.limits.charge('QueryRows', outcome.rowsCounted);
        }
        return outcome.result;
      },
      dml: (request: DmlRequest): DmlRowResult[] => {
        org.fenceTriggers(request);
        return executeDml(request, org.requireTx(), org.dmlEnvironment());
      },
      callout: (request: HttpRequestPlain): HttpResponsePlain => org.callouts.send(request, org.requireTx()),
      countMockCallout: (request: HttpRequestPlain): void => org.callouts.check(request, org.requireTx()),
      enqueue: (job: AsyncJobRequest): string => org.jobs.enqueue(job, org.requireTx()),
      abortJob: (jobId: string): void => org.jobs.abort(jobId),
      now: (): Date => org.now(),
      runningUserId: (): string => org.tx?.runningUserId ?? org.adminUserId,
      runAs<T>(userId: string, fn: () => T): T {
        const tx = org.requireTx();
        // the platform accepts a User that was never inserted (Apex Developer Guide example); it then has no id here
        return tx.runAs(userId || tx.runningUserId, fn);
      },
      limits: (): LimitSnapshot[] => org.requireTx().limits.snapshot(),
      chargeCpu: (statements: number): void =>
        org.requireTx().limits.charge('CpuTime', statements * CPU_MS_PER_STATEMENT),
      newId: (objectName: string): string => {
        const d = org.schema.describe(objectName);
        if (!d) throw new OrgError('System.TypeException', `Invalid sObject type: ${objectName}`);
        return org.ids.next(d.keyPrefix);
      },
      setSavepoint: (): number => {
        const tx = org.requireTx();
        tx.limits.charge('DmlStatements', 1);
        return tx.savepoint();
      },
      rollbackToSavepoint: (savepoint: number): void => {
        const tx = org.requireTx();
        tx.limits.charge('DmlStatements', 1);
        tx.rollbackTo(savepoint);
      },
      reportHeap: (bytes: number): void => org.requireTx().limits.set('HeapSize', bytes),
      inTestBlock: (): boolean => org.tx?.inTestBlock ?? false,
      setCreatedDate: (recordId: string, createdDate: string): void => {
        const tx = org.requireTx();
        if (!tx.options.test)
          throw new OrgError('System.UnexpectedException', 'Test.setCreatedDate can only be called from a test');
        const object = isValidId(recordId) ? org.schema.byKeyPrefix(keyPrefixOf(recordId)) : undefined;
        const row = object ? org.store.get(object.name, recordId) : undefined;
        if (!object || !row) throw new OrgError('System.InvalidParameterValueException', `Invalid id: ${recordId}`);
        org.store.put(object.name, { ...row, CreatedDate: new Date(createdDate).toISOString() });
      },
    };
  }
}

const noBinds: BindResolver = (name) => {
  throw new OrgError('System.QueryException', `Variable does not exist: ${name}`);
};
