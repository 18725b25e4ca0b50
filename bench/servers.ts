/**
 * The bench's target server and client drivers, shared by every relay mode.
 *
 *   driver ──[1 mode byte][payload]──▶ (relay under test ▶) target server
 *     's' sink: counts, answers its byte count + FIN once the client's FIN arrived
 *     'e' echo: writes every byte back (with backpressure), FIN after FIN
 *     'd' download: payload is "<size>\n"; sends that many bytes (with backpressure), then FIN
 *
 * One server serves both scenarios so that a relay child needs a single target port.
 * The drivers time from the first write to the last byte back, and check the counts.
 */
import net, { type AddressInfo, type Server, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

const SINK = 0x73; // 's'
const ECHO = 0x65; // 'e'
const DOWNLOAD = 0x64; // 'd'
const BLOCK = Buffer.alloc(64 * 1024, 0x5a);

/** Starts the target server on 127.0.0.1 (a free port). */
export function startTargetServer(): Promise<Server> {
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, serve);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function serve(socket: Socket): void {
  socket.on('error', () => socket.destroy());
  let mode = 0;
  let received = 0;
  let request: string | undefined = '';
  socket.on('drain', () => socket.resume());
  socket.on('data', (chunk: Buffer) => {
    if (mode === 0) {
      mode = chunk[0]!;
      chunk = chunk.subarray(1);
    }
    received += chunk.length;
    if (mode === ECHO) {
      if (chunk.length > 0 && !socket.write(chunk)) socket.pause();
    } else if (mode === DOWNLOAD && request !== undefined) {
      request += chunk.toString('latin1');
      if (request.includes('\n')) {
        const size = Number.parseInt(request, 10);
        request = undefined;
        socket.removeAllListeners('drain');
        send(socket, size);
      }
    }
  });
  socket.on('end', () => {
    if (mode === SINK) socket.end(String(received));
    else if (mode === ECHO) socket.end();
  });
}

/** Writes `total` bytes of `block` repeatedly, honouring backpressure, then a FIN. */
function send(socket: Socket, total: number, block: Buffer = BLOCK): void {
  let left = total;
  const pump = (): void => {
    while (left > 0) {
      const piece = left >= block.length ? block : block.subarray(0, left);
      left -= piece.length;
      if (!socket.write(piece)) {
        socket.once('drain', pump);
        return;
      }
    }
    socket.end();
  };
  pump();
}

export interface Endpoint {
  host: string;
  port: number;
}

function connect(to: Endpoint, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: to.host, port: to.port, allowHalfOpen: true, noDelay: true });
    const timer = setTimeout(() => fail(new Error(`connect to ${to.port} timed out`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/** Runs `body` on a fresh connection; rejects after `timeoutMs` or on any socket error. */
async function withConnection<T>(
  to: Endpoint,
  timeoutMs: number,
  body: (socket: Socket, done: (value: T) => void, fail: (error: Error) => void) => void,
): Promise<T> {
  const socket = await connect(to, timeoutMs);
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      const settle = (action: () => void): void => {
        clearTimeout(timer);
        action();
      };
      socket.on('error', (error) => settle(() => reject(error)));
      socket.on('close', () => settle(() => reject(new Error('connection closed early'))));
      body(
        socket,
        (value) => settle(() => resolve(value)),
        (error) => settle(() => reject(error)),
      );
    });
  } finally {
    socket.removeAllListeners('close');
    socket.on('error', () => undefined);
    socket.destroy();
  }
}

/** The mode byte, then `total` bytes of `block`, then a FIN. */
function writeAll(socket: Socket, mode: number, total: number, block: Buffer): void {
  socket.write(Buffer.of(mode));
  send(socket, total, block);
}

/** One-way: `total` bytes to the sink; resolves with ms from the first write to the sink's answer. */
export function oneWay(to: Endpoint, total: number, block: Buffer, timeoutMs: number): Promise<number> {
  return withConnection(to, timeoutMs, (socket, done, fail) => {
    let answer = '';
    const start = performance.now();
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => (answer += text));
    socket.on('end', () => {
      const ms = performance.now() - start;
      if (Number(answer) === total) done(ms);
      else fail(new Error(`sink counted ${answer} bytes, expected ${total}`));
    });
    writeAll(socket, SINK, total, block);
  });
}

/** Echo: `total` bytes out and back; resolves with ms from the first write to the last byte back. */
export function echo(to: Endpoint, total: number, block: Buffer, timeoutMs: number): Promise<number> {
  return withConnection(to, timeoutMs, (socket, done, fail) => {
    let back = 0;
    const start = performance.now();
    socket.on('data', (chunk: Buffer) => (back += chunk.length));
    socket.on('end', () => {
      const ms = performance.now() - start;
      if (back === total) done(ms);
      else fail(new Error(`echo returned ${back} bytes, expected ${total}`));
    });
    writeAll(socket, ECHO, total, block);
  });
}

/** Download: the server sends `total` bytes; resolves with ms from the request to the server's FIN. */
export function download(to: Endpoint, total: number, timeoutMs: number): Promise<number> {
  return withConnection(to, timeoutMs, (socket, done, fail) => {
    let received = 0;
    const start = performance.now();
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('end', () => {
      const ms = performance.now() - start;
      if (received === total) done(ms);
      else fail(new Error(`downloaded ${received} bytes, expected ${total}`));
    });
    socket.write(Buffer.concat([Buffer.of(DOWNLOAD), Buffer.from(`${total}\n`)]));
  });
}

/** Ping-pong of `size`-byte messages on one connection; resolves with every round trip in µs. */
export function roundTrips(to: Endpoint, count: number, size: number, timeoutMs: number): Promise<Float64Array> {
  return withConnection(to, timeoutMs, (socket, done) => {
    const message = Buffer.alloc(size, 0x61);
    const times = new Float64Array(count);
    let index = 0;
    let pending = size;
    let sentAt = 0;
    const send = (): void => {
      pending = size;
      sentAt = performance.now();
      socket.write(message);
    };
    socket.on('data', (chunk: Buffer) => {
      pending -= chunk.length;
      if (pending > 0) return;
      times[index++] = (performance.now() - sentAt) * 1000;
      if (index < count) send();
      else done(times);
    });
    socket.write(Buffer.of(ECHO));
    send();
  });
}

// As its own process (`--servers process`): prints the port, exits when stdin closes.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startTargetServer();
  process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
  process.stdin.on('end', () => process.exit(0)).resume();
  process.on('SIGTERM', () => process.exit(0));
  process.on('SIGINT', () => process.exit(0));
}
