/**
 * An independent model of the Entra tenant a generated history drives: users, groups (nested), their lifecycle.
 * It is written from Microsoft's documentation of Entra and Graph, not from the simulator or the package:
 * - a disabled account is an ordinary user with `accountEnabled: false`
 *   (learn.microsoft.com/graph/api/resources/user, "accountEnabled");
 * - a soft-deleted user sits in deleted items for 30 days and can be restored; a hard-deleted one is gone and its id
 *   is never issued again (learn.microsoft.com/graph/api/directory-deleteditems-delete);
 * - group members can be users or groups; membership of a nested group counts transitively for anything scoped to the
 *   parent (learn.microsoft.com/graph/api/group-list-transitivemembers);
 * - a deleted group has no members;
 * - `employeeHireDate` is "the date and time when the user was hired or will start work in a future hire" and
 *   `employeeLeaveDateTime` "the date and time when the user left or will leave the organization", both ISO 8601 UTC
 *   (learn.microsoft.com/graph/api/resources/user); setting one to null clears it. Entra itself does nothing when a
 *   date passes: the account stays enabled.
 */

export type UserState = 'active' | 'softDeleted' | 'hardDeleted';

export interface ModelUser {
  id: string;
  state: UserState;
  /** Graph properties as Entra holds them; a property never set is absent */
  attributes: Record<string, string | boolean>;
}

export interface ModelGroup {
  id: string;
  displayName: string;
  members: Set<string>;
  deleted: boolean;
}

export class EntraModel {
  readonly users = new Map<string, ModelUser>();
  readonly groups = new Map<string, ModelGroup>();

  clone(): EntraModel {
    const copy = new EntraModel();
    for (const [id, user] of this.users) copy.users.set(id, { ...user, attributes: { ...user.attributes } });
    for (const [id, group] of this.groups) copy.groups.set(id, { ...group, members: new Set(group.members) });
    return copy;
  }

  isEnabled(id: string): boolean {
    return this.users.get(id)?.attributes.accountEnabled === true;
  }

  /** The user's hire date (epoch ms), or null when Entra holds none. */
  hireDate(id: string): number | null {
    return this.dateOf(id, 'employeeHireDate');
  }

  /** The user's leave date (epoch ms), or null when Entra holds none. */
  leaveDate(id: string): number | null {
    return this.dateOf(id, 'employeeLeaveDateTime');
  }

  /** Whether the user has a leave date at or before `now`. */
  hasLeft(id: string, now: Date): boolean {
    const leave = this.leaveDate(id);
    return leave !== null && leave <= now.getTime();
  }

  /** Whether the user has a hire date after `now`. */
  startsLater(id: string, now: Date): boolean {
    const hire = this.hireDate(id);
    return hire !== null && hire > now.getTime();
  }

  private dateOf(id: string, property: string): number | null {
    const value = this.users.get(id)?.attributes[property];
    return typeof value === 'string' ? Date.parse(value) : null;
  }

  isPresent(id: string): boolean {
    return this.users.get(id)?.state === 'active';
  }

  /** The live groups that contain `memberId` directly or through nested live groups, at any depth. */
  transitiveGroupsOf(memberId: string): Set<string> {
    const found = new Set<string>();
    const frontier = [memberId];
    while (frontier.length > 0) {
      const current = frontier.pop()!;
      for (const group of this.groups.values()) {
        if (group.deleted || found.has(group.id) || !group.members.has(current)) continue;
        found.add(group.id);
        frontier.push(group.id);
      }
    }
    return found;
  }
}
