/**
 * The simulated Entra directory: users, groups and their memberships, with a change sequence number on every
 * mutation so delta queries can answer "what changed since token X".
 *
 * Users are active, soft-deleted (restorable: delta reports `@removed.reason = "changed"`) or hard-deleted
 * (delta reports `"deleted"`). Groups are active or deleted (`deleteGroup`; `restorable` → reason "changed").
 * Membership changes are kept per (group, member) with their own sequence numbers; a member is a user or, nested,
 * another group ("members … can be users, devices, other groups, or service principals" — group resource,
 * https://learn.microsoft.com/graph/api/resources/group).
 *
 * Object ids are never reused: Entra assigns a new object id to every new object, so `addUser` / `addGroup` with the
 * id of a hard-deleted object is an error (a restored object keeps its id: `restoreUser`).
 */
import {
  memberOf,
  type ChangeOp,
  type ChangeSet,
  type GraphUser,
  type TenantFixture,
  type TenantGroup,
} from './tenantFixture.ts';

export type UserState = 'active' | 'softDeleted' | 'hardDeleted';
export type GroupState = 'active' | 'softDeleted' | 'hardDeleted';
export type MemberKind = 'user' | 'group';

export interface UserEntry {
  user: GraphUser;
  state: UserState;
  /** sequence number of the last change to this user */
  seq: number;
  /**
   * properties an updateUser set to null: "set to null" is a change users/delta reports (as null), whereas a
   * property never set is left out (learn.microsoft.com/graph/api/user-delta, "Default: return the same properties…")
   */
  cleared: Set<string>;
}

export interface MembershipEntry {
  member: boolean;
  kind: MemberKind;
  seq: number;
}

export interface GroupEntry {
  id: string;
  displayName: string;
  state: GroupState;
  /** sequence number of the group's creation or deletion (0 for the fixture's groups) */
  seq: number;
  /** member id -> current membership and when it last changed */
  members: Map<string, MembershipEntry>;
}

export interface MembershipChange {
  memberId: string;
  kind: MemberKind;
  member: boolean;
}

export class DirectoryError extends Error {
  readonly code = 'LOCAL_GRAPH_CHANGE_INVALID';
  constructor(message: string) {
    super(`LOCAL_GRAPH_CHANGE_INVALID: ${message}`);
  }
}

export class Directory {
  private sequence = 0;
  private readonly users = new Map<string, UserEntry>();
  private readonly groups = new Map<string, GroupEntry>();
  private readonly changeSets: ChangeSet[];
  private appliedChangeSetCount = 0;

  constructor(fixture: TenantFixture) {
    for (const user of fixture.users)
      this.users.set(user.id, { user: structuredClone(user), state: 'active', seq: 0, cleared: new Set() });
    for (const group of fixture.groups)
      this.groups.set(group.id, {
        id: group.id,
        displayName: group.displayName,
        state: 'active',
        seq: 0,
        members: new Map(),
      });
    for (const group of fixture.groups) {
      const entry = this.groups.get(group.id)!;
      for (const id of group.members) entry.members.set(id, { member: true, kind: this.kindOf(id), seq: 0 });
    }
    this.changeSets = fixture.changeSets;
  }

  /** the sequence number of the latest change; a delta token "from now" carries it */
  get currentSeq(): number {
    return this.sequence;
  }

  get appliedChangeSets(): number {
    return this.appliedChangeSetCount;
  }

  changeSetNames(): string[] {
    return this.changeSets.map((cs) => cs.name);
  }

  /** Applies the next scripted change set; returns its name, or undefined when all are applied. */
  applyNextChangeSet(): string | undefined {
    const next = this.changeSets[this.appliedChangeSetCount];
    if (!next) return undefined;
    this.applyOps(next.ops);
    this.appliedChangeSetCount++;
    return next.name;
  }

  applyOps(ops: ChangeOp[]): void {
    for (const op of ops) this.apply(op);
  }

  apply(op: ChangeOp): void {
    switch (op.op) {
      case 'addUser': {
        const existing = this.users.get(op.user.id);
        if (existing?.state === 'hardDeleted')
          throw new DirectoryError(
            `addUser: user ${op.user.id} was hard-deleted; Entra never reuses an object id (give the new user a new id)`,
          );
        if (existing || this.groups.has(op.user.id))
          throw new DirectoryError(`addUser: user ${op.user.id} already exists`);
        this.users.set(op.user.id, {
          user: structuredClone(op.user),
          state: 'active',
          seq: this.nextSeq(),
          cleared: new Set(),
        });
        return;
      }
      case 'updateUser': {
        const entry = this.liveUser(op.id, 'updateUser');
        entry.user = mergeProperties(entry.user, op.set);
        for (const [key, value] of Object.entries(op.set)) {
          if (value === null) entry.cleared.add(key);
          else entry.cleared.delete(key);
        }
        entry.seq = this.nextSeq();
        return;
      }
      case 'disableUser': {
        const entry = this.liveUser(op.id, 'disableUser');
        entry.user = { ...entry.user, accountEnabled: false };
        entry.seq = this.nextSeq();
        return;
      }
      case 'softDeleteUser': {
        const entry = this.liveUser(op.id, 'softDeleteUser');
        if (entry.state !== 'active') throw new DirectoryError(`softDeleteUser: user ${op.id} is already deleted`);
        entry.state = 'softDeleted';
        entry.seq = this.nextSeq();
        return;
      }
      case 'restoreUser': {
        const entry = this.liveUser(op.id, 'restoreUser');
        if (entry.state !== 'softDeleted') throw new DirectoryError(`restoreUser: user ${op.id} is not soft-deleted`);
        entry.state = 'active';
        entry.seq = this.nextSeq();
        return;
      }
      case 'hardDeleteUser': {
        const entry = this.liveUser(op.id, 'hardDeleteUser');
        entry.state = 'hardDeleted';
        entry.seq = this.nextSeq();
        this.removeFromEveryGroup(op.id);
        return;
      }
      case 'addMember':
      case 'removeMember': {
        const group = this.liveGroup(op.group, op.op);
        const memberId = memberOf(op);
        if (memberId === group.id) throw new DirectoryError(`${op.op}: a group cannot be a member of itself`);
        const kind = this.users.has(memberId) ? 'user' : 'group';
        if (kind === 'user') this.liveUser(memberId, op.op);
        else this.liveGroup(memberId, op.op);
        group.members.set(memberId, { member: op.op === 'addMember', kind, seq: this.nextSeq() });
        return;
      }
      case 'addGroup':
        this.addGroup(op.group);
        return;
      case 'deleteGroup': {
        const group = this.liveGroup(op.group, 'deleteGroup');
        group.state = op.restorable ? 'softDeleted' : 'hardDeleted';
        group.seq = this.nextSeq();
        this.removeFromEveryGroup(group.id);
        return;
      }
    }
  }

  private addGroup(group: TenantGroup): void {
    if (this.groups.has(group.id) || this.users.has(group.id))
      throw new DirectoryError(`addGroup: ${group.id} already exists (or existed): a new group needs a new id`);
    const members = group.members ?? [];
    for (const id of members) {
      if (id === group.id) throw new DirectoryError('addGroup: a group cannot be a member of itself');
      if (this.users.has(id)) this.liveUser(id, 'addGroup');
      else this.liveGroup(id, 'addGroup');
    }
    const entry: GroupEntry = {
      id: group.id,
      displayName: group.displayName,
      state: 'active',
      seq: this.nextSeq(),
      members: new Map(),
    };
    this.groups.set(group.id, entry);
    for (const id of members) entry.members.set(id, { member: true, kind: this.kindOf(id), seq: this.nextSeq() });
  }

  /** a deleted user or group leaves every group it was a member of (reported as a removed member) */
  private removeFromEveryGroup(memberId: string): void {
    for (const group of this.groups.values()) {
      const membership = group.members.get(memberId);
      if (membership?.member) group.members.set(memberId, { ...membership, member: false, seq: this.nextSeq() });
    }
  }

  private kindOf(id: string): MemberKind {
    return this.users.has(id) ? 'user' : 'group';
  }

  /** Active users, sorted by id (the paging order of /users and of delta rounds). */
  activeUsers(): GraphUser[] {
    return this.activeUserEntries().map((entry) => entry.user);
  }

  activeUserEntries(): UserEntry[] {
    return this.sortedEntries()
      .filter(([, entry]) => entry.state === 'active')
      .map(([, entry]) => entry);
  }

  /** Users changed in (fromSeq, toSeq], sorted by id, with their current state. */
  changedUsers(fromSeq: number, toSeq: number): { id: string; entry: UserEntry }[] {
    return this.sortedEntries()
      .filter(([, entry]) => entry.seq > fromSeq && entry.seq <= toSeq)
      .map(([id, entry]) => ({ id, entry }));
  }

  group(id: string): GroupEntry | undefined {
    return this.groups.get(id);
  }

  /** every group, deleted ones included */
  allGroups(): GroupEntry[] {
    return [...this.groups.values()];
  }

  /** ids of every group (deleted ones included), sorted: the paging order of groups/delta */
  allGroupIds(): string[] {
    return [...this.groups.keys()].sort(compareIds);
  }

  /** Membership changes of a group in (fromSeq, toSeq], sorted by member id; a full round (fromSeq < 0) lists only current members. */
  membershipChanges(groupId: string, fromSeq: number, toSeq: number): MembershipChange[] {
    const group = this.groups.get(groupId);
    if (!group) return [];
    return [...group.members.entries()]
      .filter(([, m]) => (fromSeq < 0 ? m.member && m.seq <= toSeq : m.seq > fromSeq && m.seq <= toSeq))
      .sort(([a], [b]) => compareIds(a, b))
      .map(([memberId, m]) => ({ memberId, kind: m.kind, member: m.member }));
  }

  /** Everything, for the control API and for tests that compute expectations. */
  snapshot(): {
    users: { user: GraphUser; state: UserState }[];
    groups: { id: string; displayName: string; members: string[] }[];
  } {
    return {
      users: this.sortedEntries().map(([, e]) => ({ user: structuredClone(e.user), state: e.state })),
      // deleted groups are gone from the directory's point of view (their former members are in no group through them)
      groups: this.allGroups()
        .filter((g) => g.state === 'active')
        .map((g) => ({
          id: g.id,
          displayName: g.displayName,
          members: [...g.members.entries()].filter(([, m]) => m.member).map(([id]) => id),
        })),
    };
  }

  private liveUser(id: string, op: string): UserEntry {
    const entry = this.users.get(id);
    if (!entry || entry.state === 'hardDeleted') throw new DirectoryError(`${op}: unknown user ${id}`);
    return entry;
  }

  private liveGroup(id: string, op: string): GroupEntry {
    const entry = this.groups.get(id);
    if (!entry || entry.state !== 'active') throw new DirectoryError(`${op}: unknown group ${id}`);
    return entry;
  }

  private sortedEntries(): [string, UserEntry][] {
    return [...this.users.entries()].sort(([a], [b]) => compareIds(a, b));
  }

  private nextSeq(): number {
    return ++this.sequence;
  }
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `set` semantics of updateUser: properties replace, `null` clears, nested objects merge one level deep. */
function mergeProperties(user: GraphUser, set: Record<string, unknown>): GraphUser {
  const merged: GraphUser = { ...user };
  for (const [key, value] of Object.entries(set)) {
    const current = merged[key];
    if (isPlainObject(value) && isPlainObject(current)) merged[key] = { ...(current as object), ...(value as object) };
    else merged[key] = structuredClone(value);
  }
  return merged;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
