import { describe, expect, it } from '@jest/globals';
import type { WorkloadInput } from '../../../src/scenario/types.js';
import { resetAt, startProxy } from './proxy.js';
import { countIds, listLines } from './servers.js';
import { workloadFixture } from './fixture.js';

// The buggy example ledgers must show their bug under the fault the bundled scenarios use
// (a reset mid-message with `retry: resend-unacked`), and only under it.

const fixture = workloadFixture();
const { defer, example } = fixture;


async function run(address: { host: string; port: number }, input: Partial<WorkloadInput>) {
  const test = await fixture.run(address, { type: 'lines', ...input } as WorkloadInput);
  return { records: test.history.records() };
}

describe('buggy example ledgers', () => {
  it('resend-unacked against a server without dedup stores the op whose ack was lost twice', async () => {
    const server = await example('ledger-no-dedup.js');
    const proxy = await startProxy(server, [resetAt(40)]);
    defer(() => proxy.close());
    const { records } = await run(proxy, { messages: 4, pipeline: 3, payload: 10, retry: 'resend-unacked' });
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    await server.idle();
    expect(countIds(await listLines(server.port))).toEqual({ 'r1-m1-1': 2, 'r1-m1-2': 1, 'r1-m1-3': 1, 'r1-m1-4': 1 });
  });

  it('resend-unacked against a server that acks before committing loses an acked op', async () => {
    const server = await example('ledger-ack-first.js');
    const proxy = await startProxy(server, [resetAt(40)]);
    defer(() => proxy.close());
    const { records } = await run(proxy, { messages: 4, pipeline: 1, payload: 10, retry: 'resend-unacked' });
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    // m1-1 was acked on connection 1, then rolled back when that connection was cut.
    await server.idle();
    expect((await listLines(server.port)).map(([id]) => id)).toEqual(['r1-m1-2', 'r1-m1-3', 'r1-m1-4']);
  });

  it('the ack-first server keeps acked ops when the cut falls between two requests', async () => {
    const server = await example('ledger-ack-first.js');
    const proxy = await startProxy(server, [resetAt(23)]); // right after the first request
    defer(() => proxy.close());
    const { records } = await run(proxy, { messages: 2, pipeline: 1, payload: 10, retry: 'resend-unacked' });
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    await server.idle();
    expect((await listLines(server.port)).map(([id]) => id).sort()).toEqual(['r1-m1-1', 'r1-m1-2']);
  });
});
