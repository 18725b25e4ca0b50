/**
 * One running instance of a `module` target, from either export:
 *
 *   createServer() → net.Server | http.Server   listened on 127.0.0.1:port by us; its
 *                                               sockets are tracked so they can be cut
 *   start({ port, host }) → { close() }         listens by itself; ready once the port accepts
 *
 * Closing a createServer() instance (the module's own close() for start()):
 *   reset    kill-target SIGKILL: an RST on every connection, the server closed
 *   end      kill-target with a graceful signal: the server closed, a FIN (end()) on every
 *            connection after what it had queued; what is still open after CLOSE_MS is reset
 *   destroy  stop(): every connection destroyed, the server closed
 */
import type { Server, Socket } from 'node:net';
import { pEvent } from 'p-event';
import { SockfaultError } from '../errors.js';
import { waitForPort } from './ready.js';
import { settlesWithin } from './running-target.js';

/** Bounds for listening, becoming reachable and closing. */
const LISTEN_MS = 5000;
const READY_MS = 10_000;
const CLOSE_MS = 2000;

/** How an instance's open connections are closed (see the diagram above). */
export type CloseMode = 'reset' | 'end' | 'destroy';

/** A listening instance of the module's server. */
export interface ModuleInstance {
  readonly port: number;
  /** Closes it and its open connections as `mode` says; settles within CLOSE_MS (twice for `end`). */
  close(mode: CloseMode): Promise<void>;
}

/** Starts an instance on `port` (0: any free port, for a first `createServer()`). */
export type ModuleLauncher = (port: number) => Promise<ModuleInstance>;

function fail(message: string, cause?: unknown): never {
  throw new SockfaultError('ERR_TARGET_START', `target.module: ${message}`, { cause, location: 'target.module' });
}

function isServer(value: unknown): value is Server {
  return typeof value === 'object' && value !== null && typeof (value as Server).listen === 'function' && typeof (value as Server).on === 'function';
}

/** A launcher for a module exporting `createServer()`. */
export function createServerLauncher(createServer: () => unknown): ModuleLauncher {
  return async (port) => {
    let server: unknown;
    try {
      server = await createServer();
    } catch (cause) {
      fail(`createServer() threw: ${(cause as Error)?.message ?? String(cause)}`, cause);
    }
    if (!isServer(server)) fail('createServer() must return a net.Server or http.Server');
    if (server.listening) fail('createServer() must return a server that is not listening yet (sockfault picks the port)');
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.listen({ host: '127.0.0.1', port });
    try {
      await pEvent(server, 'listening', { timeout: LISTEN_MS });
    } catch (cause) {
      server.close();
      fail(`the server could not listen on 127.0.0.1:${port}: ${(cause as Error).message}`, cause);
    }
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    return { port: actual, close: (mode) => closeServer(server, sockets, mode) };
  };
}

async function closeServer(server: Server, sockets: Set<Socket>, mode: CloseMode): Promise<void> {
  const timeout = mode === 'end' ? 2 * CLOSE_MS : CLOSE_MS;
  const closed = server.listening ? pEvent(server, 'close', { timeout }).catch(() => {}) : Promise.resolve();
  server.close();
  cut(sockets, mode);
  // A FIN closes a connection only once its peer closes too; one that does not is cut, as SIGKILL would.
  if (mode === 'end' && !(await settlesWithin(Promise.all([...sockets].map(closeOf)), CLOSE_MS))) cut(sockets, 'reset');
  await closed;
}

function closeOf(socket: Socket): Promise<void> | undefined {
  return socket.closed ? undefined : new Promise((resolve) => socket.once('close', () => resolve()));
}

function cut(sockets: Set<Socket>, mode: CloseMode): void {
  for (const socket of sockets) {
    // The server is going away; a late error on one of its sockets must not crash anything.
    socket.on('error', () => {});
    if (socket.destroyed) continue;
    if (mode === 'reset') socket.resetAndDestroy();
    else if (mode === 'end') socket.end();
    else socket.destroy();
  }
}

/** A launcher for a module exporting `start({ port, host })`. */
export function startLauncher(start: (options: { port: number; host: string }) => unknown): ModuleLauncher {
  return async (port) => {
    let handle: unknown;
    try {
      handle = await start({ port, host: '127.0.0.1' });
    } catch (cause) {
      fail(`start() threw: ${(cause as Error)?.message ?? String(cause)}`, cause);
    }
    const close = (handle as { close?: unknown } | null)?.close;
    if (typeof close !== 'function') fail('start({ port }) must return (or resolve to) an object with a close() method');
    const closeHandle = async (): Promise<void> => {
      await settlesWithin(Promise.resolve().then(() => close.call(handle)), CLOSE_MS);
    };
    try {
      await waitForPort(port, AbortSignal.timeout(READY_MS));
    } catch (cause) {
      await closeHandle();
      throw new SockfaultError('ERR_TARGET_NOT_READY', `target.module: start() did not accept connections on 127.0.0.1:${port} within ${READY_MS} ms`, {
        cause,
        location: 'target.module',
      });
    }
    return { port, close: closeHandle };
  };
}
