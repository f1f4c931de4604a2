/** The standard library as a lookup table: native types by (lower-case) name and instance methods by value kind. */
import type { NativeType, ValueMethodTable } from './types.ts';

export class Stdlib {
  readonly types = new Map<string, NativeType>();
  readonly valueMethods: ValueMethodTable = {};

  register(...types: NativeType[]): void {
    for (const t of types) {
      this.types.set(t.name.toLowerCase(), t);
      if (!t.name.includes('.')) this.types.set('system.' + t.name.toLowerCase(), t);
      for (const a of t.aliases ?? []) this.types.set(a, t);
    }
  }

  addValueMethods(kind: string, methods: ValueMethodTable[string]): void {
    this.valueMethods[kind] = { ...(this.valueMethods[kind] ?? {}), ...methods };
  }

  type(lname: string): NativeType | undefined {
    return this.types.get(lname);
  }
}
