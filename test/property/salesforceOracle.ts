/**
 * What a correct sync leaves in Salesforce for a modelled Entra tenant, computed from the model alone (never from the
 * package's output). The rules are the product's documented contract (DESIGN.md §4, §7; README), restated here:
 * - a user is in scope when a live rule group contains them directly or through nested groups; eligible when also
 *   present (not deleted) and enabled (`accountEnabled` true; unknown never counts as enabled);
 * - an eligible user without a Salesforce user gets one at the next completed run; users are never deleted;
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

  eligible(model: EntraModel, id: string): boolean {
    return model.isPresent(id) && model.isEnabled(id) && this.inScope(model, id);
  }

  /** A run completed against `model`: every eligible user now has a Salesforce user. */
  recordCompletedRun(model: EntraModel): void {
    for (const id of model.users.keys()) if (this.eligible(model, id)) this.linked.add(id);
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
