/**
 * The local run: the package's real Apex on the local org, syncing from the Graph simulator (its own process)
 * loaded with a tenant fixture. `npm start`, `npm run sync`, the e2e and browser tests and the benchmark drive
 * everything through this class.
 */
import { fileURLToPath } from 'node:url';
import { spawnGraphSimulator, type SpawnedSimulator } from '../../local/graph/spawn.ts';
import {
  loadRulesFile,
  loadTenantFixture,
  type TenantFixture,
  type TenantRule,
} from '../../local/graph/tenantFixture.ts';
import { LocalRuntime, type TransactionReport } from '../../local/runtime/index.ts';
import {
  readChangeErrors,
  readLinkedUsers,
  readRuns,
  type ChangeErrorReport,
  type RunReport,
  type UserReport,
} from './orgReport.ts';
import {
  applyRules,
  applySettings,
  assignAdminPermissionSet,
  ensureReferencedData,
  fetchSimulatorToken,
  pointNamedCredential,
} from './orgSetup.ts';

export const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const SCHEDULED_JOB_NAME = 'Entra User Sync';
const TOKEN_REFRESH_MILLIS = 45 * 60 * 1000;
const DEFAULT_MAX_TRANSACTIONS_PER_RUN = 5000;

export interface LocalRunOptions {
  tenantFile: string;
  /** replaces the fixture's rules */
  rulesFile?: string;
  /** objects per Graph delta page (default 200) */
  pageSize?: number;
  /** async transactions after which a run counts as stuck (default 5000; the 100k initial sync goal is ≤ 505) */
  maxTransactionsPerRun?: number;
}

export interface ProgressEvent {
  run: RunReport | undefined;
  transactions: number;
  lastTransaction: string;
}

export interface SyncOutcome {
  run: RunReport;
  transactions: TransactionReport[];
  /** Graph requests the simulator served during the run (token requests excluded) */
  graphCallouts: number;
  wallMillis: number;
}

export class LocalRun {
  private tokenTimer: NodeJS.Timeout | undefined;
  /** the org right after configuration, for reset() */
  private baseline: unknown;

  private constructor(
    readonly runtime: LocalRuntime,
    private currentSimulator: SpawnedSimulator,
    readonly fixture: TenantFixture,
    readonly rules: TenantRule[],
    private readonly options: LocalRunOptions,
  ) {}

  get simulator(): SpawnedSimulator {
    return this.currentSimulator;
  }

  static async start(options: LocalRunOptions): Promise<LocalRun> {
    const fixture = loadTenantFixture(options.tenantFile);
    const rules = options.rulesFile ? loadRulesFile(options.rulesFile, fixture) : fixture.rules;
    const simulator = await spawnGraphSimulator({ tenantFile: options.tenantFile, pageSize: options.pageSize });
    try {
      const runtime = LocalRuntime.load(PROJECT_DIR);
      const run = new LocalRun(runtime, simulator, fixture, rules, options);
      await run.configure();
      return run;
    } catch (error) {
      await simulator.stop();
      throw error;
    }
  }

  get org() {
    return this.runtime.org;
  }

  private async configure(): Promise<void> {
    await this.connectSimulator();
    this.tokenTimer = setInterval(() => {
      fetchSimulatorToken(this.simulator.url, this.simulator.credentials)
        .then((fresh) => pointNamedCredential(this.org, this.simulator.url, fresh))
        .catch(() => undefined);
    }, TOKEN_REFRESH_MILLIS);
    this.tokenTimer.unref();
    applySettings(this.org, this.fixture.settings);
    applyRules(this.org, this.rules, this.fixture);
    const userCount =
      this.fixture.users.length +
      this.fixture.changeSets.flatMap((c) => c.ops).filter((o) => o.op === 'addUser').length;
    ensureReferencedData(this.org, this.rules, userCount);
    assignAdminPermissionSet(this.org);
    this.baseline = this.org.snapshot();
  }

  private async connectSimulator(): Promise<void> {
    const token = await fetchSimulatorToken(this.simulator.url, this.simulator.credentials);
    pointNamedCredential(this.org, this.simulator.url, token);
  }

  /**
   * Back to the state right after start(): the org as configured (no runs, no synced users) and a fresh simulator
   * with the unchanged tenant. Much faster than a new start() (the Apex is not parsed again); e2e fault scenarios use it.
   */
  async reset(options: { pageSize?: number } = {}): Promise<void> {
    if (
      this.runtime.query(
        "SELECT Id FROM AsyncApexJob WHERE Status IN ('Queued', 'Processing') AND JobType != 'ScheduledApex'",
      ).length
    )
      this.drain();
    await this.currentSimulator.stop();
    this.currentSimulator = await spawnGraphSimulator({
      tenantFile: this.options.tenantFile,
      pageSize: options.pageSize ?? this.options.pageSize,
    });
    this.org.restore(this.baseline);
    await this.connectSimulator();
  }

  /** Schedules the job (as the admin's "schedule" does) and runs its first firing to completion. */
  scheduleAndRunFirst(onProgress?: (event: ProgressEvent) => void): Promise<SyncOutcome> {
    this.anonymous('EntraSyncRunService.schedule();');
    return this.runScheduled(onProgress);
  }

  /** Fires the scheduled job now (the 2-hourly tick) and runs the run it starts to completion or to approval. */
  async runScheduled(onProgress?: (event: ProgressEvent) => void): Promise<SyncOutcome> {
    return this.measure(onProgress, () => this.runtime.fireScheduled(SCHEDULED_JOB_NAME));
  }

  /** Starts a manual run (Run now) and runs it to completion or to approval. */
  async runManual(onProgress?: (event: ProgressEvent) => void): Promise<SyncOutcome> {
    return this.measure(onProgress, () => [this.anonymous('EntraSyncRunService.startManualRun();')]);
  }

  /** Approves a held run and runs it to completion. */
  async approve(runId: string, onProgress?: (event: ProgressEvent) => void): Promise<SyncOutcome> {
    return this.measure(onProgress, () => [this.anonymous(`EntraSyncRunService.approve('${runId}');`)]);
  }

  applyNextChangeSet(): Promise<{ applied: string | null; appliedChangeSets: number }> {
    return this.simulator.control.applyNextChangeSet();
  }

  /** Runs every ready async transaction; returns their reports. */
  drain(onTransaction?: (report: TransactionReport, count: number) => void): TransactionReport[] {
    const reports: TransactionReport[] = [];
    const max = this.options.maxTransactionsPerRun ?? DEFAULT_MAX_TRANSACTIONS_PER_RUN;
    while (reports.length < max) {
      const next = this.runtime.runAsyncUntilIdle({ maxJobs: 1 });
      if (next.length === 0) return reports;
      for (const report of next) {
        reports.push(report);
        onTransaction?.(report, reports.length);
      }
    }
    const last = reports
      .slice(-4)
      .map((r) => r.label + (r.error ? ` (${r.error.type}: ${r.error.message.slice(0, 160)})` : ''));
    throw new Error(
      `LOCAL_RUN_STUCK: more than ${max} async transactions without the queue going idle; last: ${last.join(' → ')}`,
    );
  }

  runs(): RunReport[] {
    return readRuns((soql) => this.runtime.query(soql));
  }

  latestRun(): RunReport | undefined {
    return this.runs().at(-1);
  }

  users(): UserReport[] {
    return readLinkedUsers((soql) => this.runtime.query(soql));
  }

  errors(): ChangeErrorReport[] {
    return readChangeErrors((soql) => this.runtime.query(soql));
  }

  async stop(): Promise<void> {
    clearInterval(this.tokenTimer);
    await this.simulator.stop();
  }

  private async measure(
    onProgress: ((event: ProgressEvent) => void) | undefined,
    start: () => TransactionReport[],
  ): Promise<SyncOutcome> {
    const started = Date.now();
    const before = (await this.simulator.control.stats()).graphRequests;
    const transactions = start();
    const failedStart = transactions.find((t) => t.error);
    if (failedStart && !failedStart.label.startsWith('Queueable'))
      throw new Error(`LOCAL_RUN_START_FAILED: ${failedStart.error!.type}: ${failedStart.error!.message}`);
    const progress = (count: number, label: string): void =>
      onProgress?.({ run: this.latestRun(), transactions: count, lastTransaction: label });
    progress(transactions.length, transactions.at(-1)?.label ?? '');
    transactions.push(...this.drain((report, count) => progress(transactions.length + count, report.label)));
    const run = this.latestRun();
    if (!run) throw new Error('LOCAL_RUN_NO_RUN: the sync did not create an EntraSyncRun__c record');
    const after = (await this.simulator.control.stats()).graphRequests;
    return { run, transactions, graphCallouts: after - before, wallMillis: Date.now() - started };
  }

  private anonymous(code: string): TransactionReport {
    const report = this.runtime.runAnonymous(code);
    if (report.error) throw new Error(`LOCAL_RUN_APEX_FAILED: ${code} → ${report.error.type}: ${report.error.message}`);
    return report;
  }
}
