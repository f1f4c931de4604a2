/** Integer, Long, Decimal, Double, Boolean and Math (Apex Reference Guide, the classes of the same names). */
import type { ExecutionContext } from '../interp/context.ts';
import { formatValue } from '../interp/format.ts';
import {
  D,
  DecimalV,
  EnumV,
  DoubleV,
  IntV,
  LongV,
  dbl,
  dec,
  int,
  isNumber,
  long,
  toDecimal,
  toJsNumber,
  type Value,
} from '../values.ts';
import { intArg, num, str } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn, StaticFn } from './types.ts';

type Num = IntV | LongV | DecimalV | DoubleV;

function parseInteger(ix: ExecutionContext, v: Value): Value {
  if (v === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  if (isNumber(v)) return int(Math.trunc(toJsNumber(v)));
  const s = str(ix, v).trim();
  if (!/^[+-]?\d+$/.test(s) || Math.abs(Number(s)) > 2147483647)
    return ix.fail('System.TypeException', `Invalid integer: ${s}`);
  return int(Number(s));
}

function parseDecimal(ix: ExecutionContext, v: Value): Value {
  if (v === null) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  if (isNumber(v)) return dec(toDecimal(v));
  const s = str(ix, v).trim();
  try {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw new Error();
    return dec(s);
  } catch {
    return ix.fail('System.TypeException', 'Invalid decimal: ' + s);
  }
}

const ROUNDING: Record<string, Decimal.Rounding> = {
  ceiling: D.ROUND_CEIL,
  down: D.ROUND_DOWN,
  floor: D.ROUND_FLOOR,
  half_down: D.ROUND_HALF_DOWN,
  half_even: D.ROUND_HALF_EVEN,
  half_up: D.ROUND_HALF_UP,
  up: D.ROUND_UP,
};
type Decimal = typeof D;
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace Decimal {
  type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
}

const numberMethods: Record<string, MethodFn> = {
  intvalue: (_ix, n: Num) => int(Math.trunc(toJsNumber(n))),
  longvalue: (_ix, n: Num) => long(n instanceof LongV ? n.v : BigInt(toDecimal(n).trunc().toFixed(0))),
  doublevalue: (_ix, n: Num) => dbl(toJsNumber(n)),
  decimalvalue: (_ix, n: Num) => dec(toDecimal(n)),
  format: (_ix, n: Num) => {
    const s = formatValue(n);
    const [i, f] = s.split('.');
    const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return f && !(n instanceof DoubleV && f === '0') ? `${grouped}.${f}` : grouped;
  },
  tostring: (_ix, n: Num) => formatValue(n),
  equals: (ix, n: Num, [o]) => ix.equals(n, o),
  hashcode: (_ix, n: Num) => int(Math.trunc(toJsNumber(n))),
};

const decimalMethods: Record<string, MethodFn> = {
  ...numberMethods,
  setscale: (ix, n: DecimalV, [s, mode]) => {
    const rm = mode ? ROUNDING[(mode as EnumV).name.toLowerCase()] : D.ROUND_HALF_UP;
    const scale = intArg(ix, s);
    return dec(new D(n.v.toFixed(scale, rm)), scale);
  },
  scale: (_ix, n: DecimalV) => int(n.scale),
  precision: (_ix, n: DecimalV) => int(n.v.precision(true)),
  abs: (_ix, n: DecimalV) => dec(n.v.abs()),
  round: (_ix, n: DecimalV, [mode]) =>
    long(
      BigInt(
        n.v.toDecimalPlaces(0, mode ? ROUNDING[(mode as EnumV).name.toLowerCase()] : D.ROUND_HALF_EVEN).toFixed(0),
      ),
    ),
  striptrailingzeros: (_ix, n: DecimalV) => dec(new D(n.v.toString())),
  toplainstring: (_ix, n: DecimalV) => n.v.toFixed(n.scale),
  divide: (ix, n: DecimalV, [d, scale, mode]) => {
    const y = toDecimal(d as Num);
    if (y.isZero()) ix.fail('System.MathException', 'Divide by 0');
    const rm = mode ? ROUNDING[(mode as EnumV).name.toLowerCase()] : D.ROUND_HALF_UP;
    return dec(new D(n.v.dividedBy(y).toFixed(intArg(ix, scale), rm)), intArg(ix, scale));
  },
  pow: (ix, n: DecimalV, [e]) => dec(n.v.pow(intArg(ix, e))),
};

const doubleMethods: Record<string, MethodFn> = {
  ...numberMethods,
  round: (_ix, n: DoubleV) => long(BigInt(Math.round(n.v))),
};

const numberStatics = (kind: 'Integer' | 'Long' | 'Decimal' | 'Double'): Record<string, StaticFn> => ({
  valueof: (ix, [v]) => {
    if (v === null) return null;
    if (kind === 'Integer') return parseInteger(ix, v);
    if (kind === 'Decimal') return parseDecimal(ix, v);
    if (kind === 'Long') {
      if (isNumber(v)) return long(BigInt(toDecimal(v).trunc().toFixed(0)));
      const s = str(ix, v).trim();
      if (!/^[+-]?\d+$/.test(s)) return ix.fail('System.TypeException', `Invalid long: ${s}`);
      return long(BigInt(s));
    }
    if (isNumber(v)) return dbl(toJsNumber(v));
    const n = Number(str(ix, v).trim());
    if (Number.isNaN(n)) return ix.fail('System.TypeException', `Invalid double: ${str(ix, v)}`);
    return dbl(n);
  },
});

const mathFns: Record<string, StaticFn> = {
  abs: (ix, [v]) => unary(ix, v, Math.abs, (d) => d.abs()),
  max: (ix, [a, b]) => (compareNums(ix, a, b) >= 0 ? a : b),
  min: (ix, [a, b]) => (compareNums(ix, a, b) <= 0 ? a : b),
  mod: (ix, [a, b]) => {
    if (a instanceof LongV || b instanceof LongV) {
      const y = BigInt(toJsNumber(b as Num));
      if (y === 0n) ix.fail('System.MathException', 'Divide by 0');
      return long(BigInt(toJsNumber(a as Num)) % y);
    }
    const y = intArg(ix, b);
    if (y === 0) ix.fail('System.MathException', 'Divide by 0');
    return int(intArg(ix, a) % y);
  },
  floor: (ix, [v]) => (v instanceof DecimalV ? dec(v.v.floor()) : dbl(Math.floor(num(ix, v)))),
  ceil: (ix, [v]) => (v instanceof DecimalV ? dec(v.v.ceil()) : dbl(Math.ceil(num(ix, v)))),
  round: (ix, [v]) =>
    v instanceof DecimalV ? int(v.v.toDecimalPlaces(0, D.ROUND_HALF_EVEN).toNumber()) : int(Math.round(num(ix, v))),
  roundtolong: (ix, [v]) => long(BigInt(Math.round(num(ix, v)))),
  pow: (ix, [a, b]) => dbl(Math.pow(num(ix, a), num(ix, b))),
  sqrt: (ix, [v]) => dbl(Math.sqrt(num(ix, v))),
  random: () => dbl(Math.random()),
  exp: (ix, [v]) => dbl(Math.exp(num(ix, v))),
  log: (ix, [v]) => dbl(Math.log(num(ix, v))),
  log10: (ix, [v]) => dbl(Math.log10(num(ix, v))),
  signum: (ix, [v]) => dbl(Math.sign(num(ix, v))),
};

function unary(
  ix: ExecutionContext,
  v: Value,
  f: (n: number) => number,
  fd: (d: InstanceType<typeof D>) => InstanceType<typeof D>,
): Value {
  if (v instanceof IntV) return int(f(v.v));
  if (v instanceof LongV) return long(v.v < 0n ? -v.v : v.v);
  if (v instanceof DecimalV) return dec(fd(v.v));
  return dbl(f(num(ix, v)));
}

function compareNums(ix: ExecutionContext, a: Value, b: Value): number {
  if (!isNumber(a) || !isNumber(b)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  return toDecimal(a).comparedTo(toDecimal(b));
}

const booleanMethods: Record<string, MethodFn> = {
  equals: (_ix, b: boolean, [o]) => b === o,
  hashcode: (_ix, b: boolean) => int(b ? 1231 : 1237),
  tostring: (_ix, b: boolean) => String(b),
};

export function installNumbers(lib: Stdlib): void {
  lib.addValueMethods('Integer', numberMethods);
  lib.addValueMethods('Long', numberMethods);
  lib.addValueMethods('Decimal', decimalMethods);
  lib.addValueMethods('Double', doubleMethods);
  lib.addValueMethods('Boolean', booleanMethods);
  lib.register(
    { name: 'Integer', statics: numberStatics('Integer') },
    { name: 'Long', statics: numberStatics('Long') },
    { name: 'Decimal', statics: numberStatics('Decimal') },
    { name: 'Double', statics: numberStatics('Double') },
    {
      name: 'Boolean',
      statics: {
        valueof: (_ix, [v]) =>
          v === null ? null : typeof v === 'boolean' ? v : String(formatValue(v)).toLowerCase() === 'true',
      },
    },
    { name: 'Math', statics: mathFns },
  );
}
