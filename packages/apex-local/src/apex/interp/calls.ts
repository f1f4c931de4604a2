/**
 * Calls and dispatch: unqualified, `super.`, static (user classes, enums, standard-library types, SObject types)
 * and instance calls (user objects by virtual dispatch, exceptions, built-in values through the standard library's
 * method tables), overload hints from static types, and `new` (classes, collections, SObjects, native types).
 */
import type { Expr } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import {
  BlobV,
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
  T,
  TimeV,
  TypeV,
  int,
  typeNameOf,
  type TypeDesc,
  type Value,
} from '../values.ts';
import { OrgError } from '../../org/api.ts';
import { exceptionTypeName, formatValue } from './format.ts';
import { isStaticRef, type Frame, type StaticRef } from './frames.ts';
import type { Interpreter } from './interpreter.ts';

/** Parameter types of the built-in interfaces' methods (Apex Reference Guide). */
const BUILTIN_METHOD_PARAMS: Record<string, string> = {
  'queueable.execute': 'QueueableContext',
  'finalizer.execute': 'FinalizerContext',
  'schedulable.execute': 'SchedulableContext',
};

export class Calls {
  constructor(private readonly ix: Interpreter) {}

  /** Static types of argument expressions where they are evident (casts, typed locals, `new`, literals). */
  argHints(args: Expr[], frame: Frame): (TypeDesc | null)[] {
    return args.map((a) => {
      if (a.k === 'cast') return this.ix.types.resolveType(a.type, frame.cls);
      if (a.k === 'name') return frame.scope.lookup(a.name.toLowerCase())?.t ?? null;
      if (a.k === 'new') return this.ix.types.tryResolveType(a.type, frame.cls);
      return null;
    });
  }

  /**
   * The parameter types of the method as declared on the receiver's static type (an interface or base class),
   * so `Queueable job; job.execute(null)` binds to Queueable.execute(QueueableContext) like the compiler does.
   */
  private receiverHints(obj: Expr, ln: string, arity: number, frame: Frame): (TypeDesc | null)[] | undefined {
    if (obj.k !== 'name' && obj.k !== 'cast') return undefined;
    const t =
      obj.k === 'cast' ? this.ix.types.resolveType(obj.type, frame.cls) : frame.scope.lookup(obj.name.toLowerCase())?.t;
    if (!t) return undefined;
    if (t.kind === 'native') {
      const ctx = BUILTIN_METHOD_PARAMS[`${t.name.toLowerCase()}.${ln}`];
      return ctx && arity === 1 ? [{ name: ctx, args: [], kind: 'native' }] : undefined;
    }
    if (!t.cls) return undefined;
    const ms = t.cls.methods.get(ln)?.filter((m) => m.params.length === arity);
    if (ms?.length !== 1) return undefined;
    return ms[0].params.map((p) => this.ix.types.tryResolveType(p.type, t.cls!));
  }

  /** Call an instance method on a user object by name (used by the stdlib for mocks, Comparable, Queueable…). */
  callMethod(obj: ObjectV, name: string, args: Value[]): Value {
    const found = this.ix.classes.findMethod(obj.cls, name.toLowerCase(), args, false);
    if (!found) this.ix.unsupported(`method ${obj.cls.name}.${name}`);
    return this.ix.classes.invoke(found.owner, found.m, obj, args);
  }

  callStatic(cls: ClassInfo, name: string, args: Value[]): Value {
    const found = this.ix.classes.findMethod(cls, name.toLowerCase(), args, true);
    if (!found) this.ix.compileError(`Method does not exist: ${cls.name}.${name}`);
    return this.ix.classes.invoke(found.owner, found.m, null, args);
  }

  evalCall(e: Extract<Expr, { k: 'call' }>, frame: Frame): Value {
    const ln = e.name.toLowerCase();
    const ex = this.ix.expressions;
    const classes = this.ix.classes;
    if (e.obj === null) {
      const args = e.args.map((a) => ex.eval(a, frame));
      const hints = args.includes(null) ? this.argHints(e.args, frame) : undefined;
      if (frame.self) {
        const m = classes.findMethod(frame.self.cls, ln, args, null, hints);
        if (m) return classes.invoke(m.owner, m.m, m.m.mods.includes('static') ? null : frame.self, args);
      }
      for (let o: ClassInfo | null = frame.cls; o; o = o.outer) {
        const m = classes.findMethod(o, ln, args, o === frame.cls && frame.self ? null : true, hints);
        if (m) {
          if (!m.m.mods.includes('static') && !frame.self)
            this.ix.compileError(`Non static method cannot be referenced from a static context: ${e.name}`, e.line);
          return classes.invoke(m.owner, m.m, m.m.mods.includes('static') ? null : frame.self, args);
        }
      }
      return this.ix.compileError(
        `Method does not exist or incorrect signature: ${e.name}(${args.map(typeNameOf).join(', ')})`,
        e.line,
      );
    }
    if (e.obj.k === 'super') {
      const args = e.args.map((a) => ex.eval(a, frame));
      const sup = frame.cls.superclass;
      if (!sup || !frame.self) return this.ix.compileError('super used outside a subclass instance', e.line);
      const m = classes.findMethod(sup, ln, args, false);
      if (m) return classes.invoke(m.owner, m.m, frame.self, args);
      if (sup.isException || sup.builtin) return this.exceptionMethod(frame.self, ln, args, e.line);
      return this.ix.compileError(`Method does not exist: super.${e.name}`, e.line);
    }
    const target = ex.evalTarget(e.obj, frame);
    const args = e.args.map((a) => ex.eval(a, frame));
    frame.line = e.line;
    const hints = args.includes(null)
      ? (this.receiverHints(e.obj, ln, args.length, frame) ?? this.argHints(e.args, frame))
      : undefined;
    if (isStaticRef(target)) return this.callStaticRef(target, e.name, args, e.line, hints);
    if (target === null) {
      if (e.safe) return null;
      return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    }
    return this.callInstance(target, e.name, args, e.line, hints);
  }

  private callStaticRef(ref: StaticRef, name: string, args: Value[], line: number, hints?: (TypeDesc | null)[]): Value {
    const ln = name.toLowerCase();
    switch (ref.ref) {
      case 'class': {
        const cls = ref.cls;
        if (cls.kind === 'enum') {
          if (ln === 'values')
            return new ListV({ name: cls.name, args: [], kind: 'class', cls }, [...this.ix.classes.enumValues(cls)]);
          if (ln === 'valueof') {
            const s = args[0];
            return (
              this.ix.classes.enumValues(cls).find((v) => v.name === s) ??
              this.ix.fail('System.NoSuchElementException', `No enum constant ${cls.name}.${String(s)}`)
            );
          }
        }
        const m = this.ix.classes.findMethod(cls, ln, args, true, hints);
        if (m) return this.ix.classes.invoke(m.owner, m.m, null, args);
        return this.ix.compileError(`Method does not exist or incorrect signature: ${cls.name}.${name}`, line);
      }
      case 'native': {
        const fn = ref.type.statics?.[ln];
        if (!fn) return this.ix.unsupported(`${ref.type.name}.${name}()`, line);
        return this.wrapOrg(() => fn(this.ix, args));
      }
      case 'sobject':
        return this.ix.sobjects.staticCall(ref.name, name, args, line);
      case 'ns':
        return this.ix.unsupported(`${ref.name}.${name}()`, line);
    }
  }

  /** Run stdlib code that may call the org, mapping OrgError to Apex exceptions. */
  private wrapOrg<X>(fn: () => X): X {
    try {
      return fn();
    } catch (e) {
      if (e instanceof OrgError) this.ix.fromOrgError(e);
      throw e;
    }
  }

  callInstance(target: Value, name: string, args: Value[], line: number, hints?: (TypeDesc | null)[]): Value {
    const ln = name.toLowerCase();
    if (target instanceof ObjectV) {
      const m = this.ix.classes.findMethod(target.cls, ln, args, false, hints);
      if (m) return this.ix.classes.invoke(m.owner, m.m, target, args);
      if (target.cls.isException) return this.exceptionMethod(target, ln, args, line);
      return this.objectMethod(target, ln, args, line);
    }
    const lib = this.ix.stdlib;
    const kind = this.valueKind(target);
    const fn = lib.valueMethods[kind]?.[ln] ?? (kind === 'Id' ? lib.valueMethods.String?.[ln] : undefined);
    if (fn) return this.wrapOrg(() => fn(this.ix, target, args));
    if (target instanceof NativeV) {
      const m = lib.type(target.typeName.toLowerCase())?.methods?.[ln];
      if (m) return this.wrapOrg(() => m(this.ix, target, args));
    }
    const common = lib.valueMethods.Object?.[ln];
    if (common) return common(this.ix, target, args);
    return this.ix.unsupported(`method ${kind}.${name}()`, line);
  }

  /** The kind whose instance methods a value has (the standard library's value-method tables are keyed by it). */
  valueKind(v: Value): string {
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    if (v instanceof IntV) return 'Integer';
    if (v instanceof LongV) return 'Long';
    if (v instanceof DecimalV) return 'Decimal';
    if (v instanceof DoubleV) return 'Double';
    if (v instanceof DateV) return 'Date';
    if (v instanceof DatetimeV) return 'Datetime';
    if (v instanceof TimeV) return 'Time';
    if (v instanceof BlobV) return 'Blob';
    if (v instanceof ListV) return 'List';
    if (v instanceof SetV) return 'Set';
    if (v instanceof MapV) return 'Map';
    if (v instanceof SObjectV) return 'SObject';
    if (v instanceof EnumV) return 'Enum';
    if (v instanceof TypeV) return 'Type';
    if (v instanceof NativeV) return v.typeName;
    return 'Object';
  }

  /** Methods every exception has (Apex Reference Guide, "Exception Class"). */
  private exceptionMethod(ex: ObjectV, ln: string, args: Value[], line: number): Value {
    switch (ln) {
      case 'getmessage':
        return (ex.fields.get('$message') as Value) ?? null;
      case 'setmessage':
        ex.fields.set('$message', args[0]);
        return null;
      case 'gettypename':
        return exceptionTypeName(ex);
      case 'getlinenumber':
        return (ex.fields.get('$line') as Value) ?? int(-1);
      case 'getstacktracestring':
        return (ex.fields.get('$stack') as Value) ?? '';
      case 'getcause':
        return (ex.fields.get('$cause') as Value) ?? null;
      case 'initcause':
        ex.fields.set('$cause', args[0]);
        return null;
      case 'getdmlstatuscode':
      case 'getdmlmessage':
      case 'getnumdml':
      case 'getdmlfieldnames':
      case 'getdmlid':
      case 'getdmlindex':
      case 'getdmltype':
        return this.ix.sobjects.dmlExceptionMethod(ex, ln, args, line);
      default:
        return this.objectMethod(ex, ln, args, line);
    }
  }

  private objectMethod(obj: ObjectV, ln: string, args: Value[], line: number): Value {
    switch (ln) {
      case 'equals':
        return obj === args[0];
      case 'hashcode':
        return int(0);
      case 'tostring':
        return formatValue(obj);
    }
    return this.ix.compileError(`Method does not exist or incorrect signature: ${obj.cls.name}.${ln}`, line);
  }

  // ---- new
  evalNew(e: Extract<Expr, { k: 'new' }>, frame: Frame): Value {
    const ln = e.type.name.toLowerCase().replace(/^system\./, '');
    const ex = this.ix.expressions;
    if (ln === 'list' || ln === 'set' || ln === 'map') {
      const t = this.ix.types.resolveType(e.type, frame.cls);
      return this.newCollection(t, e, frame);
    }
    const t = this.ix.types.resolveType(e.type, frame.cls);
    if (t.kind === 'class' || t.kind === 'exception') {
      const args = e.args.map((a) => ex.eval(a, frame));
      return this.ix.classes.instantiate(
        t.cls!,
        args,
        e.line,
        args.includes(null) ? this.argHints(e.args, frame) : undefined,
      );
    }
    if (t.kind === 'sobject') {
      const so = this.ix.sobjects.create(t.name);
      for (const fi of e.fieldInits ?? []) this.ix.sobjects.put(so, fi.name, ex.eval(fi.value, frame));
      if (e.args.length) this.ix.unsupported(`new ${t.name}(…) with positional arguments`, e.line);
      return so;
    }
    if (t.kind === 'native') {
      const nt = this.ix.stdlib.type(t.name.toLowerCase())!;
      if (!nt.construct) return this.ix.unsupported(`new ${t.name}()`, e.line);
      const args = e.args.map((a) => ex.eval(a, frame));
      return this.wrapOrg(() => nt.construct!(this.ix, args));
    }
    return this.ix.unsupported(`new ${e.type.name}`, e.line);
  }

  private newCollection(t: TypeDesc, e: Extract<Expr, { k: 'new' }>, frame: Frame): Value {
    const ex = this.ix.expressions;
    const coerce = (v: Value, to: TypeDesc) => this.ix.types.coerce(v, to);
    if (t.kind === 'list') {
      const l = new ListV(t.args[0] ?? T.object);
      if (e.arraySize) {
        const n = ex.eval(e.arraySize, frame);
        if (!(n instanceof IntV))
          return this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        for (let i = 0; i < n.v; i++) l.items.push(null);
      }
      for (const x of e.listInit ?? []) l.items.push(coerce(ex.eval(x, frame), l.elem));
      if (e.args.length === 1) {
        const src = ex.eval(e.args[0], frame);
        if (src instanceof ListV) l.items.push(...src.items.map((x) => coerce(x, l.elem)));
        else if (src instanceof SetV) l.items.push(...src.values().map((x) => coerce(x, l.elem)));
        else if (src === null) this.ix.fail('System.NullPointerException', 'Argument cannot be null.');
        // the List constructors take a List or a Set (Apex Reference Guide, "List Constructors"): there is no
        // List<T>(Integer size); `new T[n]` is the sized form
        else this.badCollectionArgs(t, e);
      } else if (e.args.length > 1) this.badCollectionArgs(t, e);
      return l;
    }
    if (t.kind === 'set') {
      const s = new SetV(t.args[0] ?? T.object);
      for (const x of e.listInit ?? []) s.add(coerce(ex.eval(x, frame), s.elem));
      if (e.args.length === 1) {
        const src = ex.eval(e.args[0], frame);
        if (src instanceof ListV) for (const x of src.items) s.add(coerce(x, s.elem));
        else if (src instanceof SetV) for (const x of src.values()) s.add(coerce(x, s.elem));
        else if (src === null) this.ix.fail('System.NullPointerException', 'Argument cannot be null.');
        else this.badCollectionArgs(t, e);
      } else if (e.args.length > 1) this.badCollectionArgs(t, e);
      return s;
    }
    const m = new MapV(t.args[0] ?? T.object, t.args[1] ?? T.object);
    for (const [k, v] of e.mapInit ?? []) m.put(coerce(ex.eval(k, frame), m.key), coerce(ex.eval(v, frame), m.val));
    if (e.args.length === 1) {
      const src = ex.eval(e.args[0], frame);
      if (src instanceof MapV) for (const [k, v] of src.map.values()) m.put(k, v);
      else if (src instanceof ListV) {
        // Map<Id, SObject>(List<SObject>) keys the records by Id (Apex Reference Guide, Map constructors)
        src.items.forEach((r, i) => {
          if (!(r instanceof SObjectV)) return this.badCollectionArgs(t, e);
          const id = this.ix.sobjects.get(r, 'Id');
          // a record without an Id cannot be keyed: the platform throws "Row with null Id at index: n"
          if (id === null) this.ix.fail('System.ListException', `Row with null Id at index: ${i}`);
          m.put(id, r);
        });
      } else if (src === null) this.ix.fail('System.NullPointerException', 'Argument cannot be null.');
      else this.badCollectionArgs(t, e);
    } else if (e.args.length > 1) this.badCollectionArgs(t, e);
    return m;
  }

  /** A collection constructor Apex does not have (`new List<Integer>(3)`, `new Map<K, V>('x')`). */
  private badCollectionArgs(t: TypeDesc, e: Extract<Expr, { k: 'new' }>): never {
    return this.ix.compileError(
      `Constructor not defined: [${t.name}<${t.args.map((a) => a.name).join(',')}>].<Constructor>(` +
        `${e.args.length} argument${e.args.length === 1 ? '' : 's'} of another type)`,
      e.line,
    );
  }
}
