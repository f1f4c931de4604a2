/**
 * An independent model of the Entra tenant a generated history drives: users, groups (nested), their lifecycle.
 * It is written from Microsoft's documentation of Entra and Graph, not from the simulator or the package:
 * - a disabled account is an ordinary user with `accountEnabled: false`
 *   (learn.microsoft.com/graph/api/resources/user, "accountEnabled");
 * - a soft-deleted user sits in deleted items for 30 days and can be restored; a hard-deleted one is gone and its id
 *   is never issued again (learn.microsoft.com/graph/api/directory-deleteditems-delete);
 * - group members can be users or groups; membership of a nested group counts transitively for anything scoped to the
 *   parent (learn.microsoft.com/graph/api/group-list-transitivemembers);
 * - a deleted group has no members.
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
