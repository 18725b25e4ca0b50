/** Test helpers around a FaultProxy. */
import { pEvent } from 'p-event';
import type { FaultProxy } from '../../src/proxy/fault-proxy.js';
import type { TransportEvent } from '../../src/proxy/transport-log.js';

/** Resolves with the first transport event (already logged or later) matching `predicate`. */
export async function waitForEvent(
  proxy: FaultProxy,
  predicate: (event: TransportEvent) => boolean,
  timeout = 10_000,
): Promise<TransportEvent> {
  const seen = proxy.log.find(predicate);
  if (seen) return seen;
  return pEvent(proxy, 'event', { filter: predicate, timeout }) as Promise<TransportEvent>;
}

/** Resolves once pair `connection` is gone (both legs closed). */
export function waitForPairClosed(proxy: FaultProxy, connection: number, timeout = 10_000): Promise<TransportEvent> {
  return waitForEvent(
    proxy,
    (event) => event.type === 'bytes' && event.connection === connection && event.direction === 'downstream',
    timeout,
  );
}
