/**
 * The class registry: user classes from the package plus the built-in exception hierarchy.
 * Resolves type names the way Apex does: inner classes of the current class (and its outers and superclasses),
 * then top-level classes, then `System.` built-ins. Identifiers are case-insensitive.
 */
import type { TypeDecl } from '../ast.ts';
import { emptyClass, type ClassInfo } from './classInfo.ts';

/**
 * Standard namespaces a name may start with (`System.debug`, `Database.insert`), lower-case.
 * One list for the fence (which accepts them) and the interpreter (which resolves them).
 */
export const NAMESPACES = new Set([
  'system',
  'database',
  'schema',
  'metadata',
  'auth',
  'messaging',
  'reports',
  'connectapi',
]);

/** Built-in exceptions (Apex Reference Guide, "Exception Class and Built-In Exceptions"), all extending System.Exception. */
export const BUILTIN_EXCEPTIONS = [
  'NullPointerException',
  'ListException',
  'MathException',
  'QueryException',
  'DmlException',
  'TypeException',
  'StringException',
  'SObjectException',
  'JSONException',
  'CalloutException',
  'AsyncException',
  'LimitException',
  'AssertException',
  'IllegalArgumentException',
  'NoAccessException',
  'NoDataFoundException',
  'InvalidParameterValueException',
  'FinalException',
  'UnexpectedException',
  'SerializationException',
  'SecurityException',
  'HandledException',
  'EmailException',
  'RequiredFeatureMissingException',
  'XmlException',
  'NoSuchElementException',
  'InvalidHeaderException',
];

/** Built-in interfaces a user class may implement (lower-case names, namespaces optional). */
export const BUILTIN_INTERFACES = new Set([
  'queueable',
  'system.queueable',
  'schedulable',
  'system.schedulable',
  'finalizer',
  'system.finalizer',
  'database.allowscallouts',
  'database.stateful',
  'httpcalloutmock',
  'system.httpcalloutmock',
  'comparable',
  'system.comparable',
  'metadata.deploycallback',
  'database.batchable',
  'system.comparator',
  'comparator',
  'iterator',
  'system.iterator',
  'iterable',
  'system.iterable',
]);

export class Registry {
  private readonly top = new Map<string, ClassInfo>();
  readonly all: ClassInfo[] = [];
  readonly exceptionBase: ClassInfo;

  constructor() {
    this.exceptionBase = emptyClass('Exception', 'class', null, null, null);
    this.exceptionBase.isException = true;
    this.top.set('exception', this.exceptionBase);
    this.top.set('system.exception', this.exceptionBase);
    for (const n of BUILTIN_EXCEPTIONS) this.addBuiltinException('System.' + n, this.exceptionBase);
    const aura = this.addBuiltinException('AuraHandledException', this.exceptionBase);
    this.top.set('system.aurahandledexception', aura);
  }

  private addBuiltinException(name: string, base: ClassInfo): ClassInfo {
    const c = emptyClass(name, 'class', null, null, null);
    c.superclass = base;
    c.isException = true;
    this.top.set(name.toLowerCase(), c);
    const short = name.split('.').pop()!.toLowerCase();
    if (!this.top.has(short)) this.top.set(short, c);
    return c;
  }

  /** Register a parsed top-level type. Linking (superclasses) happens in `link()` once all files are in. */
  add(decl: TypeDecl, file: string): ClassInfo {
    const c = this.build(decl, file, null);
    if (this.top.has(c.name.toLowerCase()) && !this.top.get(c.name.toLowerCase())!.builtin) {
      throw new Error(`LOCAL_DUPLICATE_CLASS ${file}:${decl.line} class ${c.name} is defined twice`);
    }
    this.top.set(c.name.toLowerCase(), c);
    return c;
  }

  /** Bind a type that is not registered globally (anonymous Apex's own declarations). */
  buildDetached(decl: TypeDecl, file: string): ClassInfo {
    const before = this.all.length;
    const c = this.build(decl, file, null);
    const added = this.all.splice(before);
    const problems = this.link(added);
    if (problems.length)
      throw new Error(`LOCAL_UNSUPPORTED ${problems[0].file}:${problems[0].line} ${problems[0].what}`);
    return c;
  }

  private build(decl: TypeDecl, file: string, outer: ClassInfo | null): ClassInfo {
    const name = outer && outer.name !== '__Anonymous' ? `${outer.name}.${decl.name}` : decl.name;
    const c = emptyClass(name, decl.kind, decl, file, outer);
    c.isTest = decl.annotations.some((a) => a.name === 'istest');
    c.isAbstract = decl.mods.includes('abstract') || decl.kind === 'interface';
    for (const m of decl.methods) {
      const k = m.name.toLowerCase();
      const list = c.methods.get(k) ?? [];
      list.push(m);
      c.methods.set(k, list);
    }
    c.ctors = decl.ctors;
    for (const f of decl.fields)
      (f.mods.includes('static') ? c.staticFields : c.instanceFields).set(f.name.toLowerCase(), f);
    for (const p of decl.props)
      (p.mods.includes('static') ? c.staticProps : c.instanceProps).set(p.name.toLowerCase(), p);
    for (const i of decl.inner) c.inner.set(i.name.toLowerCase(), this.build(i, file, c));
    this.all.push(c);
    return c;
  }

  /** Resolve extends/implements for every registered class. Returns problems as fence messages. */
  private linked = false;

  link(classes: ClassInfo[] = this.all): { file: string; line: number; what: string }[] {
    this.linked = false;
    this.resolved.clear();
    const problems: { file: string; line: number; what: string }[] = [];
    for (const c of classes) {
      const d = c.decl!;
      if (d.ext) {
        const sup = this.resolve(d.ext.name, c.outer ?? c);
        if (!sup) problems.push({ file: c.file!, line: d.line, what: `superclass ${d.ext.name}` });
        else c.superclass = sup;
      }
      for (const i of d.impls) {
        const ln = i.name.toLowerCase();
        if (BUILTIN_INTERFACES.has(ln)) {
          c.builtinInterfaces.add(ln.replace(/^system\./, ''));
          continue;
        }
        const ic = this.resolve(i.name, c.outer ?? c);
        if (!ic) problems.push({ file: c.file!, line: d.line, what: `interface ${i.name}` });
        else c.interfaces.push(ic);
      }
    }
    for (const c of classes) {
      for (let k: ClassInfo | null = c; k; k = k.superclass) if (k.isException) c.isException = true;
    }
    this.linked = true;
    return problems;
  }

  private resolved = new Map<ClassInfo | null, Map<string, ClassInfo | null>>();

  /** Resolve a (possibly dotted) type name as seen from `from` (the class whose code mentions it); cached once linked. */
  resolve(name: string, from: ClassInfo | null): ClassInfo | null {
    if (!this.linked) return this.resolveUncached(name, from);
    let byName = this.resolved.get(from);
    if (!byName) this.resolved.set(from, (byName = new Map()));
    const key = name.toLowerCase();
    let r = byName.get(key);
    if (r === undefined) byName.set(key, (r = this.resolveUncached(name, from)));
    return r;
  }

  private resolveUncached(name: string, from: ClassInfo | null): ClassInfo | null {
    const parts = name.toLowerCase().split('.');
    let head: ClassInfo | null = null;
    // inner types visible from `from`: its own inner classes, its outers', and its superclasses'
    for (let scope = from; scope && !head; scope = scope.outer) {
      for (let k: ClassInfo | null = scope; k && !head; k = k.superclass) {
        if (k.name.toLowerCase() === parts[0] || k.name.toLowerCase().endsWith('.' + parts[0])) head = k;
        else head = k.inner.get(parts[0]) ?? null;
      }
    }
    let rest = parts.slice(1);
    if (!head) {
      const full = this.top.get(parts.join('.'));
      if (full) return full;
      head = this.top.get(parts[0]) ?? null;
      if (!head && parts.length > 1 && parts[0] === 'system') {
        head = this.top.get(parts[1]) ?? null;
        rest = parts.slice(2);
      }
    }
    for (const p of rest) {
      if (!head) return null;
      head = head.inner.get(p) ?? null;
    }
    return head;
  }

  topLevel(): ClassInfo[] {
    return this.all.filter((c) => !c.outer);
  }
}
