import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pEvent } from 'p-event';
import type { ReadbackInput, WorkloadInput } from '../../../src/scenario/types.js';
import { readBack, runWorkload } from '../../../src/workload/index.js';
import { createTestContext, readbackContext } from './context.js';
import { listen } from './servers.js';
import { workloadFixture } from './fixture.js';

const fixtures = fileURLToPath(new URL('../../fixtures/workloads/', import.meta.url));
const LINES: WorkloadInput = { type: 'lines' };
const CUSTOM: WorkloadInput = { module: './raw-lines.ts' };

const fixture = workloadFixture();
const { defer, example } = fixture;


async function serve(handler: (socket: net.Socket) => void) {
  const server = await listen(
    net.createServer((socket) => {
      socket.on('error', () => undefined);
      handler(socket);
    }),
  );
  defer(() => server.close());
  return server;
}

/** Sends raw lines to a line server and waits for `acks` reply lines. */
async function sendLines(port: number, lines: string[]): Promise<void> {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  defer(() => socket.destroy());
  await pEvent(socket, 'connect', { timeout: 5000 });
  let seen = 0;
  const done = pEvent(socket, 'data', { timeout: 5000, filter: (chunk: Buffer) => (seen += chunk.toString().split('\n').length - 1) >= lines.length });
  socket.write(lines.map((line) => `${line}\n`).join(''));
  await done;
  socket.end();
}

/** Runs a built-in workload (run r1) directly against `server`. */
async function workload(server: { host: string; port: number }, input: WorkloadInput) {
  const test = createTestContext(server, { runId: 'r1' });
  defer(() => test.close());
  await runWorkload(input, test.ctx, { dir: fixtures });
  return test.history.records().map((r) => ({ id: r.id, payload: r.payload }));
}

const read = (input: ReadbackInput, server: { host: string; port: number }, runId = 'r1', w: WorkloadInput = LINES) =>
  readBack(input, w, readbackContext({ host: server.host, port: server.port }, runId), { dir: fixtures });

describe('readBack', () => {
  it('builtin for lines: LIST over a direct connection, this run only, repeats kept', async () => {
    const server = await example('ledger-no-dedup.js');
    const sent = await workload(server, { type: 'lines', messages: 3 });
    await sendLines(server.port, ['PUT r2-m1-1 other-run', `PUT r1-m1-2 ${sent[1]?.payload}`]);
    expect(await read('builtin', server)).toEqual([...sent, sent[1]]);
  });

  it('builtin for frames: { list: true } until { end: true }', async () => {
    const server = await example('frames-ledger.js');
    const input: WorkloadInput = { type: 'frames', messages: 3, connections: 2 };
    const sent = await workload(server, input);
    const seen = await read('builtin', server, 'r1', input);
    expect(seen?.slice().sort((a, b) => a.id.localeCompare(b.id))).toEqual(sent.slice().sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('builtin for http: GET on the workload path', async () => {
    const server = await example('http-ledger.js');
    const input: WorkloadInput = { type: 'http', messages: 3 };
    const sent = await workload(server, input);
    expect(await read('builtin', server, 'r1', input)).toEqual(sent);
    await expect(read('builtin', server, 'r1', { type: 'http', path: '/missing' })).rejects.toMatchObject({
      code: 'ERR_READBACK',
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('{ lines } with a custom query, entry template and end marker', async () => {
    const queries: string[] = [];
    const server = await serve((socket) =>
      socket.once('data', (chunk) => {
        queries.push(chunk.toString());
        socket.write('x=r1-a\r\n=r1-b\nnot-mine=r9-c\n.\nignored after the end\n');
      }),
    );
    const seen = await read({ lines: { query: 'DUMP', entry: '{payload}={id}', end: '.' } }, server);
    expect(queries).toEqual(['DUMP\n']);
    expect(seen).toEqual([{ id: 'r1-a', payload: 'x' }, { id: 'r1-b', payload: '' }]);
  });

  it('{ module }: the function result, checked but not filtered', async () => {
    const server = await example('ledger-server.js');
    await sendLines(server.port, ['PUT r1-m1-1 a', 'PUT r7-m1-1 b']);
    expect(await read({ module: './readback-lines.ts' }, server, 'r1', CUSTOM)).toEqual([
      { id: 'r1-m1-1', payload: 'a' },
      { id: 'r7-m1-1', payload: 'b' },
    ]);
  });

  it('{ file }: JSON lines relative to dir, this run only; errors name the line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sockfault-readback-'));
    defer(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'kept.jsonl'), '{"id":"r1-m1-1","payload":"a"}\n{"id":"r1-m1-1"}\n\n{"id":"r0-m1-1"}\n');
    const at = (input: ReadbackInput) => readBack(input, LINES, readbackContext({ host: '127.0.0.1', port: 9 }), { dir });
    expect(await at({ file: 'kept.jsonl' })).toEqual([{ id: 'r1-m1-1', payload: 'a' }, { id: 'r1-m1-1' }]);
    await writeFile(join(dir, 'bad.jsonl'), '{"id":"r1-m1-1"}\n{"payload":"no id"}\n');
    await expect(at({ file: 'bad.jsonl' })).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('bad.jsonl line 2') });
    await writeFile(join(dir, 'broken.jsonl'), '{"id":');
    await expect(at({ file: 'broken.jsonl' })).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('line 1') });
    await expect(at({ file: 'missing.jsonl' })).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('missing.jsonl') });
  });

  it('none: no readback at all', async () => {
    expect(await read('none', { host: '127.0.0.1', port: 9 })).toBeUndefined();
  });

  it.each([
    ['a module that is missing', { module: './nope.ts' }, /nope\.ts/],
    ['a module without a default function', { module: './no-default.ts' }, /default-exported function/],
    ['a module returning something else than an array', { module: './readback-not-array.ts' }, /array/],
    ['a module that throws', { module: './readback-throws.ts' }, /server said no/],
  ])('rejects %s with ERR_READBACK', async (_, input, pattern) => {
    await expect(read(input, { host: '127.0.0.1', port: 9 }, 'r1', CUSTOM)).rejects.toMatchObject({
      code: 'ERR_READBACK',
      message: expect.stringMatching(pattern),
    });
  });

  it('rejects builtin with a custom workload, and unreadable servers, with ERR_READBACK', async () => {
    await expect(read('builtin', { host: '127.0.0.1', port: 9 }, 'r1', CUSTOM)).rejects.toMatchObject({ code: 'ERR_READBACK' });
    const closesEarly = await serve((socket) => socket.once('data', () => socket.end('r1-m1-1 a\n')));
    await expect(read('builtin', closesEarly)).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('end marker') });
    const garbled = await serve((socket) => socket.once('data', () => socket.write('???\nEND\n')));
    await expect(read('builtin', garbled)).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('???') });
    const refused = await listen(net.createServer());
    await refused.close();
    await expect(read('builtin', refused)).rejects.toMatchObject({ code: 'ERR_READBACK', message: expect.stringContaining('ECONNREFUSED') });
    const notJson = await listen(http.createServer((_, res) => res.end('[{"id":')));
    defer(() => notJson.close());
    await expect(read('builtin', notJson, 'r1', { type: 'http' })).rejects.toMatchObject({ code: 'ERR_READBACK' });
  });

  it('stops when the run signal aborts, while connecting or while waiting for the answer', async () => {
    const controller = new AbortController();
    // Never answers; aborts the readback once its query arrived.
    const silent = await serve((socket) => socket.once('data', () => controller.abort()));
    const started = Date.now();
    await expect(readBack('builtin', LINES, readbackContext(silent, 'r1', controller.signal), { dir: fixtures })).rejects.toMatchObject({
      code: 'ERR_READBACK',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(readBack('builtin', LINES, readbackContext(silent, 'r1', controller.signal), { dir: fixtures })).rejects.toMatchObject({
      code: 'ERR_READBACK',
    });
  }, 5000);
});
