/** Shared helpers for the local org's conformance tests: a fixture project, users and transactions. */
import { fileURLToPath } from 'node:url';
import type { DmlRowResult, PlainRecord, PlainValue } from './api.ts';
import { LocalOrg } from './localOrg.ts';

export const FIXTURE_PROJECT = fileURLToPath(new URL('./__fixtures__/project', import.meta.url));

let base: { org: LocalOrg; snapshot: unknown } | undefined;

/** A fresh view of the fixture org (loaded once, restored from a snapshot for each caller). */
export function fixtureOrg(options: { queueableStackDepthLimit?: number } = {}): LocalOrg {
  if (!base) {
    const org = LocalOrg.load(FIXTURE_PROJECT, { now: new Date('2026-03-02T10:00:00.000Z') });
    base = { org, snapshot: org.snapshot() };
  }
  base.org.restore(base.snapshot);
  base.org.setNow(new Date('2026-03-02T10:00:00.000Z'));
  base.org.setQueueableStackDepthLimit(options.queueableStackDepthLimit);
  return base.org;
}

export function rec(type: string, fields: Record<string, PlainValue>): PlainRecord {
  return { attributes: { type }, ...fields };
}

export function profileId(org: LocalOrg, name: string): string {
  return String(org.query(`SELECT Id FROM Profile WHERE Name = '${name}'`)[0]!.Id);
}

let counter = 0;
/** A valid new User (Standard User profile unless given). */
export function newUser(org: LocalOrg, overrides: Record<string, PlainValue> = {}): PlainRecord {
  counter++;
  return rec('User', {
    Username: `user${counter}@sync.example.com`,
    LastName: `User${counter}`,
    Email: `user${counter}@example.com`,
    Alias: `u${counter}`.slice(0, 8),
    TimeZoneSidKey: 'Europe/London',
    LocaleSidKey: 'en_GB',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US',
    ProfileId: profileId(org, 'Standard User'),
    ...overrides,
  });
}

/** Runs fn in a transaction (sync, test) and commits; rolls back if fn throws. */
export function inTransaction<T>(org: LocalOrg, fn: () => T, options: { async?: boolean; test?: boolean } = {}): T {
  org.beginTransaction({ async: options.async ?? false, test: options.test ?? true });
  try {
    const out = fn();
    org.commit();
    return out;
  } catch (e) {
    if (org.inTransaction) org.rollback();
    throw e;
  }
}

export function insert(org: LocalOrg, type: string, records: PlainRecord[], allOrNone = true): DmlRowResult[] {
  return org.api.dml({ op: 'insert', objectName: type, records, allOrNone });
}

export function firstError(
  results: DmlRowResult[],
): { statusCode: string; message: string; fields: string[] } | undefined {
  return results.find((r) => r.errors.length)?.errors[0];
}
