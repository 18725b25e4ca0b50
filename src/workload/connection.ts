/**
 * Socket chores shared by every built-in workload and readback: bounded connects, graceful
 * closes, abortable pauses and the reconnect backoff. Every wait here has a bound and
 * stops on the run's signal, so a stalled proxy or server can never hang a run.
 */
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SockfaultError } from '../errors.js';

/** Listener that keeps a late socket error (after we stopped caring) from crashing the process. */
export function ignoreError(): void {}

/**
 * Settles like `promise`, or rejects with ERR_TIMEOUT after `ms`, or with the signal's
 * reason once it aborts. Cleans up its timer and listener either way.
 */
export function bounded<T>(promise: Promise<T>, ms: number, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      cleanup();
      reject(new SockfaultError('ERR_TIMEOUT', `${what}: no answer within ${ms} ms`));
    }, ms);
    const onAbort = (): void => {
      cleanup();
      reject(abortReason(signal));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

/** The signal's reason, or a plain AbortError when it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The run was aborted', 'AbortError');
}

/**
 * Opens a socket with `open` within `ms`. A connect that settles after we gave up is
 * destroyed rather than leaked. The returned socket always has an 'error' listener.
 */
export async function openBounded(open: () => Promise<Socket>, ms: number, signal: AbortSignal): Promise<Socket> {
  const attempt = open();
  try {
    const socket = await bounded(attempt, ms, signal, 'connect');
    socket.on('error', ignoreError);
    return socket;
  } catch (error) {
    attempt.then((late) => {
      late.on('error', ignoreError);
      late.destroy();
    }, ignoreError);
    throw error;
  }
}

/** Sends FIN and waits (at most `ms`) for the peer to close too; destroys the socket otherwise. */
export async function closeGracefully(socket: Socket, ms: number): Promise<void> {
  socket.on('error', ignoreError);
  if (socket.destroyed) return;
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.end();
  const timer = setTimeout(() => socket.destroy(), ms);
  await closed;
  clearTimeout(timer);
}

/** Waits `ms`; resolves false instead if the signal aborts first. */
export async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds to wait before reconnect number `attempt` (1-based): the first is
 * immediate (a reset peer is usually back at once), then 50, 100, 200 … capped at 1 s, so
 * five attempts also ride out a short target restart.
 */
export function reconnectDelay(attempt: number): number {
  return attempt <= 1 ? 0 : Math.min(25 * 2 ** (attempt - 1), 1000);
}
