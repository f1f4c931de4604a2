/**
 * User: the rules that break real provisioning jobs.
 *  - Username: e-mail shaped, unique across all orgs (DUPLICATE_USERNAME; help article 000381924); other orgs are
 *    stood in for by `reservedUsernames`;
 *  - CommunityNickname: defaulted on create, unique (DUPLICATE_COMM_NICKNAME);
 *  - LocaleSidKey must be a locale; time zone / language / e-mail encoding are restricted picklists (field rules);
 *  - external-licence profiles (Customer Community Plus, …) need ContactId; a Contact backs at most one user; the
 *    Contact's Account owner must have a role ("portal account owner must have a role");
 *  - licence seats: an active user takes a seat of its profile's UserLicense; creating or activating past
 *    TotalLicenses fails with LICENSE_LIMIT_EXCEEDED; inactive users free their seat;
 *  - every new user gets its UserLogin record (IsFrozen = false).
 */
import type { DmlError, PlainValue } from '../api.ts';
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

/** Active users per UserLicense id. */
export function seatsInUse(ctx: Pick<RuleContext, 'store'>): Map<string, number> {
  const profileLicense = new Map<string, string | null>();
  for (const p of ctx.store.rows('Profile')) profileLicense.set(String(p.Id), (p.UserLicenseId as string | null) ?? null);
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
  const base = String(row.Email ?? row.Username ?? row.LastName ?? 'user').split('@')[0]!.slice(0, 30) || 'user';
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
    if (!existing && (row.CommunityNickname ?? null) === null && row.Email) row.CommunityNickname = defaultNickname(ctx, row);
    const lic = licenseOfProfile(ctx, row.ProfileId);
    row.UserType = lic.userType;
    row.IsPortalEnabled = lic.external;
    if (!existing && typeof row.ContactId === 'string') {
      const contact = ctx.store.get('Contact', row.ContactId);
      row.AccountId = (contact?.AccountId as string | null | undefined) ?? null;
    }
  },

  validate(row, existing, ctx) {
    const errors: DmlError[] = [];
    const username = String(row.Username ?? '');
    if (!existing || username !== existing.Username) {
      if (!isEmailShaped(username)) return [msg.invalidUsername(username)];
      const lower = username.toLowerCase();
      const clash = ctx.store.lookup('User', 'Username', [username]).some((r) => r.Id !== row.Id) || ctx.reservedUsernames.has(lower);
      if (clash) return [msg.duplicateUsername()];
    }
    const nickname = row.CommunityNickname;
    if (typeof nickname === 'string' && (!existing || nickname.toLowerCase() !== String(existing.CommunityNickname ?? '').toLowerCase())) {
      if (nicknameTaken(ctx, nickname, row.Id)) return [msg.duplicateNickname(nickname)];
    }
    if (typeof row.LocaleSidKey === 'string' && !LOCALE_PATTERN.test(row.LocaleSidKey)) {
      const f = ctx.object.fields.localesidkey!;
      return [msg.badPicklist(f, row.LocaleSidKey)];
    }
    const lic = licenseOfProfile(ctx, row.ProfileId);
    if (lic.external && !existing) {
      const e = externalUserErrors(row, ctx);
      if (e) return [e];
    }
    errors.push(...seatErrors(row, existing, lic.licenseId, ctx));
    return errors;
  },

  afterSave(row, existing, ctx) {
    if (!existing) ctx.insertSystemRecord('UserLogin', { UserId: row.Id ?? null, IsFrozen: false, IsPasswordLocked: false });
  },

  afterStatement(ctx) {
    const seats = ctx.statement.get('seats') as Map<string, number> | undefined;
    if (!seats) return;
    for (const lic of ctx.store.rows('UserLicense')) {
      const used = seats.get(String(lic.Id)) ?? 0;
      if (lic.UsedLicenses !== used) ctx.store.put('UserLicense', { ...lic, UsedLicenses: used });
    }
  },
};

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

/** LICENSE_LIMIT_EXCEEDED when a user would take a seat past TotalLicenses. */
function seatErrors(row: MutableRow, existing: Row | undefined, licenseId: string | null, ctx: RuleContext): DmlError[] {
  const seats = statementSeats(ctx);
  const wasActive = existing?.IsActive === true;
  const oldLicense = existing ? licenseOfProfile(ctx, existing.ProfileId).licenseId : null;
  const isActive = row.IsActive === true;
  const takesNewSeat = isActive && licenseId !== null && (!wasActive || oldLicense !== licenseId);
  if (takesNewSeat) {
    const license = ctx.store.get('UserLicense', licenseId);
    const total = Number(license?.TotalLicenses ?? Infinity);
    const used = seats.get(licenseId) ?? 0;
    if (used + 1 > total) return [msg.licenseLimitExceeded()];
    seats.set(licenseId, used + 1);
  }
  if (wasActive && oldLicense && (!isActive || oldLicense !== licenseId)) seats.set(oldLicense, Math.max(0, (seats.get(oldLicense) ?? 0) - 1));
  return [];
}
