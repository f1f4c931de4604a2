/**
 * What a correct sync leaves in Salesforce for a modelled Entra tenant, computed from the model alone (never from the
 * package's output). The rules are the product's documented contract (DESIGN.md §4, §7; README), restated here:
 * - a user is in scope when a live rule group contains them directly or through nested groups; eligible when also
 *   present (not deleted) and enabled (`accountEnabled` true; unknown never counts as enabled);
 * - HR dates (README, "HR dates"; EntraSyncProvisioner): judged against the org's clock at the moment of the check,
 *   a user is eligible only when also hired (no hire date, or one at or before now) and not gone (no leave date, or
 *   one after now): a leaver is off although Entra still has the account enabled, a future joiner is off until the
 *   first run on or after the hire date;
 * - an enabled, present, in-scope user who has not left, without a Salesforce user, gets one at the next completed
 *   run (a future joiner is created inactive); a leaver is never created; users are never deleted;
 * - a linked user who is not eligible is off: frozen (OnDisable Freeze) or inactive (OnRemove Deactivate);
 * - mapped fields follow Entra: Username = UPN + suffix (compared case-blind, as Salesforce does), Email = mail or
 *   UPN, FirstName = givenName, LastName = surname (else displayName), FederationIdentifier = UPN (case-exact),
 *   Title = jobTitle, Department = department; a property Entra never set leaves the field empty.
 */
import type { EntraModel } from './entraModel.ts';

export interface OracleRule {
  group: string;
  priority: number;
  profile: string;
  permissionSets: string[];
}

export interface ExpectedFields {
  Username: string;
  Email: string;
  FirstName: string | null;
  LastName: string;
  FederationIdentifier: string;
  Title: string | null;
  Department: string | null;
}

export const MAPPED_FIELDS: readonly (keyof ExpectedFields)[] = [
  'Username',
  'Email',
  'FirstName',
  'LastName',
  'FederationIdentifier',
  'Title',
  'Department',
];

export class SalesforceOracle {
  /** Entra ids that a completed run has given a Salesforce user */
  private readonly linked = new Set<string>();

  constructor(
    private readonly rules: readonly OracleRule[],
    private readonly usernameSuffix: string,
  ) {}

  inScope(model: EntraModel, id: string): boolean {
    const groups = model.transitiveGroupsOf(id);
    return this.rules.some((rule) => groups.has(rule.group));
  }

  /** Whether the user must be active and unfrozen in Salesforce at `now` (the org's clock). */
  eligible(model: EntraModel, id: string, now: Date): boolean {
    return (
      model.isPresent(id) &&
      model.isEnabled(id) &&
      this.inScope(model, id) &&
      !model.startsLater(id, now) &&
      !model.hasLeft(id, now)
    );
  }

  /** Why the user is not eligible at `now` (for failure messages). */
  describe(model: EntraModel, id: string, now: Date): string {
    const iso = (ms: number | null) => (ms === null ? 'none' : new Date(ms).toISOString());
    return (
      `${model.users.get(id)?.state ?? 'unknown'}, enabled=${String(model.isEnabled(id))}, ` +
      `in scope=${String(this.inScope(model, id))}, hire=${iso(model.hireDate(id))}, ` +
      `leave=${iso(model.leaveDate(id))}, now=${now.toISOString()}`
    );
  }

  /** Whether a completed run at `now` gives the user a Salesforce user: enabled, in scope, not left (a future joiner too). */
  createdBy(model: EntraModel, id: string, now: Date): boolean {
    return model.isPresent(id) && model.isEnabled(id) && this.inScope(model, id) && !model.hasLeft(id, now);
  }

  /**
   * A run completed against `model` at `now` (or, with `only`, a sync of those users): every user it creates for
   * now has a Salesforce user.
   */
  recordCompletedRun(model: EntraModel, now: Date, only?: readonly string[]): void {
    for (const id of only ?? model.users.keys()) if (this.createdBy(model, id, now)) this.linked.add(id);
  }

  expectedLinked(): ReadonlySet<string> {
    return this.linked;
  }

  permissionSets(model: EntraModel, id: string): string[] {
    const groups = model.transitiveGroupsOf(id);
    return [...new Set(this.rules.filter((r) => groups.has(r.group)).flatMap((r) => r.permissionSets))].sort();
  }

  fields(model: EntraModel, id: string): ExpectedFields {
    const a = model.users.get(id)!.attributes;
    const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
    const upn = String(a.userPrincipalName);
    return {
      Username: upn + this.usernameSuffix,
      Email: text(a.mail) ?? upn,
      FirstName: text(a.givenName),
      LastName: text(a.surname) ?? text(a.displayName) ?? upn,
      FederationIdentifier: upn,
      Title: text(a.jobTitle),
      Department: text(a.department),
    };
  }
}

/** Field equality as Salesforce stores the field: Username is case-blind, everything else case-exact. */
export function sameFieldValue(field: keyof ExpectedFields, a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (field === 'Username' && typeof x === 'string' && typeof y === 'string')
    return x.toLowerCase() === y.toLowerCase();
  return x === y;
}
