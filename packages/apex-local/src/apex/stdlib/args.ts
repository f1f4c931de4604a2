/** Argument helpers shared by the standard-library modules. */
import type { ExecutionContext } from '../interp/context.ts';
import { IntV, ListV, isNumber, toJsNumber, type Value } from '../values.ts';
import { formatValue } from '../interp/format.ts';

export function str(ix: ExecutionContext, v: Value, what = 'argument'): string {
  if (v === null) return ix.fail('System.NullPointerException', `Argument cannot be null: ${what}`);
  if (typeof v !== 'string') return formatValue(v);
  return v;
}

export function num(ix: ExecutionContext, v: Value): number {
  if (v === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  if (!isNumber(v)) return ix.fail('System.TypeException', `Expected a number, got ${ix.valueKind(v)}`);
  return toJsNumber(v);
}

export function intArg(ix: ExecutionContext, v: Value): number {
  if (v instanceof IntV) return v.v;
  return Math.trunc(num(ix, v));
}

export function bool(ix: ExecutionContext, v: Value): boolean {
  if (v === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  return v === true;
}

export function list(ix: ExecutionContext, v: Value): ListV {
  if (v === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  if (!(v instanceof ListV)) return ix.fail('System.TypeException', 'Expected a List');
  return v;
}
