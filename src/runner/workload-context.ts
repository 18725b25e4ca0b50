/** Builds the WorkloadContext a workload runs with: raw sockets through the proxy, numbered. */
import net, { type Socket } from 'node:net';
import { pEvent } from 'p-event';
import type { HistoryRecorder } from '../history/recorder.js';
import type { FaultProxy } from '../proxy/fault-proxy.js';
import type { WorkloadContext } from '../workload/types.js';
import type { Random } from './random.js';

export interface ContextParts {
  proxy: FaultProxy;
  address: { host: string; port: number };
  history: HistoryRecorder;
  runId: string;
  random: Random;
  signal: AbortSignal;
  options: Record<string, unknown>;
  log: string[];
}

/** How long `connect()` waits for the TCP handshake. */
const CONNECT_TIMEOUT_MS = 5000;

export function createWorkloadContext(parts: ContextParts): WorkloadContext {
  const { proxy, address } = parts;
  const numbers = new WeakMap<Socket, number>();
  return {
    proxy: address,
    history: parts.history,
    runId: parts.runId,
    random: parts.random,
    signal: parts.signal,
    options: parts.options,
    log: (message) => void parts.log.push(message),
    async connect() {
      const socket = net.connect({ host: address.host, port: address.port });
      socket.on('error', () => undefined);
      try {
        await pEvent(socket, 'connect', { timeout: CONNECT_TIMEOUT_MS, signal: parts.signal });
      } catch (error) {
        socket.destroy();
        throw error;
      }
      // The proxy numbers connections in accept order; learn ours from our local port.
      const port = socket.localPort;
      if (port !== undefined) {
        const number = proxy.connectionFor(port) ?? (await acceptedNumber(proxy, port));
        if (number !== undefined) numbers.set(socket, number);
      }
      return socket;
    },
    connectionOf: (socket) => numbers.get(socket) ?? (socket.localPort ? proxy.connectionFor(socket.localPort) : undefined),
  };
}

/** The proxy accepts a moment after the client's handshake completes: wait for that pair. */
async function acceptedNumber(proxy: FaultProxy, port: number): Promise<number | undefined> {
  try {
    await pEvent(proxy, 'pair', { timeout: 1000, filter: () => proxy.connectionFor(port) !== undefined });
  } catch {
    return undefined;
  }
  return proxy.connectionFor(port);
}
