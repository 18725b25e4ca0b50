import { describe, expect, it } from '@jest/globals';
import net from 'node:net';
import type { WorkloadInput } from '../../../src/scenario/types.js';
import type { TestContextOptions } from './context.js';
import { resetAt, startProxy } from './proxy.js';
import { countIds, listFrames, listen } from './servers.js';
import { workloadFixture } from './fixture.js';

const fixture = workloadFixture();
const { defer } = fixture;

async function run(address: { host: string; port: number }, input: Partial<WorkloadInput>, options: TestContextOptions = {}) {
  const test = await fixture.run(address, { type: 'frames', ...input } as WorkloadInput, options);
  return test.history.records();
}

async function ledger() {
  return fixture.example('frames-ledger.js');
}

describe('frames workload', () => {
  it('sends length-prefixed JSON requests and completes ops on their { ack } frames', async () => {
    const server = await ledger();
    // Acks of the first connection arrive a few bytes at a time: the parser must reassemble them.
    const proxy = await startProxy(server, [{ at: { connection: 1, direction: 'downstream' }, action: 'fragment', min: 1, max: 3 }]);
    defer(() => proxy.close());
    const records = await run(proxy, { connections: 3, messages: 4, pipeline: 2, ackTimeout: 1000 });
    expect(proxy.proxy.faults[0]?.fired).toBe(true);
    expect(records).toHaveLength(12);
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    await server.idle();
    const stored = await listFrames(server.port);
    expect(Object.fromEntries(stored.map((e) => [e.id, e.payload]))).toEqual(Object.fromEntries(records.map((r) => [r.id, r.payload])));
  });

  it('retry none: a reset mid-frame leaves in-flight ops info and unsent ops fail', async () => {
    const server = await ledger();
    // Each request frame is 4 + 40 bytes with a 10-byte payload: byte 60 cuts the second frame.
    const proxy = await startProxy(server, [resetAt(60)]);
    defer(() => proxy.close());
    const records = await run(proxy, { messages: 4, pipeline: 2, payload: 10 }, { connectionOf: proxy.connectionOf });
    expect(records.map((r) => [r.id, r.outcome, r.connection])).toEqual([
      ['r1-m1-1', 'info', 1],
      ['r1-m1-2', 'info', 1],
      ['r1-m1-3', 'fail', undefined],
      ['r1-m1-4', 'fail', undefined],
    ]);
    await server.idle();
    expect((await listFrames(server.port)).map((e) => e.id)).toEqual(['r1-m1-1']);
  });

  it('resend-unacked: after a reset mid-frame every op ends ok and is stored once', async () => {
    const server = await ledger();
    const proxy = await startProxy(server, [resetAt(60)]);
    defer(() => proxy.close());
    const records = await run(proxy, { messages: 4, pipeline: 2, payload: 10, retry: 'resend-unacked' }, { connectionOf: proxy.connectionOf });
    expect(records.map((r) => [r.outcome, r.connection])).toEqual([['ok', 2], ['ok', 2], ['ok', 2], ['ok', 2]]);
    await server.idle();
    expect(countIds(await listFrames(server.port))).toEqual({ 'r1-m1-1': 1, 'r1-m1-2': 1, 'r1-m1-3': 1, 'r1-m1-4': 1 });
  });

  it('gives up on a connection that answers a corrupt frame (in-flight ops end info)', async () => {
    const liar = await listen(
      net.createServer((socket) => {
        socket.on('error', () => undefined);
        socket.once('data', () => socket.write(Buffer.from([0, 0, 0, 3, 0x7b, 0x7b, 0x7b])));
      }),
    );
    defer(() => liar.close());
    const records = await run(liar, { messages: 2 });
    expect(records.map((r) => r.outcome)).toEqual(['info', 'fail']);
    expect(records[0]?.error).toMatch(/not valid JSON/);
  });
});
