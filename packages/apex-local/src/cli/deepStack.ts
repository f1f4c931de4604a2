/**
 * Apex allows 1,000 nested calls; each one costs the tree-walking interpreter several JavaScript frames, more
 * than V8's default stack holds. The CLIs re-run themselves once with a larger V8 stack (kept well under the
 * 8 MB thread stack Linux gives the main thread) so deep recursion reaches the platform's limit.
 */
import { spawnSync } from 'node:child_process';

const STACK_KB = 3800;

/** Returns when already running with the larger stack; otherwise re-runs this script with it and exits. */
export function ensureDeepStack(): void {
  if (process.execArgv.some((a) => a.startsWith('--stack-size')) || process.env.LOCAL_APEX_NO_RESPAWN) return;
  const r = spawnSync(process.execPath, [`--stack-size=${STACK_KB}`, '--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
