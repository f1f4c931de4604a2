/**
 * Operators with Apex numeric promotion (Apex Developer Guide, "Expression Operators" and "Primitive Data Types"):
 * Integer < Long < Double < Decimal; Integer arithmetic wraps at 32 bits and divides towards zero;
 * `+` with a String operand concatenates (`'a' + null` is `'anull'`); `==` on Strings ignores case.
 */
import {
  BlobV,
  D,
  DateV,
  DatetimeV,
  DecimalV,
  DoubleV,
  EnumV,
  IntV,
  ListV,
  LongV,
  MapV,
  NativeV,
  ObjectV,
  SetV,
  SObjectV,
  TimeV,
  TypeV,
  dbl,
  dec,
  int,
  isNumber,
  keyEquals,
  long,
  toDecimal,
  toJsNumber,
  type Value,
} from '../values.ts';
import { formatValue } from './format.ts';

export type Fail = (apexType: string, message: string) => never;

const NPE = 'Attempt to de-reference a null object';

function rank(v: IntV | LongV | DecimalV | DoubleV): number {
  return v instanceof IntV ? 0 : v instanceof LongV ? 1 : v instanceof DoubleV ? 2 : 3;
}

export function arith(op: string, a: Value, b: Value, fail: Fail): Value {
  if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return formatValue(a) + formatValue(b);
  if (a === null || b === null) fail('System.NullPointerException', NPE);
  if (isNumber(a) && isNumber(b)) {
    const r = Math.max(rank(a), rank(b));
    if (r === 0) {
      const x = (a as IntV).v;
      const y = (b as IntV).v;
      switch (op) {
        case '+':
          return int(x + y);
        case '-':
          return int(x - y);
        case '*':
          return int(Math.imul(x, y));
        case '/':
          if (y === 0) fail('System.MathException', 'Divide by 0');
          return int(Math.trunc(x / y));
      }
    }
    if (r === 1) {
      const x = a instanceof LongV ? a.v : BigInt((a as IntV).v);
      const y = b instanceof LongV ? b.v : BigInt((b as IntV).v);
      switch (op) {
        case '+':
          return long(x + y);
        case '-':
          return long(x - y);
        case '*':
          return long(x * y);
        case '/':
          if (y === 0n) fail('System.MathException', 'Divide by 0');
          return long(x / y);
      }
    }
    if (r === 2) {
      const x = toJsNumber(a);
      const y = toJsNumber(b);
      switch (op) {
        case '+':
          return dbl(x + y);
        case '-':
          return dbl(x - y);
        case '*':
          return dbl(x * y);
        case '/':
          if (y === 0) fail('System.MathException', 'Divide by 0');
          return dbl(x / y);
      }
    }
    const x = toDecimal(a);
    const y = toDecimal(b);
    const sa = a instanceof DecimalV ? a.scale : 0;
    const sb = b instanceof DecimalV ? b.scale : 0;
    switch (op) {
      case '+':
        return dec(x.plus(y), Math.max(sa, sb));
      case '-':
        return dec(x.minus(y), Math.max(sa, sb));
      case '*':
        return dec(x.times(y), sa + sb);
      case '/': {
        if (y.isZero()) fail('System.MathException', 'Divide by 0');
        return dec(divideDecimal(x, y));
      }
    }
  }
  // Date/Datetime arithmetic: Date + Integer days, Datetime + Integer/Decimal days (Apex Developer Guide, "Expression Operators")
  if (a instanceof DateV && b instanceof IntV) {
    if (op === '+') return new DateV(a.days + b.v);
    if (op === '-') return new DateV(a.days - b.v);
  }
  if (a instanceof DatetimeV && isNumber(b)) {
    const ms = Math.round(toJsNumber(b) * 86400000);
    if (op === '+') return new DatetimeV(a.ms + ms);
    if (op === '-') return new DatetimeV(a.ms - ms);
  }
  if (a instanceof TimeV && b instanceof IntV) {
    if (op === '+') return new TimeV((((a.ms + b.v) % 86400000) + 86400000) % 86400000);
  }
  return fail('System.TypeException', `Arithmetic expression must use numeric arguments (${op})`);
}

/** Decimal division keeps enough precision, then drops trailing zeros beyond the operands' scale (platform prints e.g. 10/4 = 2.5). */
function divideDecimal(x: InstanceType<typeof D>, y: InstanceType<typeof D>): InstanceType<typeof D> {
  const q = x.dividedBy(y);
  const exact = q.times(y).equals(x);
  if (exact) return q;
  return q.toSignificantDigits(32);
}

export function bitwise(op: string, a: Value, b: Value, fail: Fail): Value {
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  if (a === null || b === null) fail('System.NullPointerException', NPE);
  if (a instanceof IntV && b instanceof IntV) {
    switch (op) {
      case '&':
        return int(a.v & b.v);
      case '|':
        return int(a.v | b.v);
      case '^':
        return int(a.v ^ b.v);
      case '<<':
        return int(a.v << b.v);
      case '>>':
        return int(a.v >> b.v);
      case '>>>':
        return int(a.v >>> b.v);
    }
  }
  if ((a instanceof LongV || a instanceof IntV) && (b instanceof LongV || b instanceof IntV)) {
    const x = a instanceof LongV ? a.v : BigInt(a.v);
    const y = b instanceof LongV ? b.v : BigInt(b.v);
    switch (op) {
      case '&':
        return long(x & y);
      case '|':
        return long(x | y);
      case '^':
        return long(x ^ y);
      case '<<':
        return long(x << y);
      case '>>':
        return long(x >> y);
      case '>>>':
        return long(BigInt.asUintN(64, x) >> y);
    }
  }
  return fail('System.TypeException', `Bitwise operator ${op} needs Integer or Long operands`);
}

/** `<`, `>` …: numbers by value, Strings ignoring case, dates by time. A null operand makes the comparison false. */
export function compare(op: string, a: Value, b: Value, fail: Fail): boolean {
  if (a === null || b === null) return false;
  let c: number;
  if (isNumber(a) && isNumber(b)) {
    if (a instanceof IntV && b instanceof IntV) c = a.v - b.v;
    else c = toDecimal(a).comparedTo(toDecimal(b));
  } else if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (a instanceof DateV && b instanceof DateV) c = a.days - b.days;
  else if (a instanceof DatetimeV && b instanceof DatetimeV) c = a.ms - b.ms;
  else if (a instanceof TimeV && b instanceof TimeV) c = a.ms - b.ms;
  else return fail('System.TypeException', `Comparison arguments must be compatible types: ${op}`);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** `==` (Apex Developer Guide, "Expression Operators"): Strings case-insensitive, SObjects and collections by value, objects by `equals` or identity. */
export function looseEquals(a: Value, b: Value, objEquals?: (a: ObjectV, b: Value) => boolean): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'string' && typeof b === 'string')
    return a.length === b.length && a.toLowerCase() === b.toLowerCase();
  if (isNumber(a) && isNumber(b)) {
    if (a instanceof IntV && b instanceof IntV) return a.v === b.v;
    return toDecimal(a).equals(toDecimal(b));
  }
  if (a instanceof DateV && b instanceof DateV) return a.days === b.days;
  if (a instanceof DatetimeV && b instanceof DatetimeV) return a.ms === b.ms;
  if (a instanceof TimeV && b instanceof TimeV) return a.ms === b.ms;
  if (a instanceof BlobV && b instanceof BlobV)
    return Buffer.compare(new Uint8Array(a.bytes), new Uint8Array(b.bytes)) === 0;
  if (a instanceof EnumV && b instanceof EnumV) return a.enumType === b.enumType && a.name === b.name;
  if (a instanceof ListV && b instanceof ListV)
    return a.items.length === b.items.length && a.items.every((x, i) => looseEquals(x, b.items[i], objEquals));
  // Sets and Maps: the same keys (equals() semantics, as the collections find them), values by ==
  if (a instanceof SetV && b instanceof SetV) return a.size === b.size && a.values().every((x) => b.has(x));
  if (a instanceof MapV && b instanceof MapV)
    return a.size === b.size && [...a.map.values()].every(([k, v]) => b.has(k) && looseEquals(v, b.get(k), objEquals));
  if (a instanceof SObjectV && b instanceof SObjectV) {
    if (a.type !== b.type || a.fields.size !== b.fields.size) return false;
    for (const [k, f] of a.fields) {
      const o = b.fields.get(k);
      if (!o || !strictValueEquals(f.value, o.value)) return false;
    }
    return true;
  }
  if (a instanceof ObjectV && objEquals) return objEquals(a, b);
  // Schema tokens (SObjectType, SObjectField, describe results) and Types are values: equal when they name the same
  // thing (Apex Developer Guide, "Expression Operators": built-in Apex objects compare by value)
  if ((a instanceof NativeV && b instanceof NativeV) || (a instanceof TypeV && b instanceof TypeV))
    return keyEquals(a, b);
  return false;
}

/** SObject field comparison is case-sensitive for strings. */
function strictValueEquals(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return looseEquals(a, b);
}
