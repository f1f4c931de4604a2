/** Apex Developer Guide, "Apex Scheduler": Seconds Minutes Hours Day_of_month Month Day_of_week [Year]. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrgError } from './api.ts';
import { nextFireTime } from './cron.ts';

const after = new Date('2026-03-02T10:17:30.000Z'); // a Monday

test('every two hours, on the hour: 0 0 0/2 * * ?', () => {
  assert.equal(nextFireTime('0 0 0/2 * * ?', after)!.toISOString(), '2026-03-02T12:00:00.000Z');
});

test('lists, ranges, month and weekday names: 0 30 8 ? * MON-FRI / 0 0 9 1 JAN,JUL ?', () => {
  assert.equal(nextFireTime('0 30 8 ? * MON-FRI', after)!.toISOString(), '2026-03-03T08:30:00.000Z');
  assert.equal(nextFireTime('0 0 9 1 JAN,JUL ?', after)!.toISOString(), '2026-07-01T09:00:00.000Z');
  assert.equal(nextFireTime('0 0 12 ? * SUN', after)!.toISOString(), '2026-03-08T12:00:00.000Z');
});

test('an optional year bounds the schedule; a past year never fires', () => {
  assert.equal(nextFireTime('0 0 0 1 1 ? 2027', after)!.toISOString(), '2027-01-01T00:00:00.000Z');
  assert.equal(nextFireTime('0 0 0 1 1 ? 2025', after), null);
});

test('malformed expressions raise; L, W and # are outside the local subset (LOCAL_UNSUPPORTED)', () => {
  assert.throws(() => nextFireTime('0 0 25 * * ?', after), OrgError);
  assert.throws(() => nextFireTime('0 0', after), OrgError);
  assert.throws(() => nextFireTime('0 0 0 L * ?', after), /LOCAL_UNSUPPORTED/);
});

test('schedules years ahead get their NextFireTime (Apex Scheduler: the optional Year field runs to 2199)', () => {
  assert.equal(nextFireTime('0 0 0 1 1 ? 2040', after)!.toISOString(), '2040-01-01T00:00:00.000Z');
  assert.equal(nextFireTime('0 0 12 29 FEB ? 2032,2100,2104', after)!.toISOString(), '2032-02-29T12:00:00.000Z');
  // 29 February on a Monday: next in 2044
  assert.equal(nextFireTime('0 0 6 29 2 MON', after)!.toISOString(), '2044-02-29T06:00:00.000Z');
  // no month has a 30 February: never
  assert.equal(nextFireTime('0 0 0 30 2 ?', after), null);
});
