/**
 * Expressions: literals, names (locals, members, statics, then types and namespaces), field access, operators,
 * casts and type tests, assignment, inline SOQL. Calls and `new` are dispatched to calls.ts.
 */
import type { Expr } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import { unresolvedCode } from '../binder/fence.ts';
import { NAMESPACES } from '../binder/registry.ts';
import {
  DateV,
  DatetimeV,
  DecimalV,
  DoubleV,
  IntV,
  ListV,
  LongV,
  NativeV,
  ObjectV,
  SObjectV,
  T,
  TypeV,
  dbl,
  dec,
  int,
  isNumber,
  long,
  typeNameOf,
  type Value,
} from '../values.ts';
import { ApexCompileError } from './errors.ts';
import { formatValue } from './format.ts';
import { isStaticRef, type Frame, type StaticRef } from './frames.ts';
import type { Interpreter } from './interpreter.ts';
import { CPU_US } from './cpu.ts';
import { arith, bitwise, compare, looseEquals } from './operators.ts';
import { to18 } from './sobjects.ts';

export class Expressions {
  constructor(private readonly ix: Interpreter) {}

  /** The value of an expression; a bare type or namespace name is not a value. */
  eval(e: Expr, frame: Frame): Value {
    const v = this.evalTarget(e, frame);
    if (isStaticRef(v)) return this.ix.compileError(`Variable does not exist: ${this.exprText(e)}`, e.line);
    return v;
  }

  /** A Boolean condition; null is a NullPointerException. */
  cond(e: Expr, frame: Frame): boolean {
    const v = this.eval(e, frame);
    if (v === true) return true;
    if (v === false) return false;
    if (v === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    return this.ix.compileError('Condition must be Boolean', e.line);
  }

  private exprText(e: Expr): string {
    if (e.k === 'name') return e.name;
    if (e.k === 'dot') return `${this.exprText(e.obj)}.${e.name}`;
    return e.k;
  }

  /** A value, or a type / namespace when the expression is the left side of a dot. */
  evalTarget(e: Expr, frame: Frame): Value | StaticRef {
    switch (e.k) {
      case 'lit':
        return this.literal(e.lit);
      case 'name':
        return this.evalName(e.name, frame, e.line);
      case 'this':
        if (!frame.self)
          this.ix.compileError('Non static method/variable cannot be referenced from a static context: this', e.line);
        return frame.self;
      case 'dot':
        return this.evalDot(e, frame);
      case 'call':
        frame.line = e.line;
        return this.ix.calls.evalCall(e, frame);
      case 'index': {
        const o = this.eval(e.obj, frame);
        const i = this.eval(e.idx, frame);
        if (o === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (o instanceof ListV) return this.listIndex(o, i);
        return this.ix.compileError('Expression must be a list type', e.line);
      }
      case 'new':
        frame.line = e.line;
        return this.ix.calls.evalNew(e, frame);
      case 'cast': {
        const t = this.ix.types.resolveType(e.type, frame.cls);
        const v = this.eval(e.e, frame);
        return this.ix.types.cast(v, t);
      }
      case 'instanceof': {
        const v = this.eval(e.e, frame);
        return this.ix.types.isInstance(v, this.ix.types.resolveType(e.type, frame.cls));
      }
      case 'unary': {
        const v = this.eval(e.e, frame);
        if (v === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (e.op === '!') return !v;
        if (e.op === '+') return v;
        if (e.op === '~') return bitwise('^', v, v instanceof LongV ? long(-1n) : int(-1), this.ix.fail);
        if (v instanceof IntV) return int(-v.v);
        if (v instanceof LongV) return long(-v.v);
        if (v instanceof DecimalV) return dec(v.v.negated());
        if (v instanceof DoubleV) return dbl(-v.v);
        return this.ix.compileError('Unary minus needs a number', e.line);
      }
      case 'incdec': {
        const old = this.eval(e.target, frame);
        const nv = arith(e.op === '++' ? '+' : '-', old, int(1), this.ix.fail);
        this.assign(e.target, nv, frame);
        return e.prefix ? nv : old;
      }
      case 'bin':
        return this.evalBinary(e, frame);
      case 'cond':
        return this.cond(e.c, frame) ? this.eval(e.a, frame) : this.eval(e.b, frame);
      case 'assign': {
        let v = this.eval(e.value, frame);
        if (e.op !== '=') {
          const op = e.op.slice(0, -1);
          const cur = this.eval(e.target, frame);
          v = ['+', '-', '*', '/'].includes(op) ? arith(op, cur, v, this.ix.fail) : bitwise(op, cur, v, this.ix.fail);
          // a String built by += copies every character (cpu.ts)
          if (typeof v === 'string') this.ix.chargeCpu(v.length * CPU_US.stringChar);
        }
        return this.assign(e.target, v, frame);
      }
      case 'soql':
        frame.line = e.line;
        return this.ix.sobjects.inlineQuery(e, (b) => this.eval(b, frame));
      case 'typelit':
        return new TypeV(this.ix.types.resolveType(e.type, frame.cls));
      case 'super':
        return this.ix.compileError('super must be followed by a method call', e.line);
      case 'ctorcall':
        return this.ix.compileError('Constructor calls must be the first statement of a constructor', e.line);
      case 'unsupported':
        return this.ix.unsupported(e.what, e.line);
    }
  }

  private literal(l: Extract<Expr, { k: 'lit' }>['lit']): Value {
    switch (l.t) {
      case 'null':
        return null;
      case 'bool':
        return l.v;
      case 'int':
        return int(l.v);
      case 'long':
        return long(BigInt(l.v));
      case 'decimal':
        return dec(l.v);
      case 'double':
        return dbl(l.v);
      case 'string':
        return l.v;
    }
  }

  private listIndex(o: ListV, i: Value): Value {
    if (!(i instanceof IntV))
      return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    if (i.v < 0 || i.v >= o.items.length) this.ix.fail('System.ListException', `List index out of bounds: ${i.v}`);
    return o.items[i.v];
  }

  private staticallyString(e: Expr, frame: Frame): boolean {
    const t = this.ix.calls.argHints([e], frame)[0];
    return !!t && t.kind === 'prim' && (t.name === 'String' || t.name === 'Id');
  }

  private evalBinary(e: Extract<Expr, { k: 'bin' }>, frame: Frame): Value {
    const op = e.op;
    const fail = this.ix.fail;
    if (op === '&&' || op === '||') {
      const l = this.eval(e.l, frame);
      if (l === null) fail('System.NullPointerException', 'Attempt to de-reference a null object');
      if (op === '&&' ? !l : l) return l;
      const r = this.eval(e.r, frame);
      if (r === null) fail('System.NullPointerException', 'Attempt to de-reference a null object');
      return r;
    }
    if (op === '??') {
      const l = this.eval(e.l, frame);
      return l !== null ? l : this.eval(e.r, frame);
    }
    const l = this.eval(e.l, frame);
    const r = this.eval(e.r, frame);
    switch (op) {
      case '+':
        // a null String operand still concatenates: the static type decides (`String s; s + 1` is 'null1')
        if (
          (l === null && r !== null && typeof r !== 'string' && this.staticallyString(e.l, frame)) ||
          (r === null && l !== null && typeof l !== 'string' && this.staticallyString(e.r, frame))
        )
          return formatValue(l) + formatValue(r);
        if (l === null && r === null && (this.staticallyString(e.l, frame) || this.staticallyString(e.r, frame)))
          return 'nullnull';
        if (typeof l === 'string' || typeof r === 'string') {
          const joined = arith(op, l, r, fail) as string;
          // concatenation copies every character (cpu.ts)
          this.ix.chargeCpu(joined.length * CPU_US.stringChar);
          return joined;
        }
        return arith(op, l, r, fail);
      case '-':
      case '*':
      case '/':
        return arith(op, l, r, fail);
      case '==':
        return this.equals(l, r);
      case '!=':
      case '<>':
        return !this.equals(l, r);
      case '===':
        return this.identical(l, r);
      case '!==':
        return !this.identical(l, r);
      case '<':
      case '>':
      case '<=':
      case '>=':
        return compare(op, l, r, fail);
      default:
        return bitwise(op, l, r, fail);
    }
  }

  /** Apex `==`: Strings ignore case, Ids compare across their 15/18-character forms, objects use their equals(). */
  equals(a: Value, b: Value): boolean {
    // an Id compared with its other-length form (15 vs 18 characters) is the same Id
    if (
      typeof a === 'string' &&
      typeof b === 'string' &&
      a.length !== b.length &&
      a.length + b.length === 33 &&
      this.ix.sobjects.isId(a) &&
      this.ix.sobjects.isId(b)
    )
      return to18(a) === to18(b);
    return looseEquals(a, b, (x, y) => {
      const m = this.ix.classes.findMethod(x.cls, 'equals', [y], false);
      if (m) return this.ix.classes.invoke(m.owner, m.m, x, [y]) === true;
      return x === y;
    });
  }

  private identical(a: Value, b: Value): boolean {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string' || typeof a === 'boolean' || isNumber(a) || a instanceof DateV || a instanceof DatetimeV)
      return looseEquals(a, b);
    return a === b;
  }

  // ---- names, fields, properties
  private evalName(name: string, frame: Frame, line: number): Value | StaticRef {
    const ln = name.toLowerCase();
    const local = frame.scope.lookup(ln);
    if (local) return local.v;
    const classes = this.ix.classes;
    if (frame.self) {
      const mem = classes.members(frame.self.cls).get(ln);
      if (mem) return classes.getMember(frame.self, ln, mem);
    }
    const st = classes.findStatic(frame.cls, ln);
    if (st) return classes.getStatic(st.cls, ln, st.prop);
    return this.resolveStaticRef(name, frame.cls, line);
  }

  private resolveStaticRef(name: string, from: ClassInfo | null, line: number): StaticRef {
    const ln = name.toLowerCase();
    const cls = this.ix.registry.resolve(name, from);
    if (cls) return { ref: 'class', cls };
    const nt = this.ix.stdlib.type(ln);
    if (nt) return { ref: 'native', type: nt };
    const od = this.ix.org.describe(name);
    if (od) return { ref: 'sobject', name: od.name };
    if (NAMESPACES.has(ln)) return { ref: 'ns', name: ln };
    // the fence's rule (binder/fence.ts): a platform name the runtime lacks is LOCAL_UNSUPPORTED, not a compile error
    if (unresolvedCode(name) === 'LOCAL_UNSUPPORTED')
      return this.ix.unsupported(`${name} (platform API not implemented locally)`, line);
    return this.ix.compileError(`Variable does not exist: ${name}`, line);
  }

  private evalDot(e: Extract<Expr, { k: 'dot' }>, frame: Frame): Value | StaticRef {
    const obj = this.evalTarget(e.obj, frame);
    if (isStaticRef(obj)) return this.staticDot(obj, e.name, e.line);
    if (obj === null) {
      if (e.safe) return null;
      return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    return this.getField(obj, e.name, e.line);
  }

  getField(obj: Value, name: string, line: number): Value {
    const ln = name.toLowerCase();
    if (obj instanceof ObjectV) {
      const mem = this.ix.classes.members(obj.cls).get(ln);
      if (mem) return this.ix.classes.getMember(obj, ln, mem);
      return this.ix.compileError(`Variable does not exist: ${name}`, line);
    }
    if (obj instanceof SObjectV) return this.ix.sobjects.get(obj, name);
    // `[SELECT Id FROM X WHERE …].Id`: a SOQL result used as a single row
    if (obj instanceof ListV && obj.soql)
      return this.ix.sobjects.get(this.ix.types.coerce(obj, T.sobject) as SObjectV, name);
    if (obj instanceof NativeV) {
      const nt = this.ix.stdlib.type(obj.typeName.toLowerCase());
      const p = nt?.props?.[ln];
      if (p) return p.get(this.ix, obj, []);
      if (nt?.methods?.['$getprop']) return nt.methods['$getprop'](this.ix, obj, [name]);
    }
    return this.ix.unsupported(`field ${name} on ${typeNameOf(obj)}`, line);
  }

  private staticDot(ref: StaticRef, name: string, line: number): Value | StaticRef {
    const ln = name.toLowerCase();
    switch (ref.ref) {
      case 'class': {
        const cls = ref.cls;
        if (cls.kind === 'enum') {
          const ev = this.ix.classes.enumValues(cls).find((v) => v.name.toLowerCase() === ln);
          if (ev) return ev;
        }
        const inner = cls.inner.get(ln);
        if (inner) return { ref: 'class', cls: inner };
        const st = this.ix.classes.findStatic(cls, ln);
        if (st) return this.ix.classes.getStatic(st.cls, ln, st.prop);
        return this.ix.compileError(`Variable does not exist: ${cls.name}.${name}`, line);
      }
      case 'native': {
        const t = ref.type;
        const sp = t.staticProps?.[ln];
        if (sp) return sp(this.ix);
        const nested = this.ix.stdlib.type(`${t.name.toLowerCase()}.${ln}`);
        if (nested) return { ref: 'native', type: nested };
        const sg = t.staticGet?.(this.ix, name);
        if (sg !== undefined) return sg;
        return this.ix.unsupported(`${t.name}.${name}`, line);
      }
      case 'sobject':
        return this.ix.sobjects.staticMember(ref.name, name, line);
      case 'ns': {
        const full = `${ref.name}.${ln}`;
        const nt = this.ix.stdlib.type(full);
        if (nt) return { ref: 'native', type: nt };
        if (ref.name === 'system' || ref.name === 'schema') return this.resolveStaticRef(name, null, line);
        return this.ix.unsupported(`${ref.name}.${name}`, line);
      }
    }
  }

  // ---- assignment
  assign(target: Expr, v: Value, frame: Frame): Value {
    const classes = this.ix.classes;
    switch (target.k) {
      case 'name': {
        const ln = target.name.toLowerCase();
        const local = frame.scope.lookup(ln);
        if (local) {
          local.v = this.ix.types.coerce(v, local.t);
          return local.v;
        }
        if (frame.self) {
          const mem = classes.members(frame.self.cls).get(ln);
          if (mem) return classes.setMember(frame.self, ln, mem, v);
        }
        const st = classes.findStatic(frame.cls, ln);
        if (st) return classes.setStatic(st.cls, ln, st.prop, v);
        return this.ix.compileError(`Variable does not exist: ${target.name}`, target.line);
      }
      case 'dot': {
        const obj = this.evalTarget(target.obj, frame);
        const ln = target.name.toLowerCase();
        if (isStaticRef(obj)) {
          if (obj.ref === 'class') {
            const st = classes.findStatic(obj.cls, ln);
            if (st) return classes.setStatic(st.cls, ln, st.prop, v);
          }
          return this.ix.compileError(`Variable does not exist: ${target.name}`, target.line);
        }
        if (obj === null) return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (obj instanceof ObjectV) {
          const mem = classes.members(obj.cls).get(ln);
          if (mem) return classes.setMember(obj, ln, mem, v);
          return this.ix.compileError(`Variable does not exist: ${target.name}`, target.line);
        }
        if (obj instanceof SObjectV) return this.ix.sobjects.put(obj, target.name, v);
        if (obj instanceof NativeV) {
          const p = this.ix.stdlib.type(obj.typeName.toLowerCase())?.props?.[ln];
          if (p?.set) {
            p.set(this.ix, obj, v);
            return v;
          }
        }
        return this.ix.unsupported(`assignment to ${target.name} on ${typeNameOf(obj)}`, target.line);
      }
      case 'index': {
        const o = this.eval(target.obj, frame);
        const i = this.eval(target.idx, frame);
        if (o === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(o instanceof ListV)) return this.ix.compileError('Expression must be a list type', target.line);
        if (!(i instanceof IntV))
          return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (i.v < 0 || i.v >= o.items.length) this.ix.fail('System.ListException', `List index out of bounds: ${i.v}`);
        o.items[i.v] = this.ix.types.coerce(v, o.elem);
        return o.items[i.v];
      }
      default:
        return this.ix.compileError('Illegal assignment target', target.line);
    }
  }

  /** The value of a simple variable name as seen by the running code (dynamic SOQL binds). */
  bindVariable(name: string): Value {
    const frame = this.ix.stack[this.ix.stack.length - 1];
    try {
      return this.eval({ k: 'name', line: frame.line, name }, frame);
    } catch (e) {
      if (e instanceof ApexCompileError)
        return this.ix.fail('System.QueryException', `Variable does not exist: ${name}`);
      throw e;
    }
  }
}
