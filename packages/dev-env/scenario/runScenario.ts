/**
 * Plays a scenario (scenarioFile.ts) on a local run: the package's real Apex on the local org, syncing from the Graph
 * simulator loaded with the scenario's tenant. Each step is carried out in order; the first step that cannot be
 * carried out (an Apex error, an op the directory refuses, a run kind the Apex does not have yet) ends the scenario,
 * and the steps after it are reported as not run. The result ends with the org's linked users and failed changes in
 * the shape `npm run sync -- --json` prints them.
 */
import { applySettings, upsertFieldMapping } from '../localRun/orgSetup.ts';
import { ApexEntryPointMissingError, LocalRun, type ProgressEvent, type SyncOutcome } from '../localRun/localRun.ts';
import { formatRunSummary, type ChangeErrorReport, type UserReport } from '../localRun/orgReport.ts';
import { runEntry, type RunEntry } from '../localRun/runEntry.ts';
import type { TenantFixture } from '../graph/tenantFixture.ts';
import {
  clockAdvanceMillis,
  stepKind,
  type RunKind,
  type Scenario,
  type ScenarioStep,
  type StepKind,
} from './scenarioFile.ts';

/**
 * One step's entry. A run, approve or reject step carries the run's entry as `npm run sync -- --json` reports runs
 * (`run` = the run's name, `trigger`, `mode`, `status`, `counters`, …) beside the step's own fields.
 */
export interface StepResult extends Partial<RunEntry> {
  /** position in the scenario's steps, from 0 */
  index: number;
  kind: StepKind;
  /** the step as written */
  step: ScenarioStep;
  /** done: carried out; failed: could not be carried out (see error); notRun: after a failed step */
  outcome: 'done' | 'failed' | 'notRun';
  /** what other steps did; for runs, the async transactions that failed with an Apex error (`failedTransactions`) */
  detail?: Record<string, unknown>;
  error?: string;
}

export interface ScenarioResult {
  scenario: string;
  tenant: string;
  description?: string;
  steps: StepResult[];
  users: UserReport[];
  errors: ChangeErrorReport[];
}

export interface ScenarioHooks {
  /** a line of progress for people (the CLI prints it) */
  log?: (message: string) => void;
  onProgress?: (event: ProgressEvent) => void;
  /** called when a run-like step is done (the CLI ends its progress bar) */
  onRunDone?: () => void;
}

export async function runScenario(scenario: Scenario, hooks: ScenarioHooks = {}): Promise<ScenarioResult> {
  const run = await LocalRun.start({
    tenantFile: scenario.tenantFile,
    pageSize: scenario.pageSize,
    now: scenario.now ? new Date(scenario.now) : undefined,
  });
  try {
    return await playSteps(run, scenario, hooks);
  } finally {
    await run.stop();
  }
}

/** Plays the steps on a started local run (the e2e tests reuse one local run for several scenarios). */
export async function playSteps(run: LocalRun, scenario: Scenario, hooks: ScenarioHooks = {}): Promise<ScenarioResult> {
  // a scenario that names its start time starts there, whatever the local run did before
  if (scenario.now) run.setClock(new Date(scenario.now));
  const player = new StepPlayer(run, hooks);
  const steps: StepResult[] = [];
  let failed = false;
  for (const [index, step] of scenario.steps.entries()) {
    const kind = stepKind(step);
    if (failed) {
      steps.push({ index, kind, step, outcome: 'notRun' });
      continue;
    }
    try {
      const done = await player.play(step, index);
      steps.push({ index, kind, step, outcome: 'done', ...done });
    } catch (error) {
      failed = true;
      const message = stepError(error, step, index);
      hooks.log?.(message);
      steps.push({ index, kind, step, outcome: 'failed', error: message });
    }
  }
  return {
    scenario: scenario.file,
    tenant: scenario.tenantFile,
    ...(scenario.description ? { description: scenario.description } : {}),
    steps,
    users: run.users(),
    errors: run.errors(),
  };
}

class StepPlayer {
  private scheduled = false;

  constructor(
    private readonly run: LocalRun,
    private readonly hooks: ScenarioHooks,
  ) {}

  async play(step: ScenarioStep, index: number): Promise<Partial<RunEntry> & Pick<StepResult, 'detail'>> {
    const log = (message: string): void => this.hooks.log?.(`[${index}] ${message}`);
    const control = this.run.simulator.control;
    if ('run' in step) return runResult(await this.startRun(step.run, log));
    if ('changeSet' in step) {
      const applied = await this.run.applyNextChangeSet();
      if (!applied.applied) throw new Error('LOCAL_SCENARIO_NO_CHANGE_SET: the fixture has no change set left');
      log(`Entra: applied change set "${applied.applied}"`);
      return { detail: { applied: applied.applied, appliedChangeSets: applied.appliedChangeSets } };
    }
    if ('ops' in step) {
      await control.applyOps(step.ops);
      log(`Entra: applied ${step.ops.length} operation(s)`);
      return { detail: { applied: step.ops.length } };
    }
    if ('faults' in step) {
      await control.setFaults(step.faults);
      log(`Graph faults: ${JSON.stringify(step.faults)}`);
      return { detail: { plan: step.faults } };
    }
    if ('expireDeltaTokens' in step) {
      const answer = step.expireDeltaTokens === true ? {} : step.expireDeltaTokens;
      await control.expireDeltaTokens(answer);
      log('Graph: every delta token issued so far has expired');
      return { detail: { status: answer.status ?? 410, code: answer.code ?? 'syncStateNotFound' } };
    }
    if ('apex' in step) {
      const { transaction, asyncTransactions } = this.run.runApex(step.apex);
      log(`Apex: ran anonymous Apex (${asyncTransactions.length} async transaction(s) after it)`);
      return {
        detail: {
          debug: transaction.debug.map((line) => `${line.level}: ${line.message}`),
          asyncTransactions: asyncTransactions.length,
        },
      };
    }
    if ('mapping' in step) {
      const saved = upsertFieldMapping(this.run.org, step.mapping);
      log(`Salesforce: ${saved.created ? 'added' : 'changed'} field mapping ${saved.developerName}`);
      return { detail: saved };
    }
    if ('advanceClock' in step) {
      const from = this.run.now();
      const outcome = await this.run.advanceClock(clockAdvanceMillis(step.advanceClock), this.hooks.onProgress);
      const detail = { from: from.toISOString(), now: this.run.now().toISOString() };
      log(`clock: ${detail.from} → ${detail.now}`);
      if (!outcome) return { detail };
      // time passing let the scheduled job fire: the step carries the run it started, as a run step does
      this.hooks.onRunDone?.();
      log(summary(outcome));
      const result = runResult(outcome);
      return { ...result, detail: { ...detail, ...result.detail } };
    }
    if ('appPermissions' in step) {
      const granted = await control.setAppPermissions(step.appPermissions);
      log(`Entra: the app's application permissions are now ${granted.permissions.join(', ') || '(none)'}`);
      return { detail: { permissions: granted.permissions } };
    }
    if ('setting' in step) {
      applySettings(this.run.org, step.setting as TenantFixture['settings']);
      log(`Salesforce: settings ${JSON.stringify(step.setting)}`);
      return { detail: { settings: step.setting } };
    }
    const held = this.run.heldRun();
    if (!held) throw new Error('LOCAL_SCENARIO_NO_HELD_RUN: no run is waiting for approval');
    if ('approve' in step) {
      log(`approving ${held.name}`);
      const approved = await this.run.approve(held.id, this.hooks.onProgress);
      this.hooks.onRunDone?.();
      log(summary(approved));
      return runResult(approved);
    }
    log(`rejecting ${held.name}`);
    const rejected = await this.run.reject(held.id, this.hooks.onProgress);
    this.hooks.onRunDone?.();
    log(summary(rejected));
    return runResult(rejected);
  }

  private async startRun(kind: RunKind, log: (message: string) => void): Promise<SyncOutcome> {
    const progress = this.hooks.onProgress;
    let outcome: SyncOutcome;
    switch (kind) {
      case 'scheduled':
        // the first scheduled step schedules the job (as the admin's "schedule" does) and fires it
        outcome = this.scheduled ? await this.run.runScheduled(progress) : await this.run.scheduleAndRunFirst(progress);
        this.scheduled = true;
        break;
      case 'manual':
        outcome = await this.run.runManual(progress);
        break;
      case 'dryRun':
        outcome = await this.run.runDryRun(progress);
        break;
      case 'reconcile':
        outcome = await this.run.runReconcile(progress);
        break;
    }
    this.hooks.onRunDone?.();
    log(summary(outcome));
    return outcome;
  }
}

/** The step's error as the scenario reports it; a run kind the Apex lacks is an unsupported step. */
export function stepError(error: unknown, step: ScenarioStep, index: number): string {
  if (error instanceof ApexEntryPointMissingError)
    return (
      `LOCAL_SCENARIO_UNSUPPORTED_STEP: steps[${index}] ${JSON.stringify(step)} needs ${error.entryPoint}() in the ` +
      `package's Apex (force-app), which does not have it (yet): ${error.detail}`
    );
  const message = (error as Error).message ?? String(error);
  return /^(LOCAL|ENTRASYNC)_/.test(message) ? message : `LOCAL_SCENARIO_STEP_FAILED: steps[${index}]: ${message}`;
}

/** A run step's result: the run entry, and the async transactions that failed on the way (an Apex error). */
function runResult(outcome: SyncOutcome): Partial<RunEntry> & Pick<StepResult, 'detail'> {
  const failed = outcome.transactions
    .filter((t) => t.error)
    .map((t) => ({ transaction: t.label, type: t.error!.type, message: t.error!.message }));
  return { ...runEntry(outcome), ...(failed.length ? { detail: { failedTransactions: failed } } : {}) };
}

function summary(outcome: SyncOutcome): string {
  return formatRunSummary(outcome.run);
}
