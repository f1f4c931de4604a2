/**
 * Messaging.CustomNotification (Apex Reference Guide, "CustomNotification Class"): the notification is handed to
 * the host (the local runtime records it, in order, for the local run and the tests to inspect); nothing is
 * delivered. Emails (Messaging.SingleEmailMessage…) are not implemented and stay behind the fence.
 */
import type { ExecutionContext } from '../interp/context.ts';
import { NativeV, SetV, type Value } from '../values.ts';
import { str } from './args.ts';
import type { Stdlib } from './registry.ts';
import type { MethodFn } from './types.ts';

export interface SentNotification {
  notificationTypeId: string | null;
  title: string | null;
  body: string | null;
  targetId: string | null;
  targetPageRef: string | null;
  senderId: string | null;
  recipients: string[];
}

const FIELDS = ['notificationTypeId', 'title', 'body', 'targetId', 'targetPageRef', 'senderId'] as const;

function setter(field: (typeof FIELDS)[number]): MethodFn {
  return (_ix, n: NativeV, [v]) => {
    n.data[field] = v === null ? null : String(v);
    return null;
  };
}

function send(ix: ExecutionContext, n: NativeV, recipients: Value): Value {
  if (!(recipients instanceof SetV)) return ix.fail('System.NullPointerException', 'Argument cannot be null.');
  const sink = ix.hooks as unknown as { sendCustomNotification?: (n: SentNotification) => void };
  if (!sink.sendCustomNotification)
    return ix.unsupported('Messaging.CustomNotification.send outside the local runtime');
  sink.sendCustomNotification({
    ...(n.data as Omit<SentNotification, 'recipients'>),
    recipients: recipients.values().map((r) => str(ix, r)),
  });
  return null;
}

export function installMessaging(lib: Stdlib): void {
  const methods: Record<string, MethodFn> = { send: (ix, n: NativeV, [r]) => send(ix, n, r) };
  for (const f of FIELDS) methods['set' + f.toLowerCase()] = setter(f);
  lib.register({
    name: 'Messaging.CustomNotification',
    construct: (_ix, args) => {
      // new CustomNotification(typeId, sender, title, body, targetId, targetPageRef) or no arguments
      const [notificationTypeId, senderId, title, body, targetId, targetPageRef] = [0, 1, 2, 3, 4, 5].map((i) =>
        args[i] === null || args[i] === undefined ? null : String(args[i]),
      );
      return new NativeV('Messaging.CustomNotification', {
        notificationTypeId,
        senderId,
        title,
        body,
        targetId,
        targetPageRef,
      });
    },
    methods,
  });
}
