/** Control-flow carriers for the interpreter. */
import type { ObjectV } from '../values.ts';

/** An Apex exception in flight. `ex` is the Apex exception object (an ObjectV of an exception class). */
export class ApexThrow extends Error {
  constructor(readonly ex: ObjectV) {
    super(String(ex.fields.get('$message') ?? ''));
  }
}

/** The fence: something the local runtime does not implement. Never catchable by Apex code. */
export class LocalUnsupported extends Error {
  readonly code = 'LOCAL_UNSUPPORTED';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly what: string,
  ) {
    super(`LOCAL_UNSUPPORTED ${file}:${line} ${what}`);
  }
}

/** A compile-time style error found while running (unknown variable, bad call). Uncatchable like a compile error. */
export class ApexCompileError extends Error {
  readonly code = 'LOCAL_APEX_COMPILE';
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`LOCAL_APEX_COMPILE ${file}:${line} ${detail}`);
  }
}
