/** Bound user classes, interfaces and enums (and the built-in exception classes, which share the shape). */
import type { FieldDecl, MethodDecl, PropertyDecl, TypeDecl } from '../ast.ts';

export interface ClassInfo {
  /** canonical name: 'Outer' or 'Outer.Inner'; built-in exceptions: 'System.NullPointerException' */
  name: string;
  kind: 'class' | 'interface' | 'enum';
  decl: TypeDecl | null;
  file: string | null;
  outer: ClassInfo | null;
  superclass: ClassInfo | null;
  interfaces: ClassInfo[];
  /** names of built-in interfaces implemented (lower-case), e.g. 'queueable', 'database.allowscallouts', 'httpcalloutmock' */
  builtinInterfaces: Set<string>;
  inner: Map<string, ClassInfo>;
  methods: Map<string, MethodDecl[]>;
  ctors: MethodDecl[];
  staticFields: Map<string, FieldDecl>;
  instanceFields: Map<string, FieldDecl>;
  staticProps: Map<string, PropertyDecl>;
  instanceProps: Map<string, PropertyDecl>;
  isException: boolean;
  builtin: boolean;
  isTest: boolean;
  isAbstract: boolean;
}

export function emptyClass(
  name: string,
  kind: ClassInfo['kind'],
  decl: TypeDecl | null,
  file: string | null,
  outer: ClassInfo | null,
): ClassInfo {
  return {
    name,
    kind,
    decl,
    file,
    outer,
    superclass: null,
    interfaces: [],
    builtinInterfaces: new Set(),
    inner: new Map(),
    methods: new Map(),
    ctors: [],
    staticFields: new Map(),
    instanceFields: new Map(),
    staticProps: new Map(),
    instanceProps: new Map(),
    isException: false,
    builtin: decl === null,
    isTest: false,
    isAbstract: false,
  };
}

export function isSubclassOf(c: ClassInfo | null, target: ClassInfo): boolean {
  for (let k = c; k; k = k.superclass) {
    if (k === target) return true;
    for (const i of k.interfaces) if (isSubclassOf(i, target)) return true;
  }
  return false;
}

export function implementsBuiltin(c: ClassInfo | null, lname: string): boolean {
  for (let k = c; k; k = k.superclass) {
    if (k.builtinInterfaces.has(lname)) return true;
    for (const i of k.interfaces) if (implementsBuiltin(i, lname)) return true;
  }
  return false;
}
