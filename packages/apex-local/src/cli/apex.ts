/**
 * `npm run apex -- FILE.apex [--setup SETUP.apex] [--project DIR]`: anonymous Apex on the local org with the
 * package loaded (like `sf apex run --file`). Prints the project's fence problems (FENCE|LOCAL_UNSUPPORTED file:line
 * what), DEBUG|<message> lines, then the transaction's limit usage; an uncaught exception prints
 * EXCEPTION|<Type>: <message> with the Apex stack and exits 1, and so does code that is fenced or runs into the fence
 * (EXCEPTION|LOCAL_UNSUPPORTED file:line what).
 */
import { readFileSync } from 'node:fs';
import { ensureDeepStack } from './deepStack.ts';
import { LocalRuntime, failureHeadline, type TransactionReport } from '../runtime/runtime.ts';

ensureDeepStack();

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const positional = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && !['--setup', '--project'].includes(all[i - 1]));
const file = positional[0];
if (!file) {
  console.error('LOCAL_USAGE npm run apex -- FILE.apex [--setup SETUP.apex]');
  process.exit(2);
}
const rt = LocalRuntime.load(arg('--project') ?? process.cwd());
// the project's fence: what the local runtime does not implement (code reaching it stops with the same line)
for (const p of rt.fence) console.log(`FENCE|${p.code} ${p.file}:${p.line} ${p.what}`);

function print(r: TransactionReport): boolean {
  for (const d of r.debug) console.log(`DEBUG|${d.message}`);
  if (r.limits.length) {
    console.log('LIMITS|' + r.limits.map((l) => `${l.name} ${l.used}/${l.max}`).join(', '));
  }
  if (r.error) {
    console.log(`EXCEPTION|${failureHeadline(r.error)}`);
    if (r.error.stack) console.log(r.error.stack);
    return false;
  }
  return true;
}

const setup = arg('--setup');
if (setup) {
  const r = rt.runAnonymous(readFileSync(setup, 'utf8'), { file: setup });
  if (!print(r)) process.exit(1);
}
const ok = print(rt.runAnonymous(readFileSync(file, 'utf8'), { file }));
process.exit(ok ? 0 : 1);
