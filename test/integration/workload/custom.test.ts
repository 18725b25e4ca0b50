import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { PENDING_AT_END } from '../../../src/history/recorder.js';
import { runWorkload } from '../../../src/workload/index.js';
import { createTestContext } from './context.js';
import type { TestContextOptions } from './context.js';
import { resetAt, startProxy } from './proxy.js';
import { listHttp, listLines } from './servers.js';
import { workloadFixture } from './fixture.js';

const fixtures = fileURLToPath(new URL('../../fixtures/workloads/', import.meta.url));

const fixture = workloadFixture();
const { defer, example } = fixture;

function context(address: { host: string; port: number }, options: TestContextOptions = {}) {
  const test = createTestContext(address, options);
  defer(() => test.close());
  return test;
}


describe('custom workload modules', () => {
  it('drive a real client library (node:http at ctx.proxy) through the fault proxy', async () => {
    const server = await example('http-ledger.js');
    // The first request is reset mid-message by the proxy; the client sees an error → info.
    const proxy = await startProxy(server, [resetAt(30)]);
    defer(() => proxy.close());
    const test = context(proxy, { options: { messages: 3 } });
    await runWorkload({ module: './http-client.ts', options: { messages: 3 } }, test.ctx, { dir: fixtures });
    const records = test.history.records();
    expect(records.map((r) => [r.id, r.outcome])).toEqual([['r1-c1', 'info'], ['r1-c2', 'ok'], ['r1-c3', 'ok']]);
    expect(test.logs[0]).toMatch(/^r1-c1: /);
    expect(proxy.proxy.faults[0]?.fired).toBe(true);
    await server.idle();
    const stored = await listHttp(server.port);
    expect(stored).toEqual(records.slice(1).map((r) => ({ id: r.id, payload: r.payload })));
  });

  it('accept a plain default-exported function using ctx.connect() and ctx.connectionOf()', async () => {
    const server = await example('ledger-server.js');
    const proxy = await startProxy(server, []);
    defer(() => proxy.close());
    const test = context(proxy, { connectionOf: proxy.connectionOf });
    await runWorkload({ module: 'raw-lines.ts' }, test.ctx, { dir: fixtures });
    expect(test.history.records()).toMatchObject([{ id: 'r1-raw1', outcome: 'ok', connection: 1, payload: 'hello' }]);
    await server.idle();
    expect(await listLines(server.port)).toEqual([['r1-raw1', 'hello']]);
  });

  it('pass workload.options through (default {})', async () => {
    const server = await example('http-ledger.js');
    const test = context(server);
    await runWorkload({ module: './http-client.ts', options: { messages: 1 } }, test.ctx, { dir: fixtures });
    expect(test.history.records()).toHaveLength(1);
    const defaults = context(server, { runId: 'r2' });
    await runWorkload({ module: './http-client.ts' }, defaults.ctx, { dir: fixtures });
    expect(defaults.history.records()).toHaveLength(3);
  });

  it('report a missing file, a module that fails to load or has no default function as ERR_WORKLOAD naming the path', async () => {
    const test = context({ host: '127.0.0.1', port: 9 });
    await expect(runWorkload({ module: './nope.ts' }, test.ctx, { dir: fixtures })).rejects.toMatchObject({
      code: 'ERR_WORKLOAD',
      message: expect.stringMatching(/not found: .*nope\.ts/),
    });
    await expect(runWorkload({ module: './broken-import.ts' }, test.ctx, { dir: fixtures })).rejects.toMatchObject({
      code: 'ERR_WORKLOAD',
      message: expect.stringMatching(/broken-import\.ts failed to load/),
    });
    await expect(runWorkload({ module: './no-default.ts' }, test.ctx, { dir: fixtures })).rejects.toMatchObject({
      code: 'ERR_WORKLOAD',
      message: expect.stringMatching(/no-default\.ts.*default-exported function/),
    });
  });

  it('turn a workload that throws into ERR_WORKLOAD, keeping its pending ops as info', async () => {
    const test = context({ host: '127.0.0.1', port: 9 });
    const error = await runWorkload({ module: 'throws.ts' }, test.ctx, { dir: fixtures }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_WORKLOAD', message: expect.stringContaining('client library exploded') });
    expect((error as { cause?: { message?: string } }).cause?.message).toBe('client library exploded');
    expect(test.history.records()).toMatchObject([{ id: 'r1-t1', outcome: 'info', error: PENDING_AT_END }]);
  });

  it('resolve quietly when the module rejects because the run was aborted', async () => {
    const test = context({ host: '127.0.0.1', port: 9 });
    const running = runWorkload({ module: 'waits-for-abort.ts' }, test.ctx, { dir: fixtures });
    setImmediate(() => test.controller.abort());
    await expect(running).resolves.toBeUndefined();
  }, 5000);
});
