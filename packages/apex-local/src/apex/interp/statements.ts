/**
 * Statements: blocks and scopes, declarations, control flow (if, loops, switch, try/catch/finally, throw), DML
 * statements and System.runAs, and what each executed statement costs (CPU charged to the org, heap samples,
 * line coverage).
 */
import type { CatchClause, Stmt } from '../ast.ts';
import { isSubclassOf } from '../binder/classInfo.ts';
import { EnumV, ListV, NativeV, ObjectV, SetV, SObjectV, type TypeDesc, type Value } from '../values.ts';
import type { FenceProblem } from '../binder/fence.ts';
import { ApexCompileError, ApexThrow, LocalUnsupported } from './errors.ts';
import { BREAK, CONTINUE, Scope, type Frame, type Signal } from './frames.ts';
import type { Interpreter } from './interpreter.ts';
import { CPU_US } from './cpu.ts';
import { looseEquals } from './operators.ts';

/** statements charged to the org's CPU counter at a time */
const CPU_CHARGE_BATCH = 200;

const blockVars = new WeakMap<object, boolean>();
/** Does this block declare local variables directly (and so need its own scope)? Cached per node. */
function declaresVars(b: Extract<Stmt, { k: 'block' }>): boolean {
  let v = blockVars.get(b);
  if (v === undefined) blockVars.set(b, (v = b.body.some((x) => x.k === 'var')));
  return v;
}

export class Statements {
  /** statements executed since the interpreter was created */
  executed = 0;
  private sinceCharge = 0;
  /** CPU of built-in work (cpu.ts) not yet handed to the org, in µs */
  private pendingWork = 0;
  /** file -> executed statement lines (line coverage), while a test run collects it */
  coverage: Map<string, Set<number>> | null = null;

  constructor(private readonly ix: Interpreter) {}

  /** A statement starts: move the frame's line, charge CPU in batches, sample the heap when due, record coverage. */
  private hit(frame: Frame, line: number): void {
    frame.line = line;
    this.executed++;
    if (++this.sinceCharge >= CPU_CHARGE_BATCH) {
      const work = CPU_CHARGE_BATCH * CPU_US.statement + this.pendingWork;
      this.sinceCharge = 0;
      this.pendingWork = 0;
      this.chargeOrg(work);
    }
    // sample the heap while running so the heap limit and the peak usage are seen
    if (this.executed >= this.ix.heap.nextSample) this.ix.measureHeap();
    if (this.coverage) {
      let s = this.coverage.get(frame.file);
      if (!s) this.coverage.set(frame.file, (s = new Set()));
      s.add(line);
    }
  }

  /** A statement the fence rejected (binder/fence.ts) is never run: its problem stops the transaction, uncatchably. */
  private stopAtFence(p: FenceProblem | undefined): void {
    if (!p) return;
    if (p.code === 'LOCAL_UNSUPPORTED') throw new LocalUnsupported(p.file, p.line, p.what);
    throw new ApexCompileError(p.file, p.line, p.what);
  }

  /** Charge the CPU a built-in's work costs (µs, cpu.ts); handed to the org once it adds up to a batch. */
  chargeWork(us: number): void {
    this.pendingWork += us;
    if (this.pendingWork >= CPU_CHARGE_BATCH) {
      const work = this.pendingWork;
      this.pendingWork = 0;
      this.chargeOrg(work);
    }
  }

  private chargeOrg(us: number): void {
    try {
      this.ix.org.chargeCpu(us);
    } catch (e) {
      this.ix.fromOrgError(e);
    }
  }

  exec(s: Stmt, frame: Frame): Signal {
    const fenced = this.ix.binding.fenced;
    if (fenced !== undefined && fenced.size !== 0) this.stopAtFence(fenced.get(s));
    if (s.k !== 'block') this.hit(frame, s.line);
    const ex = this.ix.expressions;
    switch (s.k) {
      case 'block': {
        if (!declaresVars(s)) {
          for (const st of s.body) {
            const sig = this.exec(st, frame);
            if (sig) return sig;
          }
          return undefined;
        }
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          for (const st of s.body) {
            const sig = this.exec(st, frame);
            if (sig) return sig;
          }
        } finally {
          frame.scope = saved;
        }
        return undefined;
      }
      case 'expr':
        ex.eval(s.e, frame);
        return undefined;
      case 'var': {
        const t = this.ix.types.resolveType(s.type, frame.cls);
        for (const d of s.decls) {
          const ln = d.name.toLowerCase();
          if (frame.scope.vars.has(ln)) this.ix.compileError(`Duplicate variable: ${d.name}`, s.line);
          frame.scope.vars.set(ln, { v: d.init ? this.ix.types.coerce(ex.eval(d.init, frame), t) : null, t });
        }
        return undefined;
      }
      case 'if':
        if (ex.cond(s.c, frame)) return this.execScoped(s.then, frame);
        return s.else ? this.execScoped(s.else, frame) : undefined;
      case 'while':
        while (ex.cond(s.c, frame)) {
          const sig = s.body ? this.execScoped(s.body, frame) : undefined;
          if (sig === BREAK) break;
          if (sig && sig !== CONTINUE) return sig;
        }
        return undefined;
      case 'dowhile':
        do {
          const sig = this.execScoped(s.body, frame);
          if (sig === BREAK) break;
          if (sig && sig !== CONTINUE) return sig;
        } while (ex.cond(s.c, frame));
        return undefined;
      case 'for':
        return this.execFor(s, frame);
      case 'foreach':
        return this.execForEach(s, frame);
      case 'return':
        return { sig: 'return', v: s.e ? ex.eval(s.e, frame) : null };
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'throw': {
        const thrown = ex.eval(s.e, frame);
        if (thrown === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
        if (!(thrown instanceof ObjectV) || !thrown.cls.isException)
          this.ix.compileError('Throw expression must be of type Exception', s.line);
        if (!thrown.fields.get('$thrown')) {
          thrown.fields.set('$thrown', true);
          this.ix.stampException(thrown);
        }
        throw new ApexThrow(thrown);
      }
      case 'try':
        return this.execTry(s, frame);
      case 'switch':
        return this.execSwitch(s, frame);
      case 'dml':
        this.ix.sobjects.dmlStatement(s.op, ex.eval(s.e, frame), s.ext, s.line);
        return undefined;
      case 'runas': {
        const args = s.args.map((a) => ex.eval(a, frame));
        const u = args[0];
        const userId =
          u instanceof SObjectV ? (this.ix.sobjects.get(u, 'Id') as string) : typeof u === 'string' ? u : null;
        if (!userId) this.ix.fail('System.NullPointerException', 'Argument cannot be null.');
        let sig: Signal;
        this.ix.org.runAs(userId as string, () => {
          sig = this.execScoped(s.body, frame);
        });
        return sig;
      }
      case 'unsupported':
        return this.ix.unsupported(s.what, s.line);
    }
  }

  private execScoped(s: Stmt, frame: Frame): Signal {
    if (s.k === 'block' || s.k !== 'var') return this.exec(s, frame);
    const saved = frame.scope;
    frame.scope = new Scope(saved);
    try {
      return this.exec(s, frame);
    } finally {
      frame.scope = saved;
    }
  }

  private execFor(s: Extract<Stmt, { k: 'for' }>, frame: Frame): Signal {
    const ex = this.ix.expressions;
    const saved = frame.scope;
    frame.scope = new Scope(saved);
    try {
      if (s.init) {
        if (Array.isArray(s.init)) for (const e of s.init) ex.eval(e, frame);
        else this.exec(s.init, frame);
      }
      while (s.c === null || ex.cond(s.c, frame)) {
        const sig = s.body ? this.execScoped(s.body, frame) : undefined;
        if (sig === BREAK) break;
        if (sig && sig !== CONTINUE) return sig;
        for (const u of s.update) ex.eval(u, frame);
      }
      return undefined;
    } finally {
      frame.scope = saved;
    }
  }

  private execForEach(s: Extract<Stmt, { k: 'foreach' }>, frame: Frame): Signal {
    const t = this.ix.types.resolveType(s.type, frame.cls);
    const coll = this.ix.expressions.eval(s.iter, frame);
    if (coll === null) this.ix.fail('System.NullPointerException', 'Attempt to de-reference a null object');
    let items: Value[];
    if (coll instanceof ListV) {
      if (coll.soql && t.kind === 'list') {
        // SOQL for loop over lists: batches of 200 (Apex Developer Guide, "SOQL For Loops")
        items = [];
        for (let i = 0; i < coll.items.length; i += 200) items.push(new ListV(coll.elem, coll.items.slice(i, i + 200)));
      } else items = coll.items.slice();
    } else if (coll instanceof SetV) items = coll.values();
    else if (coll instanceof NativeV && typeof coll.data?.iterate === 'function') items = coll.data.iterate();
    else if (coll instanceof ObjectV)
      return this.ix.unsupported(`for loop over a custom Iterable (${coll.cls.name})`, s.line);
    else return this.ix.compileError('Loop must iterate over collection', s.line);
    const saved = frame.scope;
    const ln = s.name.toLowerCase();
    // the collection is locked while the loop runs (stdlib/collections.ts: listChange, setChange, mapChange)
    const locked = coll instanceof ListV || coll instanceof SetV ? coll : null;
    const lockedMap = coll instanceof SetV ? coll.backing : null;
    if (locked) locked.iterating++;
    if (lockedMap) lockedMap.iterating++;
    try {
      for (const it of items) {
        frame.scope = new Scope(saved);
        frame.scope.vars.set(ln, { v: this.ix.types.coerce(it, t), t });
        const sig = s.body ? this.exec(s.body, frame) : undefined;
        if (sig === BREAK) break;
        if (sig && sig !== CONTINUE) return sig;
      }
    } finally {
      frame.scope = saved;
      if (locked) locked.iterating--;
      if (lockedMap) lockedMap.iterating--;
    }
    return undefined;
  }

  private execTry(s: Extract<Stmt, { k: 'try' }>, frame: Frame): Signal {
    const depth = this.ix.stack.length;
    let result: Signal;
    try {
      result = this.execScoped(s.body, frame);
    } catch (e) {
      this.ix.stack.length = depth;
      const handler = e instanceof ApexThrow ? this.findCatch(s.catches, e.ex, frame) : null;
      if (!handler) {
        if (s.fin) {
          const fsig = this.execScoped(s.fin, frame);
          if (fsig) return fsig;
        }
        throw e;
      }
      const saved = frame.scope;
      frame.scope = new Scope(saved);
      try {
        frame.scope.vars.set(handler.name.toLowerCase(), {
          v: (e as ApexThrow).ex,
          t: { name: handler.type, args: [], kind: 'exception' },
        });
        result = this.exec(handler.body, frame);
      } catch (inner) {
        frame.scope = saved;
        if (s.fin) {
          const fsig = this.execScoped(s.fin, frame);
          if (fsig) return fsig;
        }
        throw inner;
      } finally {
        frame.scope = saved;
      }
    }
    if (s.fin) {
      const fsig = this.execScoped(s.fin, frame);
      if (fsig) return fsig;
    }
    return result;
  }

  /**
   * `System.LimitException` cannot be caught (Apex Developer Guide, "Exception Statements"), nor can an assertion
   * failure (Apex Reference Guide, Assert Class: "You can't catch an assertion failure using a try/catch block").
   */
  private findCatch(catches: CatchClause[], ex: ObjectV, frame: Frame): CatchClause | null {
    if (ex.cls.name === 'System.LimitException' || ex.cls.name === 'System.AssertException') return null;
    for (const c of catches) {
      const cls = this.ix.registry.resolve(c.type, frame.cls);
      if (!cls) this.ix.unsupported(`exception type ${c.type}`, c.line);
      if (isSubclassOf(ex.cls, cls)) return c;
    }
    return null;
  }

  private execSwitch(s: Extract<Stmt, { k: 'switch' }>, frame: Frame): Signal {
    const ex = this.ix.expressions;
    const v = ex.eval(s.e, frame);
    for (const w of s.whens) {
      let match = false;
      let bind: { name: string; t: TypeDesc } | null = null;
      if (w.kind === 'else') match = true;
      else if (w.kind === 'type') {
        const t = this.ix.types.resolveType(w.type!, frame.cls);
        if (this.ix.types.isInstance(v, t)) {
          match = true;
          bind = { name: w.name!, t };
        }
      } else {
        for (const lit of w.values) {
          let c: Value;
          if (v instanceof EnumV && lit.k === 'name') {
            c = lit.name.toLowerCase() === v.name.toLowerCase() ? v : null;
            if (c === null) continue;
          } else c = ex.eval(lit, frame);
          // switch on String is case-sensitive, unlike == (Apex Developer Guide, "Switch Statements")
          if (v === null ? c === null : typeof v === 'string' ? v === c : looseEquals(v, c)) {
            match = true;
            break;
          }
        }
      }
      if (match) {
        const saved = frame.scope;
        frame.scope = new Scope(saved);
        try {
          if (bind) frame.scope.vars.set(bind.name.toLowerCase(), { v, t: bind.t });
          return this.exec(w.body, frame);
        } finally {
          frame.scope = saved;
        }
      }
    }
    return undefined;
  }
}
