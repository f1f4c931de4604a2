/**
 * Generated histories: a random starting tenant, then a random sequence of Entra operations (HR dates among them),
 * Salesforce-side drift, fault plans, runs and the org's clock moving on by whole days. Abstract steps name users and groups by index; `materialize` turns them into concrete simulator
 * operations against the independent model, dropping those Entra would refuse (restoring a user who is not deleted,
 * reusing a hard-deleted id, nesting a group inside itself), so every generated history is a possible one.
 */
import fc from 'fast-check';
import { EntraModel } from './entraModel.ts';

export const USER_IDS = Array.from(
  { length: 8 },
  (_, i) => `7a0c4e00-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
);
/** two rule groups, then two groups no rule names (candidates for nesting) */
export const GROUP_IDS = [1, 2, 3, 4].map((i) => `3d5e9b00-0000-4000-8000-${String(i).padStart(12, '0')}`);
export const RULE_GROUPS = GROUP_IDS.slice(0, 2);

const TITLES = ['Analyst', 'analyst', 'Senior Analyst', 'Team Lead', null] as const;
const DEPARTMENTS = ['Sales', 'Support', 'Finance'] as const;
const SURNAMES = ['Mcdonald', 'McDonald', 'Okafor', "O'Neil"] as const;

export const HR_DATE_FIELDS = ['employeeHireDate', 'employeeLeaveDateTime'] as const;
export type HrDateField = (typeof HR_DATE_FIELDS)[number];
export const DAY_MS = 24 * 60 * 60 * 1000;

export type AbstractOp =
  | { kind: 'addUser'; user: number }
  /** set an HR date to the org's clock now + `days` (whole days, −3..+3), or clear it (`days` null) */
  | { kind: 'setDate'; user: number; field: HrDateField; days: number | null }
  | { kind: 'update'; user: number; field: 'jobTitle' | 'department' | 'surname'; value: number }
  | { kind: 'disable' | 'enable' | 'softDelete' | 'hardDelete' | 'restore'; user: number }
  | { kind: 'addMember' | 'removeMember'; group: number; user: number }
  | { kind: 'nest' | 'unnest'; parent: number; child: number }
  | { kind: 'addGroup' | 'deleteGroup'; group: number };

export type FaultKind =
  'throttle' | 'longThrottle' | 'unavailable' | 'malformed' | 'replay' | 'tokenRejected' | 'pages';

export type AbstractStep =
  | { kind: 'ops'; ops: AbstractOp[] }
  | { kind: 'run'; trigger: 'scheduled' | 'reconcile'; faults: FaultKind[]; then: FollowUp }
  | { kind: 'drift'; user: number }
  /**
   * time passes: the org's clock moves on by `days` (run.advanceClock); the scheduled job fires on the way, and that
   * run is checked like a run step's, follow-up included
   */
  | { kind: 'clock'; days: number; then: FollowUp };

/**
 * What an admin does right after a run, while Entra is still as that run read it: nothing, undo the run, or sync one
 * user on demand (the safety invariant must hold after each; no loss after an on-demand sync).
 */
export type FollowUp = { kind: 'none' } | { kind: 'undo' } | { kind: 'onDemand'; user: number };

export interface AbstractHistory {
  initialUsers: number;
  initialMembers: [number, number][];
  steps: AbstractStep[];
}

const userIndex = fc.nat({ max: USER_IDS.length - 1 });
const groupIndex = fc.nat({ max: GROUP_IDS.length - 1 });

const opArbitrary: fc.Arbitrary<AbstractOp> = fc.oneof(
  fc.record({ kind: fc.constant('addUser' as const), user: userIndex }),
  fc.record({
    kind: fc.constant('update' as const),
    user: userIndex,
    field: fc.constantFrom('jobTitle' as const, 'department' as const, 'surname' as const),
    value: fc.nat({ max: 4 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'disable' as const,
      'enable' as const,
      'softDelete' as const,
      'hardDelete' as const,
      'restore' as const,
    ),
    user: userIndex,
  }),
  fc.record({
    kind: fc.constantFrom('addMember' as const, 'removeMember' as const),
    group: groupIndex,
    user: userIndex,
  }),
  fc.record({ kind: fc.constantFrom('nest' as const, 'unnest' as const), parent: groupIndex, child: groupIndex }),
  fc.record({ kind: fc.constantFrom('addGroup' as const, 'deleteGroup' as const), group: groupIndex }),
  fc.record({
    kind: fc.constant('setDate' as const),
    user: userIndex,
    field: fc.constantFrom(...HR_DATE_FIELDS),
    days: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null, freq: 5 }),
  }),
);

const followUpArbitrary: fc.Arbitrary<FollowUp> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('onDemand' as const), user: userIndex }) },
);

const stepArbitrary: fc.Arbitrary<AbstractStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('ops' as const),
      ops: fc.array(opArbitrary, { minLength: 1, maxLength: 5 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      trigger: fc.constantFrom('scheduled' as const, 'scheduled' as const, 'reconcile' as const),
      faults: fc.subarray(
        ['throttle', 'longThrottle', 'unavailable', 'malformed', 'replay', 'tokenRejected', 'pages'] as FaultKind[],
        {
          maxLength: 2,
        },
      ),
      then: followUpArbitrary,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drift' as const), user: userIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('clock' as const),
      days: fc.integer({ min: 1, max: 3 }),
      then: followUpArbitrary,
    }),
  },
);

export const historyArbitrary: fc.Arbitrary<AbstractHistory> = fc.record({
  initialUsers: fc.integer({ min: 2, max: USER_IDS.length }),
  initialMembers: fc.array(fc.tuple(fc.nat({ max: RULE_GROUPS.length - 1 }), userIndex), { maxLength: 10 }),
  steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
});

export type SimulatorOp = Record<string, unknown> & { op: string };

export function newUser(index: number): Record<string, string | boolean> {
  const n = index + 1;
  return {
    id: USER_IDS[index],
    userPrincipalName: `person${n}@history.example`,
    mail: `person${n}@history.example`,
    mailNickname: `person${n}`,
    displayName: `Person ${n}`,
    givenName: 'Person',
    surname: `Number${n}`,
    accountEnabled: true,
    jobTitle: 'Analyst',
    department: 'Sales',
  };
}

/** Concrete operations for the starting tenant; applies them to `model`. */
export function materializeStart(history: AbstractHistory, model: EntraModel, now: Date): SimulatorOp[] {
  const ops: SimulatorOp[] = [];
  for (let i = 0; i < history.initialUsers; i++) ops.push(...materialize({ kind: 'addUser', user: i }, model, now));
  for (const [group, user] of history.initialMembers)
    ops.push(...materialize({ kind: 'addMember', group, user }, model, now));
  return ops;
}

/**
 * An HR date as Graph sends it (ISO 8601 UTC, whole seconds): `now` + `days`, rounded down to the second. Rounding
 * down keeps a date of "now" at or before every later run, and a date k days ahead still after every run before the
 * clock has moved on by k days (the clock only moves forward).
 */
export function hrDate(now: Date, days: number): string {
  const ms = Math.floor((now.getTime() + days * DAY_MS) / 1000) * 1000;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The concrete simulator operations for one abstract operation (none when Entra would refuse it); updates `model`.
 * `now` is the org's clock when the operation happens (HR dates are relative to it).
 */
export function materialize(op: AbstractOp, model: EntraModel, now: Date): SimulatorOp[] {
  switch (op.kind) {
    case 'addUser': {
      const id = USER_IDS[op.user];
      if (model.users.has(id)) return [];
      const user = newUser(op.user);
      model.users.set(id, { id, state: 'active', attributes: { ...user } });
      return [{ op: 'addUser', user }];
    }
    case 'update': {
      const user = activeUser(model, op.user);
      if (!user) return [];
      const pool = op.field === 'jobTitle' ? TITLES : op.field === 'department' ? DEPARTMENTS : SURNAMES;
      const value = pool[op.value % pool.length];
      if (value === null) delete user.attributes[op.field];
      else user.attributes[op.field] = value;
      return [{ op: 'updateUser', id: user.id, set: { [op.field]: value } }];
    }
    case 'setDate': {
      const user = activeUser(model, op.user);
      if (!user) return [];
      const value = op.days === null ? null : hrDate(now, op.days);
      if (value === null) delete user.attributes[op.field];
      else user.attributes[op.field] = value;
      return [{ op: 'updateUser', id: user.id, set: { [op.field]: value } }];
    }
    case 'disable':
    case 'enable': {
      const user = activeUser(model, op.user);
      if (!user) return [];
      user.attributes.accountEnabled = op.kind === 'enable';
      return op.kind === 'disable'
        ? [{ op: 'disableUser', id: user.id }]
        : [{ op: 'updateUser', id: user.id, set: { accountEnabled: true } }];
    }
    case 'softDelete': {
      const user = activeUser(model, op.user);
      if (!user) return [];
      user.state = 'softDeleted';
      return [{ op: 'softDeleteUser', id: user.id }];
    }
    case 'restore': {
      const user = model.users.get(USER_IDS[op.user]);
      if (user?.state !== 'softDeleted') return [];
      user.state = 'active';
      return [{ op: 'restoreUser', id: user.id }];
    }
    case 'hardDelete': {
      const user = model.users.get(USER_IDS[op.user]);
      if (!user || user.state === 'hardDeleted') return [];
      user.state = 'hardDeleted';
      for (const group of model.groups.values()) group.members.delete(user.id);
      return [{ op: 'hardDeleteUser', id: user.id }];
    }
    case 'addMember':
    case 'removeMember': {
      const user = activeUser(model, op.user);
      const group = liveGroup(model, op.group);
      if (!user || !group) return [];
      const has = group.members.has(user.id);
      if (op.kind === 'addMember' ? has : !has) return [];
      if (op.kind === 'addMember') group.members.add(user.id);
      else group.members.delete(user.id);
      return [{ op: op.kind, group: group.id, user: user.id }];
    }
    case 'nest':
    case 'unnest': {
      const parent = liveGroup(model, op.parent);
      const child = liveGroup(model, op.child);
      if (!parent || !child || parent.id === child.id) return [];
      const has = parent.members.has(child.id);
      if (op.kind === 'nest') {
        // Entra refuses circular nesting: the parent must not already sit under the child.
        if (has || model.transitiveGroupsOf(parent.id).has(child.id)) return [];
        parent.members.add(child.id);
        return [{ op: 'addMember', group: parent.id, user: child.id }];
      }
      if (!has) return [];
      parent.members.delete(child.id);
      return [{ op: 'removeMember', group: parent.id, user: child.id }];
    }
    case 'addGroup': {
      const id = GROUP_IDS[op.group];
      if (model.groups.has(id)) return [];
      model.groups.set(id, { id, displayName: `Group ${op.group + 1}`, members: new Set(), deleted: false });
      return [{ op: 'addGroup', group: { id, displayName: `Group ${op.group + 1}`, members: [] } }];
    }
    case 'deleteGroup': {
      const group = liveGroup(model, op.group);
      if (!group) return [];
      group.deleted = true;
      group.members.clear();
      for (const other of model.groups.values()) other.members.delete(group.id);
      return [{ op: 'deleteGroup', group: group.id }];
    }
  }
}

function activeUser(model: EntraModel, index: number) {
  const user = model.users.get(USER_IDS[index]);
  return user?.state === 'active' ? user : undefined;
}

function liveGroup(model: EntraModel, index: number) {
  const group = model.groups.get(GROUP_IDS[index]);
  return group && !group.deleted ? group : undefined;
}

/** The simulator's fault plan for a run's fault kinds. */
export function faultPlan(kinds: readonly FaultKind[]): Record<string, unknown> {
  const plan: Record<string, unknown> = {};
  for (const kind of kinds) {
    if (kind === 'throttle') plan.throttle = { fraction: 0.5, retryAfterSeconds: 5 };
    if (kind === 'longThrottle') plan.throttle = { every: 3, limit: 2, retryAfterSeconds: 900 };
    if (kind === 'unavailable') plan.unavailable = { every: 3, limit: 2 };
    if (kind === 'malformed') plan.malformed = { every: 4, limit: 1 };
    if (kind === 'replay') plan.replayPages = { every: 2 };
    if (kind === 'tokenRejected') plan.deltaTokenRejected = { every: 1, limit: 1, status: 400, code: 'resyncRequired' };
    if (kind === 'pages') plan.variablePageSizes = { sizes: [1, 0, 3] };
  }
  return plan;
}
