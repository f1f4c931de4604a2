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
}
