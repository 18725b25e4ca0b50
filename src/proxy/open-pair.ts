/**
 * openPair: two connected real TCP sockets with the fault proxy between them, for
 * unit-testing a protocol handler or a client without writing a server.
 *
 *   client ──▶ FaultProxy ──▶ server   (the server socket is the one a net.Server accepted)
 */
import net, { type Socket } from 'node:net';
import { pEvent } from 'p-event';
import type { Fault, FaultInput } from '../faults/types.js';
import { FaultProxy, type FaultProxyOptions } from './fault-proxy.js';
import { guard } from './legs.js';

export interface OpenPairOptions extends Omit<FaultProxyOptions, 'target'> {
  faults?: readonly (FaultInput | Fault)[];
  /** Options of both end sockets (default `allowHalfOpen: true`, so half-close can be observed). */
  allowHalfOpen?: boolean;
  /** Bound on each wait while opening (ms). Default 5000. */
  timeout?: number;
}

export interface OpenedPair {
  /** The client's socket (connected to the proxy). */
  client: Socket;
  /** The server's accepted socket (connected from the proxy). */
  server: Socket;
  proxy: FaultProxy;
  /** Destroys both sockets, the proxy and the internal server. */
  close(): Promise<void>;
}

export async function openPair(options: OpenPairOptions = {}): Promise<OpenedPair> {
  const { allowHalfOpen = true, timeout = 5000, ...proxyOptions } = options;
  const listener = net.createServer({ allowHalfOpen });
  listener.listen(0, '127.0.0.1');
  await pEvent(listener, 'listening', { timeout });
  const { port } = listener.address() as net.AddressInfo;
  const proxy = new FaultProxy({ ...proxyOptions, target: { host: '127.0.0.1', port } });
  const close = async (sockets: Socket[]): Promise<void> => {
    for (const socket of sockets) {
      guard(socket);
      socket.destroy();
    }
    await proxy.close();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  };
  try {
    const address = await proxy.listen();
    const accepted = pEvent<string, Socket>(listener, 'connection', { timeout });
    const client = net.connect({ ...address, allowHalfOpen });
    const [server] = await Promise.all([accepted, pEvent(client, 'connect', { timeout })]);
    return { client, server, proxy, close: () => close([client, server]) };
  } catch (error) {
    await close([]);
    throw error;
  }
}
