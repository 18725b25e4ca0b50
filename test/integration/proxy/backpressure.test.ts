import { afterEach, describe, expect, it } from '@jest/globals';
import { pEvent } from 'p-event';
import { openPair, type OpenedPair } from '../../../src/proxy/open-pair.js';
import { readBytes, sha256 } from '../../helpers/sockets.js';

let pair: OpenedPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('backpressure', () => {
  it('a stalled direction pauses its source: 256 MiB pushed, the proxy holds a bounded amount, then delivers it all', async () => {
    const highWaterMark = 256 * 1024;
    pair = await openPair({ faults: [{ at: { bytes: 0 }, action: 'stall' }], highWaterMark });
    const { client, server, proxy } = pair;
    const size = 256 * 1024 * 1024;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) data.writeUInt32LE(i, i);

    // The client ignores backpressure: Node buffers on the client's side, the proxy must not.
    const paused = pEvent(proxy, 'flow', { timeout: 10_000, filter: (flow: { paused: boolean }) => flow.paused });
    for (let i = 0; i < size; i += 1024 * 1024) client.write(data.subarray(i, i + 1024 * 1024));
    client.end();
    await paused;

    const held = proxy.stats().pairs[0]!.upstream;
    expect(held.forwarded).toBeLessThan(size);
    // What the proxy holds is bounded by its high-water mark plus one read (64 KiB).
    expect(held.maxBuffered).toBeLessThanOrEqual(highWaterMark + 64 * 1024);
    expect(held.dropped).toBe(0);
    // The rest stayed with the sender: its kernel buffers and its own Node stream.
    expect(client.writableLength).toBeGreaterThan(size / 2);

    const received = readBytes(server, size, 60_000);
    proxy.clearFaults();
    const got = await received;
    expect(got.length).toBe(size);
    expect(sha256(got)).toBe(sha256(data));
    expect(proxy.stats().maxBuffered).toBeLessThanOrEqual(highWaterMark + 64 * 1024);
  });
});
