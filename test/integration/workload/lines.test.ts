import { describe, expect, it } from '@jest/globals';
import net from 'node:net';
import type { OpRecord } from '../../../src/history/types.js';
import { runWorkload } from '../../../src/workload/index.js';
import type { WorkloadInput } from '../../../src/scenario/types.js';
import { createTestContext } from './context.js';
import type { TestContextOptions } from './context.js';
import { resetAt, startProxy } from './proxy.js';
import { countIds, listLines, listen } from './servers.js';
import { workloadFixture } from './fixture.js';

const fixture = workloadFixture();
const { defer, example } = fixture;


/** Runs a lines workload against `address` and returns the history. */
async function run(address: { host: string; port: number }, input: Partial<WorkloadInput>, options: TestContextOptions = {}) {
  const test = await fixture.run(address, { type: 'lines', ...input } as WorkloadInput, options);
  return { records: test.history.records(), logs: test.logs };
}

const outcomes = (records: OpRecord[]) => Object.fromEntries(records.map((r) => [r.id, r.outcome]));

describe('lines workload', () => {
  it('sends every op on every connection, within the pipeline, and ends all ok and stored', async () => {
    const server = await example('ledger-server.js');
    const { records } = await run(server, { connections: 2, messages: 5, pipeline: 3, payload: { min: 3, max: 12 } });
    expect(records).toHaveLength(10);
    expect(records.every((r) => r.outcome === 'ok' && r.connection === undefined)).toBe(true);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(['1', '2'].flatMap((c) => [1, 2, 3, 4, 5].map((n) => `r1-m${c}-${n}`))));
    for (const record of records) expect(record.payload).toMatch(/^[!-~]{3,12}$/);
    await server.idle();
    const stored = await listLines(server.port);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(records.map((r) => [r.id, r.payload])));
    expect(stored).toHaveLength(10);
  });

  it('draws payloads from the seed: same seed, same payloads; another seed, others', async () => {
    const server = await example('ledger-server.js');
    const payloads = async (seed: number, runId: string) =>
      (await run(server, { messages: 4 }, { seed, runId })).records.map((r) => r.payload);
    const first = await payloads(7, 'r1');
    expect(await payloads(7, 'r2')).toEqual(first);
    expect(await payloads(8, 'r3')).not.toEqual(first);
  });

  it('retry none: a reset mid-message leaves in-flight ops info and unsent ops fail', async () => {
    const server = await example('ledger-server.js');
    // "PUT r1-m1-1 xxxxxxxxxx\n" is 23 bytes, so byte 40 cuts the second request.
    const proxy = await startProxy(server, [resetAt(40)]);
    defer(() => proxy.close());
    const { records } = await run(proxy, { messages: 6, pipeline: 3, payload: 10 }, { connectionOf: proxy.connectionOf });
    expect(outcomes(records)).toEqual({
      'r1-m1-1': 'info', 'r1-m1-2': 'info', 'r1-m1-3': 'info',
      'r1-m1-4': 'fail', 'r1-m1-5': 'fail', 'r1-m1-6': 'fail',
    });
    expect(records.slice(0, 3).every((r) => r.connection === 1)).toBe(true);
    expect(records[3]?.error).toMatch(/^not sent/);
    // The server got the first request whole and stored it; its ack was lost with the connection.
    await server.idle();
    expect((await listLines(server.port)).map(([id]) => id)).toEqual(['r1-m1-1']);
  });

  it('resend-unacked: after a reset mid-message it reconnects, resends, and every op ends ok, stored once', async () => {
    const server = await example('ledger-server.js');
    const proxy = await startProxy(server, [resetAt(40)]);
    defer(() => proxy.close());
    const { records, logs } = await run(proxy, { messages: 6, pipeline: 3, payload: 10, retry: 'resend-unacked' }, { connectionOf: proxy.connectionOf });
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    // The ops in flight at the reset were resent on connection 2; one record per op.
    expect(records.slice(0, 3).map((r) => r.connection)).toEqual([2, 2, 2]);
    expect(logs.some((line) => /reconnect 1\/5/.test(line))).toBe(true);
    await server.idle();
    const stored = await listLines(server.port);
    expect(Object.values(countIds(stored))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(records.map((r) => [r.id, r.payload])));
  });

  it('works when requests and acks arrive in fragments (both sides reassemble lines)', async () => {
    const server = await example('ledger-server.js');
    const proxy = await startProxy(server, [
      { at: { connection: 1, direction: 'downstream' }, action: 'fragment', min: 1, max: 2 },
      { at: { connection: 1, direction: 'upstream' }, action: 'fragment', min: 1, max: 3 },
    ]);
    defer(() => proxy.close());
    const { records } = await run(proxy, { messages: 5, pipeline: 5, payload: 4, ackTimeout: 1000 });
    expect(proxy.proxy.faults.map((f) => f.fired)).toEqual([true, true]);
    expect(records.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    await server.idle();
    expect(await listLines(server.port)).toHaveLength(5);
  }, 5000);

  it('fails every op when the connection cannot be opened, also after the allowed reconnects', async () => {
    const closed = await listen(net.createServer());
    const address = { host: closed.host, port: closed.port };
    await closed.close();
    const none = await run(address, { messages: 3 });
    expect(none.records.map((r) => [r.outcome, r.error])).toEqual(Array(3).fill(['fail', 'not sent: ECONNREFUSED']));
    const retried = await run(address, { messages: 2, retry: 'resend-unacked', maxReconnects: 2 });
    expect(retried.records.map((r) => r.outcome)).toEqual(['fail', 'fail']);
    expect(retried.logs.filter((line) => /reconnect/.test(line))).toHaveLength(2);
  });

  it('abandons a connection whose ack does not come within ackTimeout', async () => {
    const silent = await listen(net.createServer((socket) => socket.on('error', () => undefined)));
    defer(() => silent.close());
    const { records } = await run(silent, { messages: 3, pipeline: 2, ackTimeout: 100 });
    expect(records.map((r) => [r.outcome, r.error])).toEqual([
      ['info', 'no ack within 100 ms'],
      ['info', 'no ack within 100 ms'],
      ['fail', 'not sent: no ack within 100 ms'],
    ]);
  }, 5000);

  it('treats a connection the server ends (FIN) before acking as dead', async () => {
    const quitter = await listen(
      net.createServer((socket) => {
        socket.on('error', () => undefined);
        socket.once('data', () => socket.end());
      }),
    );
    defer(() => quitter.close());
    const { records } = await run(quitter, { messages: 2, ackTimeout: 60_000 });
    expect(records.map((r) => r.outcome)).toEqual(['info', 'fail']);
    expect(records[0]?.error).toMatch(/ended the connection/);
  }, 5000);

  it('stops promptly when the signal aborts, with every op given an outcome', async () => {
    let abort = (): void => undefined;
    // Aborts the run as soon as the first request arrives, so exactly one op is in flight.
    const silent = await listen(
      net.createServer((socket) => {
        socket.on('error', () => undefined);
        socket.once('data', () => abort());
      }),
    );
    defer(() => silent.close());
    const test = createTestContext(silent);
    defer(() => test.close());
    abort = () => test.controller.abort();
    const started = Date.now();
    await runWorkload({ type: 'lines', messages: 3, ackTimeout: 60_000, retry: 'resend-unacked' }, test.ctx, { dir: '.' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(test.history.records().map((r) => r.outcome)).toEqual(['info', 'fail', 'fail']);
    expect(test.history.records()[0]?.error).toMatch(/abort/i);
  }, 5000);

  it('uses the send and ack templates, matching acks by their whole line', async () => {
    const received: string[] = [];
    const server = await listen(
      net.createServer((socket) => {
        socket.on('error', () => undefined);
        socket.setEncoding('utf8');
        let tail = '';
        socket.on('data', (chunk: string) => {
          const lines = (tail + chunk).split('\n');
          tail = lines.pop() ?? '';
          received.push(...lines);
          // Acks in reverse order plus a stray line; the first op is never acked.
          const acks = lines.map((line) => line.split(' ')[1]).filter((id) => !id?.endsWith('-1'));
          socket.write(`HELLO\n${acks.reverse().map((id) => `DONE ${id}\n`).join('')}`);
        });
      }),
    );
    defer(() => server.close());
    const { records } = await run(server, { messages: 3, pipeline: 2, ackTimeout: 300, send: 'SET {id} {payload}', ack: 'DONE {id}' });
    expect(records.map((r) => r.outcome)).toEqual(['info', 'ok', 'ok']);
    expect(received.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['SET r1-m1-1', 'SET r1-m1-2', 'SET r1-m1-3']);
  }, 5000);

  it('rejects bad options with ERR_INVALID_ARGUMENT before connecting', async () => {
    const address = { host: '127.0.0.1', port: 9 };
    await expect(run(address, { pipeline: 0 })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT', location: 'workload.pipeline' });
    await expect(run(address, { payload: { min: 5, max: 2 } })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(run(address, { send: 'PUT\n{id}' })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
