/**
 * User: the rules that break real provisioning jobs.
 *  - Username: e-mail shaped, unique across all orgs (DUPLICATE_USERNAME; help article 000381924); other orgs are
 *    stood in for by `reservedUsernames`;
 *  - CommunityNickname: defaulted on create, unique (DUPLICATE_COMM_NICKNAME);
 *  - LocaleSidKey must be a locale; time zone / language / e-mail encoding are restricted picklists (field rules);
 *  - external-licence profiles (Customer Community Plus, …) need ContactId; a Contact backs at most one user; the
 *    Contact's Account owner must have a role ("portal account owner must have a role");
 *  - licence seats: an active user takes a seat of its profile's UserLicense; creating or activating past
 *    TotalLicenses fails with LICENSE_LIMIT_EXCEEDED; inactive users free their seat; System.runAs ignores the limit
 *    ("The runAs method ignores user license limits", Apex Developer Guide, "Using the runAs Method");
 *  - every new user gets its UserLogin record (IsFrozen = false);
 *  - deactivation can be refused for chosen users (org settings such as the default workflow user do this).
 */
import type { DmlError, PlainValue } from '../api.ts';
import { idKey } from '../ids.ts';
import { LOCALE_PATTERN } from '../standardObjects.ts';
import type { Row } from '../store.ts';
import { isEmailShaped } from './fieldRules.ts';
import * as msg from './messages.ts';
import type { MutableRow, ObjectRules, RuleContext } from './types.ts';

/** UserType by licence name (Object Reference: User.UserType). */
const USER_TYPE_BY_LICENSE: Record<string, string> = {
  Salesforce: 'Standard',
  'Salesforce Platform': 'Standard',
  'Chatter Free': 'CsnOnly',
  'Customer Community Plus': 'PowerCustomerSuccess',
  'Customer Community Plus Login': 'PowerCustomerSuccess',
  'Customer Community': 'CspLitePortal',
  'Customer Community Login': 'CspLitePortal',
  'Partner Community': 'PowerPartner',
  'Partner Community Login': 'PowerPartner',
};

const EXTERNAL_TYPES = new Set(['PowerCustomerSuccess', 'CspLitePortal', 'PowerPartner', 'CustomerSuccess']);

interface LicenseInfo {
  licenseId: string | null;
  userType: string;
  external: boolean;
}

export function licenseOfProfile(ctx: Pick<RuleContext, 'store'>, profileId: PlainValue | undefined): LicenseInfo {
  const profile = typeof profileId === 'string' ? ctx.store.get('Profile', profileId) : undefined;
  const licenseId = (profile?.UserLicenseId as string | null | undefined) ?? null;
  const license = licenseId ? ctx.store.get('UserLicense', licenseId) : undefined;
  const userType = USER_TYPE_BY_LICENSE[String(license?.Name ?? 'Salesforce')] ?? 'Standard';
  return { licenseId, userType, external: EXTERNAL_TYPES.has(userType) };
}

/** Seat counts computed for a given content of the User and Profile tables (keyed by their store stamps). */
const seatCache = new WeakMap<object, { users: number; profiles: number; seats: Map<string, number> }>();

/** Active users per UserLicense id (cached while the User and Profile tables are unchanged). */
export function seatsInUse(ctx: Pick<RuleContext, 'store'>): Map<string, number> {
  const cached = seatCache.get(ctx.store);
  if (cached && cached.users === ctx.store.stamp('User') && cached.profiles === ctx.store.stamp('Profile'))
    return new Map(cached.seats);
  const seats = countSeats(ctx);
  rememberSeats(ctx, seats);
  return new Map(seats);
}

function rememberSeats(ctx: Pick<RuleContext, 'store'>, seats: Map<string, number>): void {
  seatCache.set(ctx.store, {
    users: ctx.store.stamp('User'),
    profiles: ctx.store.stamp('Profile'),
    seats: new Map(seats),
  });
}

function countSeats(ctx: Pick<RuleContext, 'store'>): Map<string, number> {
  const profileLicense = new Map<string, string | null>();
  for (const p of ctx.store.rows('Profile'))
    profileLicense.set(String(p.Id), (p.UserLicenseId as string | null) ?? null);
  const used = new Map<string, number>();
  for (const u of ctx.store.rows('User')) {
    if (u.IsActive !== true) continue;
    const lic = profileLicense.get(String(u.ProfileId));
    if (lic) used.set(lic, (used.get(lic) ?? 0) + 1);
  }
  return used;
}

function statementSeats(ctx: RuleContext): Map<string, number> {
  let seats = ctx.statement.get('seats') as Map<string, number> | undefined;
  if (!seats) {
    seats = seatsInUse(ctx);
    ctx.statement.set('seats', seats);
  }
  return seats;
}

function nicknameTaken(ctx: RuleContext, nickname: string, selfId: PlainValue | undefined): boolean {
  return ctx.store.lookup('User', 'CommunityNickname', [nickname]).some((r) => r.Id !== selfId);
}

function defaultNickname(ctx: RuleContext, row: MutableRow): string {
  const base =
    String(row.Email ?? row.Username ?? row.LastName ?? 'user')
      .split('@')[0]!
      .slice(0, 30) || 'user';
  if (!nicknameTaken(ctx, base, row.Id)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}${n}`.slice(0, 40);
    if (!nicknameTaken(ctx, candidate, row.Id)) return candidate;
  }
}

export const userRules: ObjectRules = {
  ownUniqueFields: new Set(['Username', 'CommunityNickname']),

  prepare(row, existing, ctx) {
    row.Name = [row.FirstName, row.LastName].filter((p) => p !== null && p !== undefined && p !== '').join(' ') || null;
    if (!existing && (row.CommunityNickname ?? null) === null && row.Email)
      row.CommunityNickname = defaultNickname(ctx, row);
    const lic = licenseOfProfile(ctx, row.ProfileId);
    row.UserType = lic.userType;
    row.IsPortalEnabled = lic.external;
    if (!existing && typeof row.ContactId === 'string') {
      const contact = ctx.store.get('Contact', row.ContactId);
      row.AccountId = (contact?.AccountId as string | null | undefined) ?? null;
    }
  },

  validate(row, existing, ctx) {
    statementSeats(ctx); // count seats before the statement's first write
    const errors: DmlError[] = [];
    const username = String(row.Username ?? '');
    if (!existing || username !== existing.Username) {
      if (!isEmailShaped(username)) return [msg.invalidUsername()];
      const lower = username.toLowerCase();
      const clash =
        ctx.store.lookup('User', 'Username', [username]).some((r) => r.Id !== row.Id) ||
        ctx.reservedUsernames.has(lower);
      if (clash) return [msg.duplicateUsername()];
    }
    const nickname = row.CommunityNickname;
    if (
      typeof nickname === 'string' &&
      (!existing || nickname.toLowerCase() !== String(existing.CommunityNickname ?? '').toLowerCase())
    ) {
      if (nicknameTaken(ctx, nickname, row.Id)) return [msg.duplicateNickname()];
    }
    if (typeof row.LocaleSidKey === 'string' && !LOCALE_PATTERN.test(row.LocaleSidKey)) {
      const f = ctx.object.fields.localesidkey!;
      return [msg.badPicklist(f, row.LocaleSidKey)];
    }
    if (existing?.IsActive === true && row.IsActive === false) {
      const blocked = ctx.deactivationBlocks.get(idKey(String(row.Id)));
      if (blocked) return [blocked];
    }
    const lic = licenseOfProfile(ctx, row.ProfileId);
    if (lic.external && !existing) {
      const e = externalUserErrors(row, ctx);
      if (e) return [e];
    }
    errors.push(...seatErrors(row, existing, ctx));
    return errors;
  },

  afterSave(row, existing, ctx) {
    applySeats(row, existing, ctx);
    if (!existing)
      ctx.insertSystemRecord('UserLogin', { UserId: row.Id ?? null, IsFrozen: false, IsPasswordLocked: false });
  },

  afterStatement(ctx) {
    const seats = ctx.statement.get('seats') as Map<string, number> | undefined;
    if (!seats) return;
    // the statement's own bookkeeping is exact for the rows it wrote (a rollback re-stamps the table and drops this)
    rememberSeats(ctx, seats);
    writeUsedLicenses(ctx, seats);
  },
};

/** UserLicense.UsedLicenses from seat counts by licence id (a licence the counts do not name uses none). */
export function writeUsedLicenses(ctx: Pick<RuleContext, 'store'>, seats: Map<string, number>): void {
  for (const lic of ctx.store.rows('UserLicense')) {
    const used = seats.get(String(lic.Id)) ?? 0;
    if (lic.UsedLicenses !== used) ctx.store.put('UserLicense', { ...lic, UsedLicenses: used });
  }
}

function externalUserErrors(row: MutableRow, ctx: RuleContext): DmlError | undefined {
  if (typeof row.ContactId !== 'string') return msg.portalUserWithoutContact();
  if (ctx.store.lookup('User', 'ContactId', [row.ContactId]).some((u) => u.Id !== row.Id)) return msg.contactHasUser();
  const contact = ctx.store.get('Contact', row.ContactId);
  const accountId = contact?.AccountId;
  if (typeof accountId !== 'string') return msg.contactWithoutAccount();
  const account = ctx.store.get('Account', accountId);
  const owner = typeof account?.OwnerId === 'string' ? ctx.store.get('User', account.OwnerId) : undefined;
  if (!owner?.UserRoleId) return msg.portalOwnerNeedsRole();
  return undefined;
}

interface SeatChange {
  take: string | null; // licence that gains a seat
  free: string | null; // licence that loses one
}

function seatChange(row: MutableRow | Row, existing: Row | undefined, ctx: RuleContext): SeatChange {
  const licenseId = licenseOfProfile(ctx, row.ProfileId).licenseId;
  const wasActive = existing?.IsActive === true;
  const oldLicense = existing ? licenseOfProfile(ctx, existing.ProfileId).licenseId : null;
  const isActive = row.IsActive === true;
  return {
    take: isActive && licenseId !== null && (!wasActive || oldLicense !== licenseId) ? licenseId : null,
    free: wasActive && oldLicense && (!isActive || oldLicense !== licenseId) ? oldLicense : null,
  };
}

/** LICENSE_LIMIT_EXCEEDED when a user would take a seat past TotalLicenses. */
function seatErrors(row: MutableRow, existing: Row | undefined, ctx: RuleContext): DmlError[] {
  const seats = statementSeats(ctx); // counted before this statement writes its first row
  const { take } = seatChange(row, existing, ctx);
  if (!take || ctx.ignoreLicenseLimits) return [];
  const license = ctx.store.get('UserLicense', take);
  const total = Number(license?.TotalLicenses ?? Infinity);
  return (seats.get(take) ?? 0) + 1 > total ? [msg.licenseLimitExceeded(String(license?.Name ?? ''))] : [];
}

/** Books the seat change of a stored row into the statement's counts. */
function applySeats(row: Row, existing: Row | undefined, ctx: RuleContext): void {
  const { take, free } = seatChange(row, existing, ctx);
  const seats = statementSeats(ctx);
  if (take) seats.set(take, (seats.get(take) ?? 0) + 1);
  if (free) seats.set(free, Math.max(0, (seats.get(free) ?? 0) - 1));
}
