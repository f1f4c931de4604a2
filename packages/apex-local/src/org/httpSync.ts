/**
 * Synchronous HTTP for the synchronous interpreter: a worker thread runs `fetch`, the caller blocks on
 * Atomics.wait over a SharedArrayBuffer and then reads the reply with receiveMessageOnPort.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export interface SyncHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export type SyncHttpReply =
  | { ok: true; status: number; statusText: string; headers: Record<string, string>; body: string; elapsedMs: number }
  | { ok: false; error: string; timedOut: boolean; elapsedMs: number };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ request, port, signal }) => {
  const flag = new Int32Array(signal);
  const started = Date.now();
  let reply;
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs);
    const init = { method: request.method, headers: request.headers, signal: controller.signal };
    if (request.body && request.method !== 'GET' && request.method !== 'HEAD') init.body = request.body;
    const res = await fetch(request.url, init);
    const body = await res.text();
    clearTimeout(timer);
    const headers = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    reply = { ok: true, status: res.status, statusText: res.statusText, headers, body, elapsedMs: Date.now() - started };
  } catch (e) {
    const timedOut = e && e.name === 'AbortError';
    const cause = e && e.cause ? String(e.cause.code || e.cause.message || e.cause) : '';
    reply = { ok: false, error: cause || String(e && e.message || e), timedOut, elapsedMs: Date.now() - started };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

let worker: Worker | undefined;

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
  }
  return worker;
}

/** Sends one request and blocks until the reply (or timeout + 1 s grace) arrives. */
export function httpRequestSync(request: SyncHttpRequest): SyncHttpReply {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const started = Date.now();
  getWorker().postMessage({ request, port: port2, signal }, [port2]);
  const waited = Atomics.wait(flag, 0, 0, request.timeoutMs + 1000);
  const message = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' || !message)
    return { ok: false, error: 'Read timed out', timedOut: true, elapsedMs: Date.now() - started };
  return message.message as SyncHttpReply;
}

/** Lets the process exit promptly (tests call this in an after hook). */
export async function stopHttpWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
