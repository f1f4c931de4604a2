/**
 * Helpers for the conformance tests: one LocalRuntime over an empty project (standard objects only), restored
 * to its first snapshot before every sample so samples never see each other's records.
 */
import { fileURLToPath } from 'node:url';
import { LocalRuntime, type ApexFailure, type TransactionReport } from '../runtime/runtime.ts';
import { parseAnonymous } from './parse/parser.ts';

const EMPTY_PROJECT = fileURLToPath(new URL('./__fixtures__/empty', import.meta.url));

let shared: { rt: LocalRuntime; base: unknown } | undefined;

export function runtime(): LocalRuntime {
  if (!shared) {
    const rt = LocalRuntime.load(EMPTY_PROJECT, { now: new Date('2026-03-02T10:00:00.000Z') });
    shared = { rt, base: rt.org.snapshot() };
  }
  shared.rt.org.restore(shared.base);
  shared.rt.org.setNow(new Date('2026-03-02T10:00:00.000Z'));
  return shared.rt;
}

/** Run anonymous Apex on a clean org. */
export function run(code: string): TransactionReport {
  return runtime().runAnonymous(code, { file: 'sample.apex' });
}

/** The System.debug output of a sample that must not fail. */
export function debug(code: string): string[] {
  const r = run(code);
  if (r.error) throw new Error(`sample failed: ${r.error.type}: ${r.error.message}\n${r.error.stack}`);
  return r.debug.map((d) => d.message);
}

/** The uncaught exception of a sample that must fail. */
export function failure(code: string): ApexFailure {
  const r = run(code);
  if (!r.error) throw new Error(`sample did not fail; debug: ${r.debug.map((d) => d.message).join(' | ')}`);
  return r.error;
}

/** Run a sample as the body of an Apex test method (test context, rolled back like a test). */
export function runInTest(code: string): TransactionReport {
  const rt = runtime();
  const unit = parseAnonymous('sample.apex', code);
  const cls = rt.apex.registry.buildDetached({ ...unit.decls, name: '__Anonymous' }, 'sample.apex');
  const r = rt.transaction('test', { async: false, test: true }, () => rt.interp.runBlock(cls, unit.body));
  return r;
}
