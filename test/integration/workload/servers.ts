/**
 * Test helper: starts the example servers of scenarios/servers in-process on a free
 * loopback port, and talks to them without going through the code under test.
 */
import { EventEmitter } from 'node:events';
import { get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';
import net from 'node:net';
import { pEvent } from 'p-event';

export interface RunningServer {
  host: string;
  port: number;
  server: Server;
  /**
   * Resolves once the server holds no connection. A proxy RST reaches the server leg a
   * little after the client leg, so wait for this before asking what the server kept.
   */
  idle(): Promise<void>;
  /** Destroys every connection and closes the listener. */
  close(): Promise<void>;
}

/** Starts any `net.Server` / `http.Server` on 127.0.0.1, port 0, tracking its sockets. */
export async function listen(server: Server): Promise<RunningServer> {
  const sockets = new Set<net.Socket>();
  const events = new EventEmitter();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) events.emit('idle');
    });
  });
  server.listen(0, '127.0.0.1');
  await pEvent(server, 'listening', { timeout: 5000 });
  const { port } = server.address() as net.AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    server,
    async idle() {
      if (sockets.size > 0) await pEvent(events, 'idle', { timeout: 5000 });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Imports `scenarios/servers/<name>` and starts its `createServer()`. */
export async function startExample(name: string): Promise<RunningServer> {
  const url = new URL(`../../../scenarios/servers/${name}`, import.meta.url).href;
  const module = (await import(url)) as { createServer(): Server };
  return listen(module.createServer());
}

/** Sends `LIST` to a line ledger and returns its `[id, payload]` entries (raw, independent of readback). */
export async function listLines(port: number): Promise<Array<[string, string]>> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  try {
    await pEvent(socket, 'connect', { timeout: 5000 });
    socket.setEncoding('utf8');
    let text = '';
    socket.write('LIST\n');
    await pEvent(socket, 'data', { timeout: 5000, filter: (chunk: string) => (text += chunk).endsWith('END\n') });
    return text
      .split('\n')
      .slice(0, -2)
      .map((line) => {
        const space = line.indexOf(' ');
        return [line.slice(0, space), line.slice(space + 1)];
      });
  } finally {
    socket.destroy();
  }
}

/** How many times each id appears. */
export function countIds(entries: Array<[string, string]> | Array<{ id: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    const id = Array.isArray(entry) ? entry[0] : entry.id;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Sends `{ list: true }` to a frames ledger and returns its entries (raw frames, independent of readback). */
export async function listFrames(port: number): Promise<Array<{ id: string; payload?: string }>> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  try {
    await pEvent(socket, 'connect', { timeout: 5000 });
    const body = Buffer.from(JSON.stringify({ list: true }));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(body.length);
    socket.write(Buffer.concat([header, body]));
    let buffered = Buffer.alloc(0);
    const messages: Array<Record<string, unknown>> = [];
    await pEvent(socket, 'data', {
      timeout: 5000,
      filter: (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 4 && buffered.length >= 4 + buffered.readUInt32BE(0)) {
          const length = buffered.readUInt32BE(0);
          messages.push(JSON.parse(buffered.subarray(4, 4 + length).toString()) as Record<string, unknown>);
          buffered = buffered.subarray(4 + length);
        }
        return messages.at(-1)?.end === true;
      },
    });
    return messages.slice(0, -1) as Array<{ id: string; payload?: string }>;
  } finally {
    socket.destroy();
  }
}

/** `GET /entries` on an HTTP ledger (its own connection, no agent). */
export async function listHttp(port: number, path = '/entries'): Promise<Array<{ id: string; payload?: string }>> {
  const req = get({ host: '127.0.0.1', port, path, agent: false });
  const res = (await pEvent(req, 'response', { timeout: 5000 })) as IncomingMessage;
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  await pEvent(res, 'end', { timeout: 5000 });
  return JSON.parse(text) as Array<{ id: string; payload?: string }>;
}
