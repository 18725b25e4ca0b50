/**
 * Waiting until a spawned target is ready. Every wait ends when `signal` aborts (the
 * caller aborts it on the ready timeout, on the process's exit and on the user's
 * signal) and then rejects with `signal.reason`.
 *
 *   port       connect to 127.0.0.1:PORT, retry with a small backoff until one succeeds
 *   { log }    a complete stdout/stderr line matches the pattern
 *   { ms }     that many milliseconds pass
 */
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pEvent } from 'p-event';
import type { Ready } from './command-input.js';
import type { OutputRecorder } from './output.js';

/** First and largest pause between two connection attempts of `ready: port`. */
const FIRST_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 100;
/** How long a probe connection may linger while its FIN exchange completes. */
const PROBE_LINGER_MS = 1000;

/** Waits until `ready` holds for a process listening (eventually) on `port`. */
export async function waitForReady(
  ready: Ready,
  context: { port: number; output: OutputRecorder; signal: AbortSignal },
): Promise<void> {
  const { signal } = context;
  signal.throwIfAborted();
  switch (ready.kind) {
    case 'ms':
      await sleep(ready.ms, undefined, { signal }).catch(() => signal.throwIfAborted());
      return;
    case 'log':
      await pEvent(context.output, 'line', { filter: (line: string) => ready.pattern.test(line), signal });
      return;
    case 'port':
      await waitForPort(context.port, signal);
  }
}

/** Retries a TCP connection to 127.0.0.1:`port` until one is accepted. */
export async function waitForPort(port: number, signal: AbortSignal): Promise<void> {
  let backoff = FIRST_BACKOFF_MS;
  for (;;) {
    if (await probe(port, signal)) return;
    await sleep(backoff, undefined, { signal }).catch(() => signal.throwIfAborted());
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
}

/** One connection attempt: true when accepted, false when refused; rejects on abort. */
function probe(port: number, signal: AbortSignal): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const onAbort = (): void => {
      socket.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.on('error', () => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      release(socket);
      resolve(true);
    });
  });
}

// Close the probe gently: a FIN, not an RST, and read whatever the server greets us
// with, so that a server without an 'error' handler is not crashed by its own probe.
function release(socket: ReturnType<typeof connect>): void {
  socket.setTimeout(PROBE_LINGER_MS, () => socket.destroy());
  socket.resume();
  socket.end();
}
