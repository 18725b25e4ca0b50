/** Test helpers for real loopback sockets: read everything a peer saw, write with backpressure. */
import { createHash } from 'node:crypto';
import net, { type Server, type Socket } from 'node:net';
import { pEvent } from 'p-event';
import { createRandom } from '../../src/runner/random.js';

/** What one peer saw on its socket until it closed. */
export interface Received {
  data: Buffer;
  /** Number of 'data' events (reads). */
  reads: number;
  /** 'end' when a FIN (or an RST that libuv reported as end) arrived before close. */
  ended: boolean;
  errorCode?: string;
}

/** Collects everything `socket` reads until 'close' (bounded by `timeout`). */
export function collect(socket: Socket, timeout = 20_000): Promise<Received> {
  const chunks: Buffer[] = [];
  const received: Received = { data: Buffer.alloc(0), reads: 0, ended: false };
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    received.reads++;
  });
  socket.on('end', () => {
    received.ended = true;
  });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    received.errorCode = error.code;
  });
  return pEvent(socket, 'close', { timeout, rejectionEvents: [] }).then(() => {
    received.data = Buffer.concat(chunks);
    return received;
  });
}

/** Reads until `length` bytes have arrived (bounded), leaving the socket open. */
export async function readBytes(socket: Socket, length: number, timeout = 10_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    total += chunk.length;
    if (total >= length) socket.emit('sockfault:enough');
  };
  socket.on('data', onData);
  try {
    if (total < length) await pEvent(socket, 'sockfault:enough', { timeout, rejectionEvents: ['close', 'error'] });
  } finally {
    socket.off('data', onData);
  }
  return Buffer.concat(chunks);
}

/** Writes `data` in seeded random slices of 1..maxSlice bytes, honouring `drain`. */
export async function writeInSlices(socket: Socket, data: Buffer, seed: number, maxSlice = 65_536): Promise<void> {
  const random = createRandom(seed);
  let offset = 0;
  while (offset < data.length) {
    const size = Math.min(data.length - offset, random.int(1, maxSlice));
    const ok = socket.write(data.subarray(offset, offset + size));
    offset += size;
    if (!ok) await pEvent(socket, 'drain', { timeout: 20_000, rejectionEvents: ['close', 'error'] });
  }
}

/** Seeded random bytes. */
export function randomBytes(length: number, seed: number): Buffer {
  const random = createRandom(seed);
  const buffer = Buffer.allocUnsafe(length);
  let i = 0;
  for (; i + 4 <= length; i += 4) buffer.writeUInt32LE((random.next() * 0x1_0000_0000) >>> 0, i);
  for (; i < length; i++) buffer[i] = random.int(0, 255);
  return buffer;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A TCP server on 127.0.0.1:0 whose accepted sockets are handed to the test. */
export async function listenServer(options: net.ServerOpts = { allowHalfOpen: true }): Promise<{
  server: Server;
  port: number;
  accepted: () => Promise<Socket>;
  close: () => Promise<void>;
}> {
  const server = net.createServer(options);
  const sockets = new Set<Socket>();
  const queue: Socket[] = [];
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    queue.push(socket);
    server.emit('sockfault:accepted');
  });
  server.listen(0, '127.0.0.1');
  await pEvent(server, 'listening', { timeout: 5000 });
  const { port } = server.address() as net.AddressInfo;
  return {
    server,
    port,
    accepted: async () => {
      if (queue.length === 0) await pEvent(server, 'sockfault:accepted', { timeout: 10_000 });
      return queue.shift()!;
    },
    close: async () => {
      const closing = [...sockets].map((socket) => (socket.closed ? undefined : pEvent(socket, 'close', { timeout: 5000, rejectionEvents: [] })));
      for (const socket of sockets) socket.destroy();
      await Promise.all([...closing, new Promise<void>((resolve) => server.close(() => resolve()))]);
    },
  };
}

/** Connects to 127.0.0.1:port and waits for 'connect'. */
export async function connectTo(port: number, options: Partial<net.TcpNetConnectOpts> = {}): Promise<Socket> {
  const socket = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true, ...options });
  socket.on('error', () => undefined);
  await pEvent(socket, 'connect', { timeout: 5000 });
  return socket;
}
