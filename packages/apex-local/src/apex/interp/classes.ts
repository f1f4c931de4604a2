/**
 * Classes at run time: static state per transaction (initialised once, on first use), enum constants, instance
 * creation with constructor chaining and field initialisers, overload selection, method invocation and
 * property accessors.
 */
import type { FieldDecl, MethodDecl, PropertyDecl, Stmt } from '../ast.ts';
import type { ClassInfo } from '../binder/classInfo.ts';
import {
  EnumV,
  IntV,
  ObjectV,
  isNumber,
  typeNameOf,
  type ObjectEquality,
  type TypeDesc,
  type Value,
} from '../values.ts';
import type { ClassContext } from './context.ts';
import type { Frame, Var } from './frames.ts';

function inSourceOrder(fields: FieldDecl[], blocks: Stmt[]): (FieldDecl | Stmt)[] {
  return [...fields, ...blocks].sort((a, b) => a.line - b.line);
}

type Member = { kind: 'field' | 'prop'; prop?: PropertyDecl; owner: ClassInfo };

export class ClassRuntime implements ObjectEquality {
  private overrides = new Map<ClassInfo, boolean>();
  private statics = new Map<ClassInfo, Map<string, Var>>();
  private staticInit = new Set<ClassInfo>();
  private enums = new Map<ClassInfo, EnumV[]>();
  private memberCache = new Map<ClassInfo, Map<string, Member>>();
  private overflowDepth = 0;

  constructor(private readonly ix: ClassContext) {}

  /** Static state lives for one transaction (Apex Developer Guide, "Static and Instance Methods, Variables, and Initialization Code"). */
  resetStatics(): void {
    this.overflowDepth = 0;
    this.statics = new Map();
    this.staticInit = new Set();
  }

  // ---- equality of user objects (Apex Developer Guide, "Using Custom Types in Map Keys and Sets")
  overridesEquality(a: ObjectV): boolean {
    let o = this.overrides.get(a.cls);
    if (o === undefined) {
      o = false;
      for (let k: ClassInfo | null = a.cls; k && !o; k = k.superclass)
        o = ['equals', 'hashcode'].some((n) => k!.methods.get(n)?.some((m) => !m.mods.includes('static') && m.body));
      this.overrides.set(a.cls, o);
    }
    return o;
  }

  userEquals(a: ObjectV, b: Value): boolean | undefined {
    const m = this.findMethod(a.cls, 'equals', [b], false);
    return m && m.m.params.length === 1 ? this.invoke(m.owner, m.m, a, [b]) === true : undefined;
  }

  userHashCode(a: ObjectV): number | undefined {
    const m = this.findMethod(a.cls, 'hashcode', [], false);
    if (!m || m.m.params.length) return undefined;
    const h = this.invoke(m.owner, m.m, a, []);
    return h instanceof IntV
      ? h.v
      : this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
  }

  *staticValues(): Iterable<Value> {
    for (const vars of this.statics.values()) for (const v of vars.values()) yield v.v;
  }

  ensureStaticInit(cls: ClassInfo): void {
    if (this.staticInit.has(cls) || !cls.decl) return;
    this.staticInit.add(cls);
    if (cls.superclass) this.ensureStaticInit(cls.superclass);
    const vars = this.staticVars(cls);
    const frame = this.ix.pushFrame(cls, null, '<clinit>', cls.decl.line);
    try {
      for (const p of cls.decl.props) {
        if (p.mods.includes('static')) vars.set(p.name.toLowerCase(), { v: null, t: this.ix.resolveType(p.type, cls) });
      }
      const fields = cls.decl.fields.filter((f) => f.mods.includes('static'));
      for (const f of fields) vars.set(f.name.toLowerCase(), { v: null, t: this.ix.resolveType(f.type, cls) });
      // static field initialisers and static blocks run in the order they are written
      for (const item of inSourceOrder(fields, cls.decl.staticInits)) {
        if ('k' in item) this.ix.exec(item, frame);
        else if (item.init) {
          frame.line = item.line;
          const v = vars.get(item.name.toLowerCase())!;
          v.v = this.ix.coerce(this.ix.eval(item.init, frame), v.t);
        }
      }
    } finally {
      this.ix.stack.pop();
    }
  }

  staticVars(cls: ClassInfo): Map<string, Var> {
    let m = this.statics.get(cls);
    if (!m) this.statics.set(cls, (m = new Map()));
    return m;
  }

  enumValues(cls: ClassInfo): EnumV[] {
    let vs = this.enums.get(cls);
    if (!vs) this.enums.set(cls, (vs = cls.decl!.enumValues.map((n, i) => new EnumV(cls.name, n, i))));
    return vs;
  }

  members(cls: ClassInfo) {
    let m = this.memberCache.get(cls);
    if (m) return m;
    m = new Map();
    const chain: ClassInfo[] = [];
    for (let k: ClassInfo | null = cls; k; k = k.superclass) chain.unshift(k);
    for (const k of chain) {
      for (const [n] of k.instanceFields) m.set(n, { kind: 'field', owner: k });
      for (const [n, p] of k.instanceProps) m.set(n, { kind: 'prop', prop: p, owner: k });
    }
    this.memberCache.set(cls, m);
    return m;
  }

  /** Choose the overload whose parameters fit the runtime argument types best. */
  selectOverload(cands: MethodDecl[], args: Value[], owner: ClassInfo, hints?: (TypeDesc | null)[]): MethodDecl | null {
    const fit = cands.filter((m) => m.params.length === args.length);
    if (fit.length <= 1) return fit[0] ?? null;
    let best: MethodDecl | null = null;
    let bestScore = -1;
    for (const m of fit) {
      let score = 0;
      let ok = true;
      m.params.forEach((p, i) => {
        const a = args[i];
        const t = this.ix.resolveType(p.type, owner);
        const hint = hints?.[i];
        if (a === null && hint) {
          // null argument: the static type of the expression (a cast, a typed variable) picks the overload
          if (this.ix.typeAssignable(hint, t))
            score += t.kind === 'object' ? 1 : hint.name.toLowerCase() === t.name.toLowerCase() ? 3 : 2;
          else ok = false;
        } else if (a === null) score += 1;
        else if (this.ix.isInstance(a, t)) score += t.kind === 'object' ? 1 : 3;
        else if (t.kind === 'prim' && isNumber(a) && ['Long', 'Decimal', 'Double'].includes(t.name)) score += 2;
        else if (t.kind === 'prim' && t.name === 'Id' && typeof a === 'string') score += 2;
        else ok = false;
      });
      if (ok && score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best ?? fit[0];
  }

  /** Find an instance method by virtual dispatch starting at `cls`. */
  findMethod(
    cls: ClassInfo,
    lname: string,
    args: Value[],
    wantStatic: boolean | null,
    hints?: (TypeDesc | null)[],
  ): { m: MethodDecl; owner: ClassInfo } | null {
    for (let k: ClassInfo | null = cls; k; k = k.superclass) {
      const cands = k.methods
        .get(lname)
        ?.filter((m) => (wantStatic === null ? true : m.mods.includes('static') === wantStatic) && m.body);
      if (cands && cands.length) {
        const m = this.selectOverload(cands, args, k, hints);
        if (m) return { m, owner: k };
      }
    }
    return null;
  }

  invoke(owner: ClassInfo, m: MethodDecl, self: ObjectV | null, args: Value[]): Value {
    if (!self) this.ensureStaticInit(owner);
    const frame = this.ix.pushFrame(owner, self, m.name, m.line);
    try {
      for (let i = 0; i < m.params.length; i++) {
        const t = this.ix.resolveType(m.params[i].type, owner);
        frame.scope.vars.set(m.params[i].name.toLowerCase(), { v: this.ix.coerce(args[i] ?? null, t), t });
      }
      const sig = m.body ? this.ix.exec(m.body, frame) : undefined;
      if (sig && sig.sig === 'return') return m.ret ? this.ix.coerce(sig.v, this.ix.resolveType(m.ret, owner)) : null;
      return null;
    } catch (e) {
      // deep recursion exhausts the JavaScript stack before Apex's 1,000 frames: report it as the platform's limit
      if (e instanceof RangeError && e.message.includes('call stack')) {
        // the first attempt may itself run out of stack; outer frames retry with the depth first seen
        this.overflowDepth = Math.max(this.overflowDepth, this.ix.stack.length + 1);
        this.ix.fail('System.LimitException', `Maximum stack depth reached: ${this.overflowDepth}`);
      }
      throw e;
    } finally {
      this.ix.stack.pop();
    }
  }

  instantiate(cls: ClassInfo, args: Value[], line: number, hints?: (TypeDesc | null)[]): ObjectV {
    if (cls.kind !== 'class') this.ix.compileError(`Type cannot be constructed: ${cls.name}`, line);
    if (cls.isAbstract) this.ix.compileError(`Abstract classes cannot be constructed: ${cls.name}`, line);
    this.ensureStaticInit(cls);
    const obj = new ObjectV(cls, this);
    this.construct(cls, obj, args, line, hints);
    if (cls.isException && !obj.fields.has('$line')) this.ix.stampException(obj);
    return obj;
  }

  construct(cls: ClassInfo, obj: ObjectV, args: Value[], line: number, hints?: (TypeDesc | null)[]): void {
    if (!cls.decl) {
      // built-in exception base: (), (String), (Exception), (String, Exception)
      if (cls.isException) this.initException(obj, args);
      return;
    }
    const ctor = cls.ctors.length ? this.selectOverload(cls.ctors, args, cls, hints) : null;
    if (cls.ctors.length && !ctor) {
      if (!(cls.isException && args.length <= 2))
        this.ix.compileError(
          `Constructor not defined: [${cls.name}].<Constructor>(${args.map(typeNameOf).join(', ')})`,
          line,
        );
    }
    const body = ctor?.body && ctor.body.k === 'block' ? ctor.body.body : [];
    const first = body[0];
    const explicit = first && first.k === 'expr' && first.e.k === 'ctorcall' ? first.e : null;
    const frame = this.ix.pushFrame(cls, obj, '<init>', ctor?.line ?? cls.decl.line);
    try {
      if (ctor) {
        for (let i = 0; i < ctor.params.length; i++) {
          const t = this.ix.resolveType(ctor.params[i].type, cls);
          frame.scope.vars.set(ctor.params[i].name.toLowerCase(), { v: this.ix.coerce(args[i] ?? null, t), t });
        }
      }
      if (explicit && explicit.which === 'this') {
        const a = explicit.args.map((x) => this.ix.eval(x, frame));
        this.ix.stack.pop();
        this.construct(cls, obj, a, explicit.line);
        this.ix.stack.push(frame);
      } else {
        if (cls.superclass) {
          const a = explicit ? explicit.args.map((x) => this.ix.eval(x, frame)) : !ctor && cls.isException ? args : [];
          this.construct(cls.superclass, obj, a, line);
        }
        this.initInstanceFields(cls, obj, frame);
      }
      for (let i = explicit ? 1 : 0; i < body.length; i++) {
        const sig = this.ix.exec(body[i], frame);
        if (sig) break;
      }
    } finally {
      this.ix.stack.pop();
    }
  }

  initException(obj: ObjectV, args: Value[]): void {
    let msg: Value = null;
    let cause: Value = null;
    for (const a of args) {
      if (a instanceof ObjectV && a.cls.isException) cause = a;
      else if (typeof a === 'string' || a === null) msg = a;
    }
    if (!obj.fields.has('$message') || msg !== null) obj.fields.set('$message', msg);
    if (!obj.fields.has('$cause') || cause !== null) obj.fields.set('$cause', cause);
  }

  initInstanceFields(cls: ClassInfo, obj: ObjectV, frame: Frame): void {
    const d = cls.decl!;
    const fields = d.fields.filter((f) => !f.mods.includes('static'));
    for (const f of fields) obj.fields.set(f.name.toLowerCase(), null);
    for (const p of d.props)
      if (!p.mods.includes('static') && !obj.fields.has(p.name.toLowerCase()))
        obj.fields.set(p.name.toLowerCase(), null);
    // instance field initialisers and initialiser blocks run in the order they are written
    for (const item of inSourceOrder(fields, d.instanceInits)) {
      if ('k' in item) this.ix.exec(item, frame);
      else if (item.init) {
        frame.line = item.line;
        obj.fields.set(
          item.name.toLowerCase(),
          this.ix.coerce(this.ix.eval(item.init, frame), this.ix.resolveType(item.type, cls)),
        );
      }
    }
  }

  /** A static field or property visible from `cls`: its own, its superclasses', its outer classes'. */
  findStatic(cls: ClassInfo, ln: string): { cls: ClassInfo; prop: PropertyDecl | null } | null {
    for (let o: ClassInfo | null = cls; o; o = o.outer) {
      for (let k: ClassInfo | null = o; k; k = k.superclass) {
        if (k.staticFields.has(ln)) return { cls: k, prop: null };
        const p = k.staticProps.get(ln);
        if (p) return { cls: k, prop: p };
      }
    }
    return null;
  }

  getStatic(cls: ClassInfo, ln: string, prop: PropertyDecl | null): Value {
    this.ensureStaticInit(cls);
    if (prop && prop.getter?.body) return this.runAccessor(cls, null, prop, 'get', null);
    return this.staticVars(cls).get(ln)?.v ?? null;
  }

  setStatic(cls: ClassInfo, ln: string, prop: PropertyDecl | null, v: Value): Value {
    this.ensureStaticInit(cls);
    const vars = this.staticVars(cls);
    if (prop && prop.setter?.body) {
      this.runAccessor(cls, null, prop, 'set', v);
      return v;
    }
    const cur = vars.get(ln);
    const decl = cls.staticFields.get(ln);
    const t = cur?.t ?? this.ix.resolveType(decl ? decl.type : prop!.type, cls);
    if (decl?.mods.includes('final') && this.ix.stack[this.ix.stack.length - 1]?.method !== '<clinit>')
      this.ix.compileError(`Final variable has already been initialized: ${decl.name}`);
    const cv = this.ix.coerce(v, t);
    vars.set(ln, { v: cv, t });
    return cv;
  }

  getMember(obj: ObjectV, ln: string, mem: { kind: 'field' | 'prop'; prop?: PropertyDecl; owner: ClassInfo }): Value {
    if (mem.kind === 'prop' && mem.prop!.getter?.body) return this.runAccessor(mem.owner, obj, mem.prop!, 'get', null);
    return obj.fields.get(ln) ?? null;
  }

  setMember(
    obj: ObjectV,
    ln: string,
    mem: { kind: 'field' | 'prop'; prop?: PropertyDecl; owner: ClassInfo },
    v: Value,
  ): Value {
    if (mem.kind === 'prop' && mem.prop!.setter?.body) {
      this.runAccessor(mem.owner, obj, mem.prop!, 'set', v);
      return v;
    }
    const decl = mem.kind === 'field' ? mem.owner.instanceFields.get(ln)! : null;
    const t = this.ix.resolveType(decl ? decl.type : mem.prop!.type, mem.owner);
    const cv = this.ix.coerce(v, t);
    obj.fields.set(ln, cv);
    return cv;
  }

  /** Property accessors: `value` in a setter, the backing store under the property's own name. */
  runAccessor(owner: ClassInfo, self: ObjectV | null, p: PropertyDecl, which: 'get' | 'set', v: Value): Value {
    const frame = this.ix.pushFrame(owner, self, `${which}${p.name}`, p.line);
    const ln = p.name.toLowerCase();
    const t = this.ix.resolveType(p.type, owner);
    // inside its own accessor, the property name refers to the backing variable
    const backing: Var = { v: self ? (self.fields.get(ln) ?? null) : (this.staticVars(owner).get(ln)?.v ?? null), t };
    frame.scope.vars.set(ln, backing);
    if (which === 'set') frame.scope.vars.set('value', { v: this.ix.coerce(v, t), t });
    try {
      const body = which === 'get' ? p.getter!.body! : p.setter!.body!;
      const sig = this.ix.exec(body, frame);
      if (self) self.fields.set(ln, backing.v);
      else this.staticVars(owner).set(ln, backing);
      if (which === 'get') return sig && sig.sig === 'return' ? this.ix.coerce(sig.v, t) : null;
      return null;
    } finally {
      this.ix.stack.pop();
    }
  }

  /** JSON.deserialize creates the object without running constructors; field initialisers still apply. */
  instantiateForJson(cls: ClassInfo): ObjectV {
    this.ensureStaticInit(cls);
    const obj = new ObjectV(cls, this);
    const chain: ClassInfo[] = [];
    for (let k: ClassInfo | null = cls; k && k.decl; k = k.superclass) chain.unshift(k);
    for (const k of chain) {
      const frame = this.ix.pushFrame(k, obj, '<init>', k.decl!.line);
      try {
        this.initInstanceFields(k, obj, frame);
      } finally {
        this.ix.stack.pop();
      }
    }
    return obj;
  }

  /** The instance field or property a JSON key maps to (case-insensitive), with its declared type. */
  jsonMember(cls: ClassInfo, key: string): { name: string; type: TypeDesc } | null {
    const ln = key.toLowerCase();
    const mem = this.members(cls).get(ln);
    if (!mem) return null;
    const decl = mem.kind === 'field' ? mem.owner.instanceFields.get(ln)! : mem.prop!;
    return { name: decl.name, type: this.ix.resolveType(decl.type, mem.owner) };
  }
}
