/** Conformance: Date, Datetime and Time (Apex Reference Guide, "Date Class", "Datetime Class", "Time Class"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debug, failure } from '../testing.ts';

test('Date arithmetic: addDays/addMonths (clamped to month end)/daysBetween/monthsBetween/toStartOfMonth', () => {
  assert.deepEqual(
    debug(
      `Date d = Date.newInstance(2024, 1, 31); System.debug(d.addMonths(1)); System.debug(d.addDays(30)); System.debug(d.daysBetween(Date.newInstance(2024, 3, 1))); System.debug(d.monthsBetween(Date.newInstance(2024, 5, 1))); System.debug(d.toStartOfMonth()); System.debug(Date.isLeapYear(2024) + ' ' + Date.daysInMonth(2023, 2));`,
    ),
    ['2024-02-29', '2024-03-01', '30', '4', '2024-01-01', 'true 28'],
  );
});

test('Date.valueOf parses yyyy-MM-dd; junk is a TypeException', () => {
  assert.deepEqual(debug(`System.debug(Date.valueOf('2026-03-02').day());`), ['2']);
  assert.equal(failure(`Date d = Date.valueOf('03/02/2026x');`).type, 'System.TypeException');
});

test('Datetime GMT accessors, addHours, getTime and formatGmt patterns (SimpleDateFormat)', () => {
  assert.deepEqual(
    debug(
      `Datetime t = Datetime.newInstanceGmt(2026, 3, 2, 23, 30, 5); System.debug(t.addHours(1).dateGmt()); System.debug(t.getTime()); System.debug(t.formatGmt('EEE, d MMM yyyy HH:mm:ss.SSS')); System.debug(t.formatGmt('h:mm a'));`,
    ),
    ['2026-03-03', '1772494205000', 'Mon, 2 Mar 2026 23:30:05.000', '11:30 PM'],
  );
});

test('Datetime.valueOfGmt and comparison operators', () => {
  assert.deepEqual(
    debug(
      `Datetime a = Datetime.valueOfGmt('2026-03-02 10:00:00'); Datetime b = a.addMinutes(1); System.debug(a < b); System.debug(b.minuteGmt());`,
    ),
    ['true', '1'],
  );
});

test('Time: newInstance, accessors and wrap-around arithmetic', () => {
  assert.deepEqual(
    debug(
      `Time t = Time.newInstance(23, 59, 0, 0); System.debug(t.addMinutes(2)); System.debug(t.hour() + ':' + t.minute());`,
    ),
    ['00:01:00.000Z', '23:59'],
  );
});
