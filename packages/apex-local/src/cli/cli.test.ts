/** The CLIs' contracts: `npm run apex` output and exit codes, `npm run test:apex` lines and closing summary. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PROJECT = here('../runtime/__fixtures__/project');

function cli(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...args, '--project', PROJECT], {
    encoding: 'utf8',
    env: { ...process.env, LOCAL_APEX_NO_RESPAWN: '1' },
  });
  return { code: r.status, lines: r.stdout.trim().split('\n') };
}

test('npm run apex: DEBUG lines, LIMITS, then EXCEPTION with the Apex stack and exit 1; --setup commits first', () => {
  const r = cli('./apex.ts', [here('./__fixtures__/main.apex'), '--setup', here('./__fixtures__/setup.apex')]);
  assert.equal(r.code, 1);
  const main = r.lines.slice(r.lines.findIndex((l) => l.startsWith('LIMITS|')) + 1);
  assert.deepEqual(main.slice(0, 2), ['DEBUG|from setup', 'DEBUG|Hello, Ada']);
  assert.match(main[2], /^LIMITS\|Queries 1\/100, .*DmlStatements 1\/150/);
  assert.equal(
    main[3],
    'EXCEPTION|System.DmlException: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]',
  );
  assert.equal(main[4], 'AnonymousBlock: line 3, column 1');
});

test('npm run test:apex: PASS/FAIL lines, coverage, closing "N passed, N failed" and exit 1 on failure', () => {
  const r = cli('./test-apex.ts', ['--class', 'Greeter_Tests']);
  assert.equal(r.code, 1);
  assert.ok(r.lines.some((l) => /^PASS Greeter_Tests\.shouldGreetByName \(\d+ ms\)$/.test(l)));
  assert.ok(r.lines.some((l) => /^FAIL Greeter_Tests\.shouldFailWithAnAssertion \(\d+ ms\)$/.test(l)));
  assert.ok(r.lines.includes('        Class.Greeter_Tests.shouldFailWithAnAssertion: line 39'));
  assert.ok(r.lines.some((l) => /^\s+60%\s+Greeter \(3\/5\)$/.test(l)));
  assert.equal(r.lines[r.lines.length - 1], '4 passed, 1 failed');
});

test('npm run apex: fenced code prints EXCEPTION|LOCAL_UNSUPPORTED with file and line and exits 1, running nothing', () => {
  const r = cli('./apex.ts', [here('./__fixtures__/fenced.apex')]);
  assert.equal(r.code, 1);
  assert.ok(!r.lines.some((l) => l.startsWith('DEBUG|')));
  assert.match(r.lines.at(-1)!, /^EXCEPTION\|LOCAL_UNSUPPORTED .*fenced\.apex:2 .*Cache/);
});
