/**
 * The simulated Entra directory: users, groups and their memberships, with a change sequence number on every
 * mutation so delta queries can answer "what changed since token X".
 *
 * Users are active, soft-deleted (restorable: delta reports `@removed.reason = "changed"`) or hard-deleted
 * (delta reports `"deleted"`). Membership changes are kept per (group, user) with their own sequence numbers.
 */
import type { ChangeOp, ChangeSet, GraphUser, TenantFixture } from './tenantFixture.ts';

export type UserState = 'active' | 'softDeleted' | 'hardDeleted';

export interface UserEntry {
  user: GraphUser;
  state: UserState;
  /** sequence number of the last change to this user */
  seq: number;
}

export interface MembershipEntry {
  member: boolean;
  seq: number;
}

export interface GroupEntry {
  id: string;
  displayName: string;
  /** user id -> current membership and when it last changed */
  members: Map<string, MembershipEntry>;
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
    for (const user of fixture.users) this.users.set(user.id, { user: structuredClone(user), state: 'active', seq: 0 });
    for (const group of fixture.groups) {
      const members = new Map<string, MembershipEntry>();
      for (const id of group.members) members.set(id, { member: true, seq: 0 });
      this.groups.set(group.id, { id: group.id, displayName: group.displayName, members });
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
        if (existing && existing.state !== 'hardDeleted')
          throw new DirectoryError(`addUser: user ${op.user.id} already exists`);
        this.users.set(op.user.id, { user: structuredClone(op.user), state: 'active', seq: this.nextSeq() });
        return;
      }
      case 'updateUser': {
        const entry = this.liveUser(op.id, 'updateUser');
        entry.user = mergeProperties(entry.user, op.set);
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
        for (const group of this.groups.values()) {
          const membership = group.members.get(op.id);
          if (membership?.member) group.members.set(op.id, { member: false, seq: this.nextSeq() });
        }
        return;
      }
      case 'addMember':
      case 'removeMember': {
        const group = this.groups.get(op.group);
        if (!group) throw new DirectoryError(`${op.op}: unknown group ${op.group}`);
        this.liveUser(op.user, op.op);
        group.members.set(op.user, { member: op.op === 'addMember', seq: this.nextSeq() });
        return;
      }
    }
  }

  /** Active users, sorted by id (the paging order of /users and of delta rounds). */
  activeUsers(): GraphUser[] {
    return this.sortedEntries()
      .filter(([, entry]) => entry.state === 'active')
      .map(([, entry]) => entry.user);
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

  allGroups(): GroupEntry[] {
    return [...this.groups.values()];
  }

  /** Membership changes of a group in (fromSeq, toSeq], sorted by user id; a full round (fromSeq < 0) lists only current members. */
  membershipChanges(groupId: string, fromSeq: number, toSeq: number): { userId: string; member: boolean }[] {
    const group = this.groups.get(groupId);
    if (!group) return [];
    return [...group.members.entries()]
      .filter(([, m]) => (fromSeq < 0 ? m.member && m.seq <= toSeq : m.seq > fromSeq && m.seq <= toSeq))
      .sort(([a], [b]) => compareIds(a, b))
      .map(([userId, m]) => ({ userId, member: m.member }));
  }

  /** Everything, for the control API and for tests that compute expectations. */
  snapshot(): {
    users: { user: GraphUser; state: UserState }[];
    groups: { id: string; displayName: string; members: string[] }[];
  } {
    return {
      users: this.sortedEntries().map(([, e]) => ({ user: structuredClone(e.user), state: e.state })),
      groups: this.allGroups().map((g) => ({
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
