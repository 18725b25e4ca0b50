import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FaultProxy } from '../../../src/proxy/fault-proxy.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';
import { waitForPairClosed } from '../../helpers/proxy.js';
import { collect, connectTo, listenServer, randomBytes, writeInSlices } from '../../helpers/sockets.js';

const TOTAL = 256 * 1024;
let target: Awaited<ReturnType<typeof listenServer>>;
beforeAll(async () => {
  target = await listenServer();
});
afterAll(() => target.close());

/** One run: the client sends TOTAL bytes while the server streams back; the fault cuts upstream at `bytes`. */
async function cutAt(action: 'destroy' | 'reset', side: 'client' | 'server' | 'both', bytes: number, seed: number) {
  const proxy = new FaultProxy({
    target: { host: '127.0.0.1', port: target.port },
    faults: [{ at: { connection: 1, direction: 'upstream', bytes }, action, side }],
    seed,
  });
  try {
    const { port } = await proxy.listen();
    const client = await connectTo(port);
    const server = await target.accepted();
    // Downstream traffic leaves unread bytes in the proxy's server leg when the fault fires.
    server.write(randomBytes(64 * 1024, seed));
    server.on('end', () => server.end());
    client.on('end', () => client.end());
    const clientSaw = collect(client);
    const serverSaw = collect(server);
    await writeInSlices(client, randomBytes(TOTAL, seed), seed, 8192).catch(() => undefined);
    client.end();
    const atClient = await clientSaw;
    if (side === 'client') await proxy.close(); // nothing else ever closes the server leg
    const atServer = await serverSaw;
    await waitForPairClosed(proxy, 1);
    return { atClient, atServer, log: [...proxy.log] };
  } finally {
    await proxy.close();
  }
}

const closeOf = (log: TransportEvent[], side: 'client' | 'server') =>
  log.find((event) => event.type === 'close' && event.side === side) as Extract<TransportEvent, { type: 'close' }>;

describe('byte triggers cut a stream at the exact offset', () => {
  it('destroy and reset at random offsets: the server received exactly `bytes` bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: TOTAL }),
        fc.constantFrom('destroy' as const, 'reset' as const),
        fc.constantFrom('server' as const, 'both' as const),
        fc.integer({ min: 1, max: 1000 }),
        async (bytes, action, side, seed) => {
          const { atServer, log } = await cutAt(action, side, bytes, seed);
          expect(atServer.data.length).toBe(bytes);
          const fault = log.find((event) => event.type === 'fault');
          expect(fault).toMatchObject({ action, connection: 1, direction: 'upstream', offset: bytes });
          const serverLeg = closeOf(log, 'server');
          expect(serverLeg).toMatchObject({ by: 'proxy', how: action === 'destroy' ? 'fin' : 'rst' });
          if (action === 'destroy') {
            // A FIN, never an RST, even though the leg had unread downstream bytes.
            expect(atServer.ended).toBe(true);
            expect(atServer.errorCode).toBeUndefined();
          } else {
            // libuv may report an incoming RST as a clean 'end' when data was queued.
            expect(atServer.ended || atServer.errorCode === 'ECONNRESET').toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 20261130 },
    );
  });

  it.each(['destroy', 'reset'] as const)('%s on the client side only: the client is cut, the server got `bytes`', async (action) => {
    const { atClient, atServer, log } = await cutAt(action, 'client', 5000, 7);
    expect(atServer.data.length).toBe(5000);
    expect(closeOf(log, 'client')).toMatchObject({ by: 'proxy', how: action === 'destroy' ? 'fin' : 'rst' });
    if (action === 'destroy') expect(atClient.errorCode).toBeUndefined();
    else expect(atClient.ended || atClient.errorCode === 'ECONNRESET').toBe(true);
  });

  it('a trigger in the middle of one chunk splits it', async () => {
    const { atServer } = await cutAt('destroy', 'both', 12_345, 3);
    expect(atServer.data).toEqual(randomBytes(TOTAL, 3).subarray(0, 12_345));
  });
});
