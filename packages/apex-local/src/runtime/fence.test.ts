/**
 * The fence over a whole project: what a real org has and the runtime does not implement stops with an uncatchable
 * LOCAL_UNSUPPORTED naming file and line, when loaded (the list) and when reached (the test that runs into it);
 * what no org has stays LOCAL_APEX_COMPILE.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LocalRuntime } from './runtime.ts';
import { runTests } from './testRunner.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'apex-local-fence-'));
  writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, 'force-app', rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

const TESTS = `@IsTest private class Fence_Tests {
  @IsTest static void futureIsFenced() { Test.startTest(); Later.run('x'); Test.stopTest(); }
  @IsTest static void triggerFiresOnDml() { try { insert new Account(Name = 'a'); } catch (Exception e) {} }
  @IsTest static void contactDmlIsFine() { insert new Contact(LastName = 'c'); System.assertEquals(1, [SELECT COUNT() FROM Contact]); }
  @IsTest static void triggerContext() { System.assert(!Trigger.isExecuting); }
  @IsTest static void allRows() { try { Integer n = [SELECT COUNT() FROM Contact ALL ROWS]; } catch (Exception e) {} }
  @IsTest static void unknownClass() { NoSuchThing.run(); }
}`;

test('triggers, @future, platform names and ALL ROWS are listed at load and stop the tests that reach them', () => {
  const dir = project({
    'triggers/AccountTrigger.trigger':
      '/* header */\ntrigger AccountTrigger on Account (before insert, after update) {\n}\n',
    'classes/Later.cls': 'public class Later {\n  @future\n  public static void run(String s) { System.debug(s); }\n}',
    'classes/Fence_Tests.cls': TESTS,
  });
  const rt = LocalRuntime.load(dir);
  const fence = rt.fence.map((p) => `${p.code} ${p.file}:${p.line}`);
  assert.ok(fence.includes(`LOCAL_UNSUPPORTED ${path.join('force-app', 'triggers', 'AccountTrigger.trigger')}:2`));
  assert.ok(fence.includes(`LOCAL_UNSUPPORTED ${path.join('force-app', 'classes', 'Later.cls')}:3`));
  assert.ok(fence.includes(`LOCAL_APEX_COMPILE ${path.join('force-app', 'classes', 'Fence_Tests.cls')}:7`));
  const byName = Object.fromEntries(
    runTests(rt).results.map((r) => [r.methodName, r.passed ? 'PASS' : (r.failure?.type ?? 'FAIL')]),
  );
  assert.deepEqual(byName, {
    futureIsFenced: 'LOCAL_UNSUPPORTED', // Apex Developer Guide, "Future Methods": runs asynchronously, not inline
    triggerFiresOnDml: 'LOCAL_UNSUPPORTED', // a trigger would run on this insert; not even catch (Exception) sees it
    contactDmlIsFine: 'PASS',
    triggerContext: 'LOCAL_UNSUPPORTED', // System.Trigger exists on every org
    allRows: 'LOCAL_UNSUPPORTED', // SOQL ALL ROWS would return deleted rows
    unknownClass: 'LOCAL_APEX_COMPILE', // no org has NoSuchThing: the compiler refuses it too
  });
});
