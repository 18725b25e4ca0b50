import { afterEach, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { pEvent } from 'p-event';
import { openPair, type OpenedPair } from '../../../src/proxy/open-pair.js';
import { FaultProxy } from '../../../src/proxy/fault-proxy.js';
import { waitForEvent } from '../../helpers/proxy.js';
import { listenServer, randomBytes, readBytes } from '../../helpers/sockets.js';

let pair: OpenedPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

/** Counts the server's reads until `length` bytes have arrived. */
async function readsOf(server: net.Socket, length: number): Promise<{ data: Buffer; reads: number }> {
  let reads = 0;
  const count = (): void => void reads++;
  server.on('data', count);
  const data = await readBytes(server, length);
  server.off('data', count);
  return { data, reads };
}

/** Writes `count` messages of `size` bytes, each in its own macrotask (so each is its own segment). */
async function writeSeparately(socket: net.Socket, data: Buffer, size: number): Promise<void> {
  for (let offset = 0; offset < data.length; offset += size) {
    socket.write(data.subarray(offset, offset + size));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('stream-shaping faults', () => {
  it('fragment delivers the same bytes in many short reads', async () => {
    pair = await openPair({ faults: [{ at: { connection: 1 }, action: 'fragment', min: 1, max: 8 }], seed: 5 });
    const data = randomBytes(4000, 1);
    const reading = readsOf(pair.server, data.length);
    pair.client.write(data);
    const { data: got, reads } = await reading;
    expect(got).toEqual(data);
    expect(reads).toBeGreaterThanOrEqual(4000 / 8 / 2);
  });

  it('fragment sizes come from the seed: same seed, same pieces', async () => {
    const pieces = async (seed: number): Promise<number[]> => {
      const opened = await openPair({ faults: [{ action: 'fragment', min: 1, max: 50 }], seed });
      const sizes: number[] = [];
      opened.proxy.on('event', () => undefined);
      opened.server.on('data', (chunk: Buffer) => sizes.push(chunk.length));
      opened.client.write(randomBytes(1000, 2));
      await readBytes(opened.server, 1000).catch(() => undefined);
      await opened.close();
      return sizes;
    };
    const [a, b, c] = [await pieces(11), await pieces(11), await pieces(12)];
    expect(a.reduce((x, y) => x + y, 0)).toBe(1000);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('coalesce merges separate writes into fewer, bigger reads with the same bytes', async () => {
    pair = await openPair({ faults: [{ action: 'coalesce', bytes: 1000, ms: 1000 }] });
    const data = randomBytes(5000, 3);
    const reading = readsOf(pair.server, data.length);
    await writeSeparately(pair.client, data, 100);
    const { data: got, reads } = await reading;
    expect(got).toEqual(data);
    expect(reads).toBeLessThanOrEqual(5);
  });

  it('stall holds data without closing, then delivers all of it when the faults are cleared', async () => {
    pair = await openPair({ faults: [{ at: { bytes: 100 }, action: 'stall' }] });
    const { client, server, proxy } = pair;
    const data = randomBytes(10_000, 4);
    client.write(data);
    const first = await readBytes(server, 100);
    await waitForEvent(proxy, (e) => e.type === 'fault' && e.action === 'stall');
    // Everything after the offset is held by the proxy, nothing is dropped.
    const link = proxy.stats().pairs[0]!.upstream;
    expect(first.length).toBe(100);
    expect(link.dropped).toBe(0);
    const rest = readBytes(server, 9900);
    proxy.clearFaults();
    expect(Buffer.concat([first, await rest])).toEqual(data);
  });

  it('stall with ms releases on its own', async () => {
    pair = await openPair({ faults: [{ at: { bytes: 10 }, action: 'stall', ms: 50 }] });
    pair.client.write(Buffer.alloc(1000, 's'));
    expect((await readBytes(pair.server, 1000)).length).toBe(1000);
  });

  it('blackhole delivers nothing after the offset and keeps the connection open', async () => {
    pair = await openPair({ faults: [{ at: { bytes: 50 }, action: 'blackhole' }], recordData: true });
    const { client, server, proxy } = pair;
    const got: Buffer[] = [];
    server.on('data', (chunk: Buffer) => got.push(chunk));
    client.write(Buffer.alloc(5000, 'b'));
    // The proxy read (and dropped) everything: the byte counters say so.
    await waitForEvent(proxy, (e) => e.type === 'data' && e.direction === 'upstream' && e.offset + e.length === 5000);
    const link = proxy.stats().pairs[0]!.upstream;
    expect(link.forwarded).toBe(5000);
    expect(link.dropped).toBe(4950);
    // Still open both ways: the reverse direction works.
    server.write('pong');
    expect((await readBytes(client, 4)).toString()).toBe('pong');
    expect(Buffer.concat(got).length).toBe(50);
    expect(client.destroyed || server.destroyed).toBe(false);
  });

  it('delay and throttle deliver every byte in order', async () => {
    pair = await openPair({
      faults: [
        { at: { bytes: 0 }, action: 'delay', ms: 5, jitter: 3 },
        { at: { bytes: 0 }, action: 'throttle', bytesPerSecond: 200_000 },
      ],
    });
    const data = randomBytes(20_000, 6);
    const reading = readBytes(pair.server, data.length);
    await writeSeparately(pair.client, data, 1000);
    expect(await reading).toEqual(data);
  });
});

describe('refuse', () => {
  it('resets the next `count` connections at accept, then lets the others through', async () => {
    const target = await listenServer();
    const proxy = new FaultProxy({ target: { host: '127.0.0.1', port: target.port }, faults: [{ action: 'refuse', count: 2 }] });
    try {
      const { port } = await proxy.listen();
      const attempt = async (): Promise<string> => {
        const socket = net.connect({ host: '127.0.0.1', port });
        // The first data, or the error that rejects the wait (one bounded wait, no timer left behind).
        const outcome = await pEvent(socket, 'data', { timeout: 5000 }).then(
          () => 'data',
          (error: NodeJS.ErrnoException) => error.code ?? 'error',
        );
        socket.destroy();
        return outcome;
      };
      target.server.on('connection', (socket) => socket.write('hello'));
      expect(await attempt()).toBe('ECONNRESET');
      expect(await attempt()).toBe('ECONNRESET');
      expect(await attempt()).toBe('data');
      expect(proxy.log.filter((e) => e.type === 'refused').map((e) => (e as { connection: number }).connection)).toEqual([1, 2]);
    } finally {
      await proxy.close();
      await target.close();
    }
  });
});
