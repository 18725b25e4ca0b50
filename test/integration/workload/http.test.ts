import { describe, expect, it } from '@jest/globals';
import http from 'node:http';
import net from 'node:net';
import type { WorkloadInput } from '../../../src/scenario/types.js';
import type { TestContextOptions } from './context.js';
import { resetAt, startProxy } from './proxy.js';
import { countIds, listHttp, listen } from './servers.js';
import { workloadFixture } from './fixture.js';

const fixture = workloadFixture();
const { defer } = fixture;

async function run(address: { host: string; port: number }, input: Partial<WorkloadInput>, options: TestContextOptions = {}) {
  const test = await fixture.run(address, { type: 'http', ...input } as WorkloadInput, options);
  return { records: test.history.records(), sockets: test.sockets, logs: test.logs };
}

async function ledger() {
  return fixture.example('http-ledger.js');
}

async function proxied(server: { host: string; port: number }, bytes: number, direction: 'upstream' | 'downstream') {
  const proxy = await startProxy(server, [{ ...resetAt(bytes), at: { connection: 1, direction, bytes } }]);
  defer(() => proxy.close());
  return proxy;
}

describe('http workload', () => {
  it('posts one request per op over parallel keep-alive loops opened with ctx.connect()', async () => {
    const server = await ledger();
    const { records, sockets } = await run(server, { connections: 2, messages: 4, pipeline: 2 });
    expect(records).toHaveLength(8);
    expect(records.every((r) => r.outcome === 'ok')).toBe(true);
    // Two loops of at most two sockets each, reused across requests.
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.length).toBeLessThanOrEqual(4);
    await server.idle();
    const stored = await listHttp(server.port);
    expect(Object.fromEntries(stored.map((e) => [e.id, e.payload]))).toEqual(Object.fromEntries(records.map((r) => [r.id, r.payload])));
  });

  it('retry none: a request reset mid-message ends info; the loop goes on with a new connection', async () => {
    const server = await ledger();
    const proxy = await proxied(server, 40, 'upstream');
    const { records } = await run(proxy, { messages: 3 }, { connectionOf: proxy.connectionOf });
    expect(records.map((r) => [r.outcome, r.connection])).toEqual([['info', 1], ['ok', 2], ['ok', 2]]);
    await server.idle();
    expect((await listHttp(server.port)).map((e) => e.id)).toEqual(['r1-m1-2', 'r1-m1-3']);
  });

  it('resend-unacked: the request reset mid-message is resent and every op ends ok, stored once', async () => {
    const server = await ledger();
    const proxy = await proxied(server, 40, 'upstream');
    const { records } = await run(proxy, { messages: 3, retry: 'resend-unacked' }, { connectionOf: proxy.connectionOf });
    expect(records.map((r) => [r.outcome, r.connection])).toEqual([['ok', 2], ['ok', 2], ['ok', 2]]);
    await server.idle();
    expect(countIds(await listHttp(server.port))).toEqual({ 'r1-m1-1': 1, 'r1-m1-2': 1, 'r1-m1-3': 1 });
  });

  it('a response cut before the status line: info without retry (yet stored); ok once resent', async () => {
    const server = await ledger();
    const cut = await proxied(server, 5, 'downstream');
    const once = await run(cut, { messages: 1 }, { runId: 'r1' });
    expect(once.records.map((r) => r.outcome)).toEqual(['info']);
    await cut.close();
    const again = await proxied(server, 5, 'downstream');
    const resent = await run(again, { messages: 1, retry: 'resend-unacked' }, { runId: 'r2' });
    expect(resent.records.map((r) => r.outcome)).toEqual(['ok']);
    await server.idle();
    expect(countIds(await listHttp(server.port))).toEqual({ 'r1-m1-1': 1, 'r2-m1-1': 1 });
  });

  it('uses method and path, and maps statuses: 4xx → fail, 5xx → info', async () => {
    const seen: string[] = [];
    const server = await listen(
      http.createServer((req, res) => {
        req.resume();
        seen.push(`${req.method} ${req.url}`);
        res.statusCode = seen.length === 1 ? 409 : 503;
        res.end();
      }),
    );
    defer(() => server.close());
    const { records } = await run(server, { messages: 2, method: 'put', path: '/things' });
    expect(records.map((r) => [r.outcome, r.error])).toEqual([['fail', 'HTTP 409'], ['info', 'HTTP 503']]);
    expect(seen).toEqual(['PUT /things', 'PUT /things']);
  });

  it('keeps `pipeline` requests in flight per loop', async () => {
    // Answers only once two requests wait together: without two in flight, nothing is answered.
    const waiting: http.ServerResponse[] = [];
    const server = await listen(
      http.createServer((req, res) => {
        req.resume();
        waiting.push(res);
        if (waiting.length === 2) for (const held of waiting.splice(0)) held.end();
      }),
    );
    defer(() => server.close());
    const { records } = await run(server, { messages: 4, pipeline: 2, ackTimeout: 1000 });
    expect(records.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
  }, 5000);

  it('fails ops that never got a connection', async () => {
    const closed = await listen(net.createServer());
    await closed.close();
    const { records } = await run(closed, { messages: 2, retry: 'resend-unacked', maxReconnects: 1 });
    expect(records.map((r) => [r.outcome, r.error])).toEqual([['fail', 'not sent: ECONNREFUSED'], ['fail', 'not sent: ECONNREFUSED']]);
  });
});
