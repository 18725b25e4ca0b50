export { FaultProxy, type FaultProxyOptions, type ProxyStats } from './fault-proxy.js';
export { openPair, type OpenPairOptions, type OpenedPair } from './open-pair.js';
export type { LinkStats } from './link.js';
export type { CloseKind, Leg, TransportEvent } from './transport-log.js';
