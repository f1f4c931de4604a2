/**
 * Built-in interfaces user classes implement (Queueable, Finalizer, Schedulable, HttpCalloutMock, Comparable,
 * Database.AllowsCallouts, Metadata.DeployCallback …), usable as declared types. A user object is an instance
 * of one when its class implements it.
 */
import { iteratorMethods } from './collections.ts';
import type { Stdlib } from './registry.ts';

export function installInterfaces(lib: Stdlib): void {
  const iface = (name: string, aliases: string[] = []) => ({ name, aliases, abstract: true });
  lib.register(
    iface('Queueable', ['system.queueable']),
    iface('Finalizer', ['system.finalizer']),
    iface('Schedulable', ['system.schedulable']),
    iface('Comparable', ['system.comparable']),
    iface('Comparator', ['system.comparator']),
    iface('Database.AllowsCallouts'),
    iface('Database.Stateful'),
    iface('Database.Batchable'),
    iface('Metadata.DeployCallback'),
    // System.Iterable / System.Iterator (Apex Developer Guide, "Custom Iterators"); the Iterator that
    // List.iterator() and Set.iterator() return is this type too
    iface('Iterable', ['system.iterable']),
    { ...iface('Iterator', ['system.iterator']), methods: iteratorMethods },
  );
}
