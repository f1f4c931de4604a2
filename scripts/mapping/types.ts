import type { UserFieldName } from './userFields.ts';

/** One `EntraSyncFieldMapping__mdt` record, as authored in TypeScript. */
export interface FieldMappingDefinition {
  /** Record DeveloperName: letters, digits and single underscores, starts with a letter, at most 40 characters. */
  readonly name: string;
  /** Record label shown in Setup (at most 40 characters). */
  readonly label: string;
  /** Graph attribute path or expression (Source__c); empty when only `defaultValue` applies. */
  readonly source: string;
  /** Target User field API name (TargetField__c). */
  readonly target: UserFieldName;
  /** ApplyOn__c: Create = only when the user is created; Always = on create and update. */
  readonly applyOn: 'Create' | 'Always';
  /** DefaultValue__c: used when the source evaluates to an empty value. */
  readonly defaultValue?: string;
  /** Active__c; defaults to true. */
  readonly active?: boolean;
  /** Order__c (0–9999): evaluation order. */
  readonly order: number;
  /**
   * OnOverflow__c: what happens when the mapped value is longer than the User field holds. `Truncate` cuts it to the
   * field's length and records ENTRASYNC_VALUE_TRUNCATED on the change (the user is still written); `Fail` fails the
   * user with ENTRASYNC_VALUE_TOO_LONG. Identity fields ({@link IDENTITY_TARGETS}) must fail.
   */
  readonly onOverflow: OnOverflow;
}

/** OnOverflow__c picklist values. */
export const ON_OVERFLOW_VALUES = ['Truncate', 'Fail'] as const;
export type OnOverflow = (typeof ON_OVERFLOW_VALUES)[number];

/**
 * Fields that identify the person (sign-in, SSO, the Entra link): a cut value would be someone else, so a shipped
 * mapping to them must say `Fail` (the Apex mapper's IDENTITY_FIELDS use the same default when OnOverflow__c is blank).
 */
export const IDENTITY_TARGETS: ReadonlySet<string> = new Set([
  'Username',
  'Email',
  'FederationIdentifier',
  'EntraSyncObjectId__c',
]);
