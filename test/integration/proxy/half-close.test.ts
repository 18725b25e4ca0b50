import { afterEach, describe, expect, it } from '@jest/globals';
import { pEvent } from 'p-event';
import { openPair, type OpenedPair } from '../../../src/proxy/open-pair.js';
import { waitForEvent } from '../../helpers/proxy.js';
import { collect, readBytes } from '../../helpers/sockets.js';

let pair: OpenedPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe('half-close', () => {
  it('is forwarded: the server replies after the client ended, and the client gets the whole reply', async () => {
    pair = await openPair();
    const { client, server } = pair;
    const reply = Buffer.alloc(200_000, 'r');
    const request: Buffer[] = [];
    server.on('data', (chunk: Buffer) => request.push(chunk));
    server.once('end', () => {
      // Only now, after the client's FIN, does the server answer.
      setImmediate(() => server.end(Buffer.concat([Buffer.from(`got ${Buffer.concat(request).length}\n`), reply])));
    });
    const clientSaw = collect(client);
    client.end(Buffer.alloc(70_000, 'q'));
    const atClient = await clientSaw;
    expect(atClient.errorCode).toBeUndefined();
    expect(atClient.ended).toBe(true);
    expect(atClient.data.subarray(0, 10).toString()).toBe('got 70000\n');
    expect(atClient.data.length).toBe(10 + reply.length);
    await waitForEvent(pair.proxy, (e) => e.type === 'fin' && e.side === 'server' && e.by === 'proxy');
  });

  it('the half-close action ends the receiver at the offset while the other direction still delivers', async () => {
    pair = await openPair({ faults: [{ at: { connection: 1, direction: 'upstream', bytes: 1000 }, action: 'half-close' }] });
    const { client, server } = pair;
    const ended = pEvent(server, 'end', { timeout: 5000 });
    const upstream: Buffer[] = [];
    server.on('data', (chunk: Buffer) => upstream.push(chunk));
    client.write(Buffer.alloc(3000, 'u'));
    await ended;
    expect(Buffer.concat(upstream).length).toBe(1000);
    // The reverse direction keeps flowing after the server saw 'end'.
    server.write('still here');
    expect((await readBytes(client, 10)).toString()).toBe('still here');
    const fault = await waitForEvent(pair.proxy, (e) => e.type === 'fault');
    expect(fault).toMatchObject({ action: 'half-close', offset: 1000, direction: 'upstream' });
  });
});
