/**
 * The tenant fixture format (documented in packages/dev-env/tenants/README.md): the Entra tenant the Graph simulator serves,
 * the provisioning rules and settings a local run configures, and scripted change sets.
 *
 * `parseTenantFixture` validates everything a run depends on and names the bad path in its error
 * (`LOCAL_FIXTURE_INVALID: users[3].id: ...`), so a hand-written fixture fails early and readably.
 */
import { readFileSync } from 'node:fs';
import { permissionListProblem } from './appPermissions.ts';

/** A Graph user object as Graph returns it (`id` plus any user properties, nested objects allowed). */
export interface GraphUser {
  id: string;
  [property: string]: unknown;
}

export interface TenantGroup {
  id: string;
  displayName: string;
  /** member ids: users, or other groups of the tenant (nesting) */
  members: string[];
}

export interface TenantRule {
  group: string; // group id or '*'
  priority: number;
  licence: 'internal' | 'external' | 'employee';
  /** optional for employee rules: the Unified Employee profile */
  profile?: string;
  role?: string;
  permissionSets?: string[];
  account?: string;
}

export type ChangeOp =
  | { op: 'addUser'; user: GraphUser }
  | { op: 'updateUser'; id: string; set: Record<string, unknown> }
  | { op: 'disableUser'; id: string }
  | { op: 'softDeleteUser'; id: string }
  | { op: 'hardDeleteUser'; id: string }
  | { op: 'restoreUser'; id: string }
  | MembershipOp
  | { op: 'addGroup'; group: TenantGroup }
  | { op: 'deleteGroup'; group: string; restorable?: boolean };

/** `member` is a user or group id; `user` is its older spelling (a user id or, for nesting, a group id). */
export type MembershipOp =
  | { op: 'addMember' | 'removeMember'; group: string; member: string; user?: undefined }
  | { op: 'addMember' | 'removeMember'; group: string; user: string; member?: undefined };

/** The member id of an addMember / removeMember op (`member`, or `user`). */
export function memberOf(op: MembershipOp): string {
  return (op.member ?? op.user)!;
}

export interface ChangeSet {
  name: string;
  ops: ChangeOp[];
}

export interface TenantFixture {
  /** optional: shown by /v1.0/organization */
  tenant?: { id?: string; displayName?: string; domain?: string };
  users: GraphUser[];
  groups: TenantGroup[];
  rules: TenantRule[];
  settings: Record<string, string | number | boolean>;
  changeSets: ChangeSet[];
  /**
   * optional: the app registration the sync uses; `permissions` are its granted application permissions (default
   * User.Read.All, GroupMember.Read.All, User-LifeCycleInfo.Read.All — see appPermissions.ts)
   */
  app?: { permissions: string[] };
}

/**
 * The HR dates of the user resource (https://learn.microsoft.com/graph/api/resources/user), both DateTimeOffset "in
 * ISO 8601 format and … always in UTC time" (e.g. "2014-01-01T00:00:00Z"): `employeeHireDate` "The date and time
 * when the user was hired or will start work in a future hire", `employeeLeaveDateTime` "The date and time when the
 * user left or will leave the organization".
 */
export const HR_DATE_PROPERTIES = ['employeeHireDate', 'employeeLeaveDateTime'] as const;

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?Z$/;

/** Why `value` is not an ISO 8601 UTC date-time such as "2026-12-20T08:00:00Z" (undefined when it is). */
export function isoUtcProblem(value: unknown): string | undefined {
  const problem = 'expected an ISO 8601 UTC date-time such as "2026-12-20T08:00:00Z"';
  if (typeof value !== 'string') return problem;
  const match = ISO_UTC.exec(value);
  if (!match) return problem;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return `'${value}' is not a real date and time`;
  return undefined;
}

/** Checks the HR dates of a user object or an updateUser `set`: ISO 8601 UTC, or null (never set / cleared). */
function validateHrDates(
  properties: Record<string, unknown>,
  path: string,
  fail: (path: string, detail: string) => never,
): void {
  for (const property of HR_DATE_PROPERTIES) {
    if (!(property in properties) || properties[property] === null) continue;
    const problem = isoUtcProblem(properties[property]);
    if (problem) fail(`${path}.${property}`, `${problem} (or null to clear it)`);
  }
}

export class FixtureError extends Error {
  readonly code = 'LOCAL_FIXTURE_INVALID';
  constructor(
    readonly source: string,
    readonly path: string,
    detail: string,
  ) {
    super(`LOCAL_FIXTURE_INVALID: ${source}: ${path}: ${detail}`);
  }
}

const OP_NAMES = [
  'addUser',
  'updateUser',
  'disableUser',
  'softDeleteUser',
  'hardDeleteUser',
  'restoreUser',
  'addMember',
  'removeMember',
  'addGroup',
  'deleteGroup',
] as const;

/** Reads and validates a fixture file. */
export function loadTenantFixture(file: string): TenantFixture {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FixtureError(file, '$', `cannot read the file (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(file, '$', `not valid JSON (${(error as Error).message})`);
  }
  return parseTenantFixture(json, file);
}

/** Validates a parsed fixture; fills the optional top-level sections with empty values. */
export function parseTenantFixture(json: unknown, source = 'fixture'): TenantFixture {
  const fail = (path: string, detail: string): never => {
    throw new FixtureError(source, path, detail);
  };
  if (!isObject(json)) fail('$', 'expected a JSON object');
  const root = json as Record<string, unknown>;

  const users = arrayAt(root, 'users', fail, true);
  const knownUsers = new Set<string>();
  users.forEach((user, i) => {
    const path = `users[${i}]`;
    if (!isObject(user)) fail(path, 'expected a Graph user object');
    const u = user as Record<string, unknown>;
    requireString(u, 'id', path, fail);
    requireString(u, 'userPrincipalName', path, fail);
    if ('accountEnabled' in u && typeof u.accountEnabled !== 'boolean')
      fail(`${path}.accountEnabled`, 'expected true or false');
    validateHrDates(u, path, fail);
    if (knownUsers.has(u.id as string)) fail(`${path}.id`, `duplicate user id '${u.id}'`);
    knownUsers.add(u.id as string);
  });

  const groups = arrayAt(root, 'groups', fail, false);
  const knownGroups = new Set<string>();
  groups.forEach((group, i) => {
    const path = `groups[${i}]`;
    if (!isObject(group)) fail(path, 'expected { id, displayName, members }');
    const g = group as Record<string, unknown>;
    requireString(g, 'id', path, fail);
    requireString(g, 'displayName', path, fail);
    if (knownGroups.has(g.id as string)) fail(`${path}.id`, `duplicate group id '${g.id}'`);
    if (knownUsers.has(g.id as string)) fail(`${path}.id`, `'${g.id}' is already a user id`);
    knownGroups.add(g.id as string);
    if (!Array.isArray(g.members)) fail(`${path}.members`, 'expected an array of user or group ids');
  });
  // members may name groups declared later in the file (nesting), so they are checked once every group is known
  groups.forEach((group, i) =>
    validateMembers(group as Record<string, unknown>, `groups[${i}]`, knownUsers, knownGroups, fail),
  );

  const rules = arrayAt(root, 'rules', fail, false);
  validateRules(rules, knownGroups, fail);

  const settings = root.settings ?? {};
  if (!isObject(settings)) fail('settings', 'expected an object of setting overrides');
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    if (!['string', 'number', 'boolean'].includes(typeof value))
      fail(`settings.${key}`, 'expected a string, number or boolean');
  }

  let app: TenantFixture['app'];
  if (root.app !== undefined) {
    if (!isObject(root.app)) fail('app', 'expected { "permissions": [ "<application permission>", … ] }');
    const a = root.app as Record<string, unknown>;
    for (const key of Object.keys(a)) if (key !== 'permissions') fail(`app.${key}`, 'unknown key (permissions)');
    const problem = permissionListProblem(a.permissions);
    if (problem)
      fail(problem.index === undefined ? 'app.permissions' : `app.permissions[${problem.index}]`, problem.detail);
    app = { permissions: [...(a.permissions as string[])] };
  }

  const changeSets = arrayAt(root, 'changeSets', fail, false);
  const state = newOpState(knownUsers, knownGroups);
  changeSets.forEach((changeSet, i) => {
    const path = `changeSets[${i}]`;
    if (!isObject(changeSet)) fail(path, 'expected { name, ops }');
    const cs = changeSet as Record<string, unknown>;
    requireString(cs, 'name', path, fail);
    if (!Array.isArray(cs.ops)) fail(`${path}.ops`, 'expected an array of operations');
    (cs.ops as unknown[]).forEach((op, j) => validateOp(op, `${path}.ops[${j}]`, state, fail));
  });

  return {
    tenant: isObject(root.tenant) ? (root.tenant as TenantFixture['tenant']) : undefined,
    users: users as GraphUser[],
    groups: groups as TenantGroup[],
    rules: rules as TenantRule[],
    settings: settings as TenantFixture['settings'],
    changeSets: changeSets as ChangeSet[],
    ...(app ? { app } : {}),
  };
}

/** Reads a rules file for `npm run sync -- --rules FILE`: `{ "rules": [...] }` or a bare array, checked against the fixture's groups. */
export function loadRulesFile(file: string, fixture: TenantFixture): TenantRule[] {
  const fail = (path: string, detail: string): never => {
    throw new FixtureError(file, path, detail);
  };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail('$', `cannot read a JSON rules file (${(error as Error).message})`);
  }
  const rules = Array.isArray(json)
    ? json
    : isObject(json) && Array.isArray((json as { rules?: unknown }).rules)
      ? (json as { rules: unknown[] }).rules
      : fail('$', 'expected { "rules": [...] } or an array of rules');
  validateRules(rules, new Set(fixture.groups.map((g) => g.id)), fail);
  return rules as TenantRule[];
}

function validateRules(
  rules: unknown[],
  knownGroups: Set<string>,
  fail: (path: string, detail: string) => never,
): void {
  rules.forEach((rule, i) => {
    const path = `rules[${i}]`;
    if (!isObject(rule)) fail(path, 'expected a rule object');
    const r = rule as Record<string, unknown>;
    requireString(r, 'group', path, fail);
    if (r.group !== '*' && !knownGroups.has(r.group as string))
      fail(`${path}.group`, `unknown group id '${r.group}' (use "*" for all users)`);
    if (typeof r.priority !== 'number' || !Number.isInteger(r.priority))
      fail(`${path}.priority`, 'expected an integer');
    if (r.licence !== 'internal' && r.licence !== 'external' && r.licence !== 'employee')
      fail(`${path}.licence`, 'expected "internal", "external" or "employee"');
    // an employee (Unified Employee) rule without a profile gets the Unified Employee profile
    if (r.licence !== 'employee' || r.profile !== undefined) requireString(r, 'profile', path, fail);
    if (r.role !== undefined && typeof r.role !== 'string') fail(`${path}.role`, 'expected a UserRole DeveloperName');
    if (
      r.permissionSets !== undefined &&
      (!Array.isArray(r.permissionSets) || r.permissionSets.some((p) => typeof p !== 'string'))
    )
      fail(`${path}.permissionSets`, 'expected an array of permission set names');
    if (r.licence === 'external' && typeof r.account !== 'string')
      fail(`${path}.account`, 'external rules need the Account name');
  });
}

/** What the ops of a fixture (or a scenario) may refer to, as they are applied in order. */
export interface OpState {
  /** users that exist (active or soft-deleted) */
  users: Set<string>;
  /** users hard-deleted earlier: Entra never hands out their object id again */
  goneUsers: Set<string>;
  groups: Set<string>;
  goneGroups: Set<string>;
}

export function newOpState(users: Iterable<string>, groups: Iterable<string>): OpState {
  return { users: new Set(users), goneUsers: new Set(), groups: new Set(groups), goneGroups: new Set() };
}

function validateMembers(
  g: Record<string, unknown>,
  path: string,
  users: Set<string>,
  groups: Set<string>,
  fail: (path: string, detail: string) => never,
): void {
  (g.members as unknown[]).forEach((member, j) => {
    if (typeof member !== 'string' || (!users.has(member) && !groups.has(member)))
      fail(`${path}.members[${j}]`, `unknown user or group id '${String(member)}'`);
    if (member === g.id) fail(`${path}.members[${j}]`, 'a group cannot be a member of itself');
  });
}

/** Checks one change op against what exists at that point, and records its effect on `state`. */
export function validateOp(
  op: unknown,
  path: string,
  state: OpState,
  fail: (path: string, detail: string) => never,
): void {
  if (!isObject(op)) fail(path, 'expected an operation object');
  const o = op as Record<string, unknown>;
  if (!OP_NAMES.includes(o.op as (typeof OP_NAMES)[number]))
    fail(`${path}.op`, `unknown op '${String(o.op)}' (one of ${OP_NAMES.join(', ')})`);
  const knownUser = (field: string): void => {
    if (typeof o[field] !== 'string') fail(`${path}.${field}`, 'expected a user id');
    if (!state.users.has(o[field] as string))
      fail(
        `${path}.${field}`,
        state.goneUsers.has(o[field] as string)
          ? `user '${o[field]}' was hard-deleted earlier`
          : `unknown user id '${o[field]}'`,
      );
  };
  const knownGroup = (): void => {
    if (typeof o.group !== 'string' || !state.groups.has(o.group))
      fail(
        `${path}.group`,
        state.goneGroups.has(String(o.group))
          ? `group '${String(o.group)}' was deleted earlier`
          : `unknown group id '${String(o.group)}'`,
      );
  };
  switch (o.op) {
    case 'addUser': {
      if (!isObject(o.user)) fail(`${path}.user`, 'expected a Graph user object');
      const u = o.user as Record<string, unknown>;
      requireString(u, 'id', `${path}.user`, fail);
      requireString(u, 'userPrincipalName', `${path}.user`, fail);
      if ('accountEnabled' in u && typeof u.accountEnabled !== 'boolean')
        fail(`${path}.user.accountEnabled`, 'expected true or false');
      validateHrDates(u, `${path}.user`, fail);
      if (state.goneUsers.has(u.id as string))
        fail(
          `${path}.user.id`,
          `user '${u.id}' was hard-deleted earlier; Entra never reuses an object id, so a new user needs a new id`,
        );
      if (state.users.has(u.id as string) || state.groups.has(u.id as string) || state.goneGroups.has(u.id as string))
        fail(`${path}.user.id`, `user '${u.id}' already exists`);
      state.users.add(u.id as string);
      break;
    }
    case 'updateUser':
      knownUser('id');
      if (!isObject(o.set)) fail(`${path}.set`, 'expected an object of properties to set');
      if ('id' in (o.set as object)) fail(`${path}.set.id`, 'the id of a user cannot change');
      validateHrDates(o.set as Record<string, unknown>, `${path}.set`, fail);
      break;
    case 'hardDeleteUser':
      knownUser('id');
      state.users.delete(o.id as string);
      state.goneUsers.add(o.id as string);
      break;
    case 'addMember':
    case 'removeMember': {
      knownGroup();
      const field = o.member !== undefined ? 'member' : 'user';
      const member = o[field];
      if (typeof member !== 'string') fail(`${path}.${field}`, 'expected a user or group id');
      if (!state.users.has(member as string) && !state.groups.has(member as string))
        fail(`${path}.${field}`, `unknown user or group id '${String(member)}'`);
      if (member === o.group) fail(`${path}.${field}`, 'a group cannot be a member of itself');
      break;
    }
    case 'addGroup': {
      if (!isObject(o.group)) fail(`${path}.group`, 'expected { id, displayName, members }');
      const g = o.group as Record<string, unknown>;
      requireString(g, 'id', `${path}.group`, fail);
      requireString(g, 'displayName', `${path}.group`, fail);
      if (state.groups.has(g.id as string) || state.goneGroups.has(g.id as string) || state.users.has(g.id as string))
        fail(`${path}.group.id`, `'${g.id}' already exists (or existed): a new group needs a new id`);
      if (g.members === undefined) g.members = [];
      if (!Array.isArray(g.members)) fail(`${path}.group.members`, 'expected an array of user or group ids');
      validateMembers(g, `${path}.group`, state.users, state.groups, fail);
      state.groups.add(g.id as string);
      break;
    }
    case 'deleteGroup':
      knownGroup();
      if (o.restorable !== undefined && typeof o.restorable !== 'boolean')
        fail(`${path}.restorable`, 'expected true or false');
      state.groups.delete(o.group as string);
      state.goneGroups.add(o.group as string);
      break;
    default:
      knownUser('id');
  }
}

function arrayAt(
  root: Record<string, unknown>,
  key: string,
  fail: (path: string, detail: string) => never,
  required: boolean,
): unknown[] {
  const value = root[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) return fail(key, 'expected an array');
  return value;
}

function requireString(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  fail: (path: string, detail: string) => never,
): void {
  if (typeof obj[key] !== 'string' || (obj[key] as string).length === 0)
    fail(`${path}.${key}`, 'expected a non-empty string');
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
