/**
 * Test helper: the real FaultProxy in front of a server, with the `connectionOf` a runner
 * would give the workload (the proxy maps the client's local port to its pair number).
 */
import type { Socket } from 'node:net';
import type { FaultInput } from '../../../src/faults/types.js';
import { FaultProxy } from '../../../src/proxy/fault-proxy.js';

export interface RunningProxy {
  proxy: FaultProxy;
  host: string;
  port: number;
  connectionOf(socket: Socket): number | undefined;
  close(): Promise<void>;
}

/** Starts a FaultProxy to `target` with `faults`. */
export async function startProxy(target: { host: string; port: number }, faults: FaultInput[]): Promise<RunningProxy> {
  const proxy = new FaultProxy({ target, faults, seed: 1 });
  const { host, port } = await proxy.listen();
  return {
    proxy,
    host,
    port,
    connectionOf: (socket) => (socket.localPort === undefined ? undefined : proxy.connectionFor(socket.localPort)),
    close: () => proxy.close(),
  };
}

/** The fault of the brief: reset both legs of connection 1 once `bytes` bytes went upstream. */
export function resetAt(bytes: number, connection = 1): FaultInput {
  return { at: { connection, direction: 'upstream', bytes }, action: 'reset' };
}
