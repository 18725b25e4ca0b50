import { afterEach, describe, expect, it } from '@jest/globals';
import { FaultProxy } from '../../../src/proxy/fault-proxy.js';
import { waitForPairClosed } from '../../helpers/proxy.js';
import { collect, connectTo, listenServer, randomBytes, sha256, writeInSlices } from '../../helpers/sockets.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('FaultProxy without faults', () => {
  it.each([1, 2, 3])('forwards 64 MiB each way exactly once, in order (seed %i)', async (seed) => {
    const size = 64 * 1024 * 1024;
    const up = randomBytes(size, seed);
    const down = randomBytes(size, seed + 100);
    const target = await listenServer();
    cleanups.push(target.close);
    const proxy = new FaultProxy({ target: { host: '127.0.0.1', port: target.port }, seed });
    cleanups.push(() => proxy.close());
    const { port } = await proxy.listen();

    const client = await connectTo(port);
    const server = await target.accepted();
    const clientSaw = collect(client);
    const serverSaw = collect(server);
    await Promise.all([
      writeInSlices(client, up, seed).then(() => client.end()),
      writeInSlices(server, down, seed + 1).then(() => server.end()),
    ]);
    const [atServer, atClient] = await Promise.all([serverSaw, clientSaw]);

    expect(atServer.data.length).toBe(size);
    expect(atClient.data.length).toBe(size);
    expect(sha256(atServer.data)).toBe(sha256(up));
    expect(sha256(atClient.data)).toBe(sha256(down));
    expect(atServer.ended).toBe(true);
    expect(atClient.ended).toBe(true);
    await waitForPairClosed(proxy, 1);
    const totals = proxy.log.filter((event) => event.type === 'bytes');
    expect(totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ connection: 1, direction: 'upstream', forwarded: size, dropped: 0 }),
        expect.objectContaining({ connection: 1, direction: 'downstream', forwarded: size, dropped: 0 }),
      ]),
    );
  });
});
