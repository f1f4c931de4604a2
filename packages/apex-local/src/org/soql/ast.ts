/** The SOQL syntax tree produced by parser.ts and walked by evaluator.ts. */
import type { PlainValue } from '../api.ts';

export type FieldPath = string[]; // ['Profile', 'Name']

export type Operand =
  | { kind: 'literal'; value: PlainValue; type: 'string' | 'number' | 'boolean' | 'null' | 'date' | 'datetime' }
  | { kind: 'bind'; name: string }
  | { kind: 'dateLiteral'; name: string; n?: number }
  | { kind: 'list'; items: Operand[] }
  | { kind: 'subquery'; query: Query };

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'cmp'; path: FieldPath; op: ComparisonOp; operand: Operand };

export type AggregateFn = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export type SelectItem =
  | { kind: 'field'; path: FieldPath }
  | { kind: 'subquery'; query: Query }
  | { kind: 'countAll' } // COUNT()
  | { kind: 'aggregate'; fn: AggregateFn; path: FieldPath | null; alias?: string };

export interface OrderItem {
  path: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

export interface Query {
  select: SelectItem[];
  from: string; // object name or, in a subquery, the child relationship name
  where?: Condition;
  withClauses: string[]; // USER_MODE, SYSTEM_MODE, SECURITY_ENFORCED
  groupBy: FieldPath[];
  orderBy: OrderItem[];
  limit?: Operand;
  offset?: Operand;
  forUpdate: boolean;
  allRows: boolean;
}
