/**
 * The scenario format (documented in packages/dev-env/scenarios/README.md): a tenant fixture and a list of steps —
 * runs, Entra changes, Graph faults, Salesforce-side edits, approvals — that `npm run scenario -- FILE.json` plays in
 * order against the package's real Apex on the local org.
 *
 * `loadScenario` checks the whole file before anything runs, including every op against what the tenant holds at
 * that step (the fixture, plus its change sets and the ops of earlier steps), and names the bad path:
 * `LOCAL_SCENARIO_INVALID: my.scenario.json: steps[3].ops[0].id: unknown user id 'ghost'`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { permissionListProblem } from '../graph/appPermissions.ts';
import { validatePlan, validateRejection, type DeltaTokenRejection, type FaultPlan } from '../graph/faults.ts';
import type { FieldMappingChange } from '../localRun/orgSetup.ts';
import {
  isoUtcProblem,
  loadTenantFixture,
  newOpState,
  validateOp,
  type ChangeOp,
  type TenantFixture,
} from '../graph/tenantFixture.ts';

export const RUN_KINDS = ['scheduled', 'manual', 'reconcile', 'dryRun'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export type ScenarioStep =
  | { run: RunKind }
  | { changeSet: 'next' }
  | { ops: ChangeOp[] }
  | { faults: FaultPlan }
  | { expireDeltaTokens: true | Partial<DeltaTokenRejection> }
  | { apex: string }
  | { mapping: FieldMappingChange }
  | { setting: Record<string, string | number | boolean | null> }
  | { approve: true }
  | { reject: true }
  | { advanceClock: ClockAdvance }
  | { appPermissions: string[] };

/** How far an `advanceClock` step moves the local org's virtual clock (at least one; whole, non-negative numbers). */
export interface ClockAdvance {
  days?: number;
  hours?: number;
  minutes?: number;
}

export function clockAdvanceMillis(advance: ClockAdvance): number {
  return (((advance.days ?? 0) * 24 + (advance.hours ?? 0)) * 60 + (advance.minutes ?? 0)) * 60_000;
}

export const STEP_KINDS = [
  'run',
  'changeSet',
  'ops',
  'faults',
  'expireDeltaTokens',
  'apex',
  'mapping',
  'setting',
  'approve',
  'reject',
  'advanceClock',
  'appPermissions',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface Scenario {
  file: string;
  /** absolute path of the tenant fixture */
  tenantFile: string;
  fixture: TenantFixture;
  description?: string;
  /** objects per Graph delta page for this scenario's simulator (default 200) */
  pageSize?: number;
  /** where the local org's virtual clock starts (ISO 8601 UTC); default the local run's LOCAL_RUN_START */
  now?: string;
  steps: ScenarioStep[];
}

export class ScenarioError extends Error {
  readonly code = 'LOCAL_SCENARIO_INVALID';
  constructor(source: string, where: string, detail: string) {
    super(`LOCAL_SCENARIO_INVALID: ${source}: ${where}: ${detail}`);
  }
}

export function stepKind(step: ScenarioStep): StepKind {
  return STEP_KINDS.find((kind) => kind in step)!;
}

export function loadScenario(file: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScenarioError(file, '$', `cannot read a JSON scenario (${(error as Error).message})`);
  }
  return parseScenario(json, file);
}

/** Validates a parsed scenario; `file` locates the tenant fixture (relative to the scenario file's folder). */
export function parseScenario(json: unknown, file: string): Scenario {
  const fail = (where: string, detail: string): never => {
    throw new ScenarioError(file, where, detail);
  };
  if (!isObject(json)) fail('$', 'expected { "tenant": "<fixture file>", "steps": [ … ] }');
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root))
    if (!['tenant', 'steps', 'description', 'pageSize', 'now'].includes(key))
      fail(key, 'unknown key (tenant, steps, description, pageSize, now)');
  if (typeof root.tenant !== 'string' || root.tenant === '')
    fail('tenant', 'expected the tenant fixture file, relative to the scenario file');
  if (root.description !== undefined && typeof root.description !== 'string') fail('description', 'expected text');
  if (
    root.pageSize !== undefined &&
    (!Number.isInteger(root.pageSize) || (root.pageSize as number) < 1 || (root.pageSize as number) > 999)
  )
    fail('pageSize', 'expected a whole number 1…999');
  if (root.now !== undefined) {
    const problem = isoUtcProblem(root.now);
    if (problem) fail('now', problem);
  }
  if (!Array.isArray(root.steps)) fail('steps', 'expected an array of steps');

  const tenantFile = path.resolve(path.dirname(path.resolve(file)), root.tenant as string);
  const fixture = loadTenantFixture(tenantFile);
  const state = newOpState(
    fixture.users.map((u) => u.id),
    fixture.groups.map((g) => g.id),
  );
  let nextChangeSet = 0;

  (root.steps as unknown[]).forEach((step, i) => {
    const at = `steps[${i}]`;
    if (!isObject(step)) fail(at, `expected a step object with one of ${STEP_KINDS.join(', ')}`);
    const s = step as Record<string, unknown>;
    const keys = Object.keys(s);
    if (keys.length !== 1 || !STEP_KINDS.includes(keys[0] as StepKind))
      fail(at, `a step has exactly one of ${STEP_KINDS.join(', ')} (found ${keys.join(', ') || 'nothing'})`);
    const value = s[keys[0]];
    switch (keys[0] as StepKind) {
      case 'run':
        if (!RUN_KINDS.includes(value as RunKind)) fail(`${at}.run`, `expected one of ${RUN_KINDS.join(', ')}`);
        break;
      case 'changeSet': {
        if (value !== 'next') fail(`${at}.changeSet`, 'expected "next" (the fixture\'s next scripted change set)');
        const changeSet = fixture.changeSets[nextChangeSet];
        if (!changeSet) fail(`${at}.changeSet`, `the fixture has only ${fixture.changeSets.length} change set(s)`);
        changeSet.ops.forEach((op, j) =>
          validateOp(op, `${at} (change set "${changeSet.name}").ops[${j}]`, state, fail),
        );
        nextChangeSet++;
        break;
      }
      case 'ops':
        if (!Array.isArray(value) || value.length === 0) fail(`${at}.ops`, 'expected a non-empty array of operations');
        (value as unknown[]).forEach((op, j) => validateOp(op, `${at}.ops[${j}]`, state, fail));
        break;
      case 'faults':
        try {
          validatePlan(value as FaultPlan);
        } catch (error) {
          fail(`${at}.faults`, (error as Error).message);
        }
        break;
      case 'expireDeltaTokens':
        if (value !== true && !isObject(value))
          fail(`${at}.expireDeltaTokens`, 'expected true or { "status": 400|404|410, "code": "…" }');
        if (isObject(value))
          try {
            validateRejection(value as Partial<DeltaTokenRejection>, 'expireDeltaTokens');
          } catch (error) {
            fail(`${at}.expireDeltaTokens`, (error as Error).message);
          }
        break;
      case 'apex':
        if (typeof value !== 'string' || value.trim() === '') fail(`${at}.apex`, 'expected anonymous Apex code');
        break;
      case 'mapping':
        validateMapping(value, `${at}.mapping`, fail);
        break;
      case 'setting':
        if (!isObject(value) || Object.keys(value as object).length === 0)
          fail(`${at}.setting`, 'expected { "<EntraSyncSettings__mdt field>": value, … }');
        for (const [key, v] of Object.entries(value as Record<string, unknown>))
          if (v !== null && !['string', 'number', 'boolean'].includes(typeof v))
            fail(`${at}.setting.${key}`, 'expected a string, number, boolean or null');
        break;
      case 'approve':
      case 'reject':
        if (value !== true) fail(`${at}.${keys[0]}`, 'expected true');
        break;
      case 'advanceClock':
        validateClockAdvance(value, `${at}.advanceClock`, fail);
        break;
      case 'appPermissions': {
        const problem = permissionListProblem(value);
        if (problem)
          fail(
            problem.index === undefined ? `${at}.appPermissions` : `${at}.appPermissions[${problem.index}]`,
            problem.detail,
          );
        break;
      }
    }
  });

  return {
    file,
    tenantFile,
    fixture,
    description: root.description as string | undefined,
    pageSize: root.pageSize as number | undefined,
    ...(root.now !== undefined ? { now: root.now as string } : {}),
    steps: root.steps as ScenarioStep[],
  };
}

function validateMapping(value: unknown, at: string, fail: (where: string, detail: string) => never): void {
  if (!isObject(value)) fail(at, 'expected { "target": "<User field>", "source": "<Graph attribute>", "applyOn" }');
  const m = value as Record<string, unknown>;
  for (const key of Object.keys(m))
    if (!['target', 'source', 'applyOn', 'defaultValue', 'order', 'active'].includes(key))
      fail(`${at}.${key}`, 'unknown key (target, source, applyOn, defaultValue, order, active)');
  if (typeof m.target !== 'string' || m.target === '') fail(`${at}.target`, 'expected a User field API name');
  if (typeof m.source !== 'string' || m.source === '') fail(`${at}.source`, 'expected a Graph attribute or expression');
  if (m.applyOn !== undefined && m.applyOn !== 'Create' && m.applyOn !== 'Always')
    fail(`${at}.applyOn`, 'expected "Create" or "Always"');
  if (m.defaultValue !== undefined && m.defaultValue !== null && typeof m.defaultValue !== 'string')
    fail(`${at}.defaultValue`, 'expected text or null');
  if (m.order !== undefined && typeof m.order !== 'number') fail(`${at}.order`, 'expected a number');
  if (m.active !== undefined && typeof m.active !== 'boolean') fail(`${at}.active`, 'expected true or false');
}

function validateClockAdvance(value: unknown, at: string, fail: (where: string, detail: string) => never): void {
  const shape = 'expected { "days": N, "hours": N, "minutes": N } (at least one, whole numbers ≥ 0)';
  if (!isObject(value) || Object.keys(value as object).length === 0) fail(at, shape);
  for (const [key, n] of Object.entries(value as Record<string, unknown>)) {
    if (!['days', 'hours', 'minutes'].includes(key)) fail(`${at}.${key}`, 'unknown key (days, hours, minutes)');
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`${at}.${key}`, 'expected a whole number ≥ 0');
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
