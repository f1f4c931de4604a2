/**
 * The CPU model (cpu.ts): built-ins are charged by the work they do, not as one statement. Salesforce Help,
 * "Apex CPU time limit exceeded" (000339361): library functions exposed in Apex count, database time does not;
 * describe costs from Known Issue W-6105723 (2,559 ms to describe 548 objects and all their fields).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';
import { CPU_US } from './cpu.ts';

/** Limits.getCpuTime() around `work`, after `setup` */
function cpuOf(setup: string, work: string): number {
  const [ms] = debug(`${setup}
Integer t0 = Limits.getCpuTime();
${work}
System.debug(Limits.getCpuTime() - t0);`);
  return Number(ms);
}

test('JSON parsing and serializing are charged per character', () => {
  const setup = `String big = '[' + '{"a":1,"b":"xxxxxxxxxx"},'.repeat(4000) + '{}]';`;
  const parse = cpuOf(setup, 'Object o = JSON.deserializeUntyped(big);');
  const expected = (100_004 * CPU_US.jsonParseChar) / 1000;
  assert.ok(Math.abs(parse - expected) <= 2, `parse ${parse} ms, model ${expected} ms`);
  const ser = cpuOf(`${setup} Object o = JSON.deserializeUntyped(big);`, 'String s = JSON.serialize(o);');
  assert.ok(ser >= 20 && ser <= 30, `serialize ${ser} ms`);
});

test('describe calls are charged as the platform charges them (Known Issue W-6105723)', () => {
  const ms = cpuOf(
    '',
    'for (Integer i = 0; i < 100; i++) { Schema.DescribeFieldResult d = Account.Name.getDescribe(); }',
  );
  assert.ok(ms >= 9 && ms <= 10, `100 field describes: ${ms} ms`);
});

test('regular expressions and string building are charged by the characters they touch', () => {
  const setup = `String text = 'a,b;'.repeat(50000);`;
  const split = cpuOf(setup, `List<String> parts = text.split('[,;]');`);
  assert.ok(split >= 3 && split <= 5, `split of 200,000 characters: ${split} ms`);
  const appends = cpuOf('', `String s = ''; for (Integer i = 0; i < 2000; i++) { s += 'abcdefghij'; }`);
  // 2,000 statements plus copying 20,010,000 characters
  assert.ok(appends >= 20 && appends <= 26, `2,000 appends: ${appends} ms`);
});

test('built-in work alone can exceed the CPU limit, which cannot be caught', () => {
  const f = failure(`String big = '"' + 'x'.repeat(2000000) + '"';
try { for (Integer i = 0; i < 20; i++) { Object o = JSON.deserializeUntyped(big); } } catch (Exception e) { System.debug('caught'); }`);
  assert.equal(f.type, 'System.LimitException');
  assert.equal(f.message, 'Apex CPU time limit exceeded');
});
