/** What object-specific DML rules see and may do. */
import type { DmlError, DmlOperation, ObjectDescribe, PlainValue } from '../api.ts';
import type { Schema } from '../schema.ts';
import type { Row, Store } from '../store.ts';

export type MutableRow = Record<string, PlainValue>;

export interface RuleContext {
  schema: Schema;
  store: Store;
  object: ObjectDescribe;
  op: DmlOperation;
  now: Date;
  runningUserId: string;
  /** state shared by the rows of one DML statement (e.g. licence seats taken so far) */
  statement: Map<string, unknown>;
  /** insert a record as the platform would (e.g. the UserLogin that comes with a new User); journalled */
  insertSystemRecord(objectName: string, values: MutableRow): string;
  /** usernames taken in "other orgs" (the local stand-in for global username uniqueness) */
  reservedUsernames: ReadonlySet<string>;
  /** System.runAs ignores user licence limits */
  ignoreLicenseLimits: boolean;
  /** users whose deactivation the org refuses (idKey -> error) */
  deactivationBlocks: ReadonlyMap<string, DmlError>;
}

export interface ObjectRules {
  /** derive platform-maintained fields before validation (User.Name, CommunityNickname, …) */
  prepare?(row: MutableRow, existing: Row | undefined, ctx: RuleContext): void;
  /** object-specific validation; runs after the generic field checks pass */
  validate?(row: MutableRow, existing: Row | undefined, ctx: RuleContext): DmlError[];
  /** side effects after the row is stored */
  afterSave?(row: Row, existing: Row | undefined, ctx: RuleContext): void;
  /** fields whose uniqueness this rule reports with its own status code */
  ownUniqueFields?: ReadonlySet<string>;
  /** after every row of a statement has been processed */
  afterStatement?(ctx: RuleContext): void;
}
