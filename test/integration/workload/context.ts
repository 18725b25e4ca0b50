/**
 * Test helper: a WorkloadContext for integration tests, pointed at any address (a server
 * directly, or a FaultProxy). Every socket it opens is tracked and destroyed by `close()`.
 */
import net from 'node:net';
import type { Socket } from 'node:net';
import { pEvent } from 'p-event';
import { HistoryRecorder } from '../../../src/history/recorder.js';
import { createRandom } from '../../../src/runner/random.js';
import type { ReadbackContext, WorkloadContext } from '../../../src/workload/types.js';

export interface TestContext {
  ctx: WorkloadContext;
  history: HistoryRecorder;
  logs: string[];
  /** Sockets opened through `ctx.connect()`, in order. */
  sockets: Socket[];
  controller: AbortController;
  /** Aborts the signal and destroys every socket still open. */
  close(): void;
}

export interface TestContextOptions {
  runId?: string;
  seed?: number;
  options?: Record<string, unknown>;
  /** Defaults to "unknown" (undefined), as for a direct connection. */
  connectionOf?: (socket: Socket) => number | undefined;
}

/** Builds a context whose `proxy` and `connect()` point at `address`. */
export function createTestContext(address: { host: string; port: number }, options: TestContextOptions = {}): TestContext {
  const runId = options.runId ?? 'r1';
  const history = new HistoryRecorder(runId);
  const controller = new AbortController();
  const logs: string[] = [];
  const sockets: Socket[] = [];
  const ctx: WorkloadContext = {
    proxy: { ...address },
    async connect() {
      const socket = net.connect({ host: address.host, port: address.port });
      socket.on('error', () => undefined);
      sockets.push(socket);
      await pEvent(socket, 'connect', { timeout: 5000 });
      return socket;
    },
    connectionOf: options.connectionOf ?? (() => undefined),
    history,
    runId,
    random: createRandom(options.seed ?? 1),
    signal: controller.signal,
    log: (message) => logs.push(message),
    options: options.options ?? {},
  };
  return {
    ctx,
    history,
    logs,
    sockets,
    controller,
    close() {
      controller.abort();
      for (const socket of sockets) socket.destroy();
    },
  };
}

/** A ReadbackContext pointed at `target`. */
export function readbackContext(
  target: { host: string; port: number },
  runId = 'r1',
  signal: AbortSignal = new AbortController().signal,
): ReadbackContext {
  return { target, runId, signal };
}
