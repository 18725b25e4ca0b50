/** Bounded waits the run loop needs between its phases. */
import type { FaultProxy } from '../proxy/fault-proxy.js';

/**
 * Resolves once the proxy has no live pair (every connection fully closed on both legs),
 * or after `timeoutMs`. Readback waits on this so that the server has seen every reset
 * before it is asked what it kept; `leaked` waits on it for `closeWithin`.
 */
export function proxyIdle(proxy: FaultProxy, timeoutMs: number): Promise<boolean> {
  if (proxy.stats().pairs.length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    let settled = false;
    const done = (idle: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      proxy.off('event', onEvent);
      resolve(idle);
    };
    // A pair logs its `bytes` totals just before the proxy forgets it, so the count is
    // read a microtask later: read at once, the last pair is still there and the wait
    // would run to its timeout.
    const onEvent = (event: { type: string }): void => {
      if (event.type === 'bytes') queueMicrotask(() => proxy.stats().pairs.length === 0 && done(true));
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    proxy.on('event', onEvent);
  });
}

/** Resolves with the promise's value, or with `onTimeout()` after `ms` (the timer is cleared). */
export async function within<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
