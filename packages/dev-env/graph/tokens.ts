/**
 * Opaque paging and state tokens. Graph's `$skiptoken` / `$deltatoken` are opaque to clients; here they are
 * base64url JSON, which clients must not (and the package does not) look into. `gen` is the token generation:
 * the control API can expire every delta token issued so far, as Graph does after 7 days.
 */
export interface UserDeltaPageToken {
  kind: 'userDeltaPage';
  /** changes after this sequence number; -1 for the initial full round */
  from: number;
  /** the round's upper bound, pinned when the round started */
  to: number;
  /** last user id already returned in this round */
  after: string | null;
  select: string[] | null;
  gen: number;
  /** set on a page that is being served a second time by the replay fault */
  replay?: true;
}

export interface UserDeltaLinkToken {
  kind: 'userDeltaLink';
  from: number;
  select: string[] | null;
  gen: number;
}

export interface UserListToken {
  kind: 'userList';
  after: string;
  top: number;
  select: string[] | null;
  replay?: true;
}

export interface GroupDeltaPageToken {
  kind: 'groupDeltaPage';
  /** the `$filter=id eq …` group ids, or null for every group of the tenant */
  filter: string[] | null;
  from: number;
  to: number;
  /** the group this page starts at (null: the first one with something to report) */
  group: string | null;
  /** last member id of `group` already returned in this round */
  after: string | null;
  select: string[] | null;
  gen: number;
  replay?: true;
}

export interface GroupDeltaLinkToken {
  kind: 'groupDeltaLink';
  filter: string[] | null;
  from: number;
  select: string[] | null;
  gen: number;
}

export type SimulatorToken =
  UserDeltaPageToken | UserDeltaLinkToken | UserListToken | GroupDeltaPageToken | GroupDeltaLinkToken;

export function encodeToken(token: SimulatorToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

/** Decodes a token of the expected kinds; undefined when it is not one of ours (the caller answers 400). */
export function decodeToken<K extends SimulatorToken['kind']>(
  text: string,
  kinds: K[],
): Extract<SimulatorToken, { kind: K }> | undefined {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as SimulatorToken;
    return kinds.includes(token.kind as K) ? (token as Extract<SimulatorToken, { kind: K }>) : undefined;
  } catch {
    return undefined;
  }
}
