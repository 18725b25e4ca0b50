import { afterEach, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { pEvent } from 'p-event';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { FIXTURES, cleanUp, echo, open, within } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();

async function startModule(module: string): Promise<RunningTarget> {
  const target = await startTarget({ module }, { dir: FIXTURES });
  targets.push(target);
  return target;
}

async function get(port: number): Promise<string> {
  const req = request({ host: '127.0.0.1', port, path: '/', agent: false });
  req.end();
  const [response] = (await pEvent(req, 'response', { timeout: 5000, multiArgs: true })) as [NodeJS.ReadableStream];
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (body += chunk));
  await pEvent(response, 'end', { timeout: 5000 });
  return body;
}

afterEach(() => cleanUp(targets, sockets));

describe('module target', () => {
  it('listens a createServer() export on 127.0.0.1 and stops it with its sockets', async () => {
    const target = await startModule('./module-echo.js');
    expect(target).toMatchObject({ kind: 'module', host: '127.0.0.1' });
    expect(target.port).toBeGreaterThan(0);
    expect(await echo(target.port, sockets)).toBe('ping');
    const idle = await open(target.port, sockets);
    const closed = pEvent(idle, 'close', { timeout: 5000 });
    await target.stop();
    await closed; // stop() destroyed the server's side of an open connection
    expect(target.log.map((event) => event.type)).toEqual(['start', 'ready']);
  });

  it('calls a start({ port }) export and its close() on stop', async () => {
    const target = await startModule('./module-start.js');
    expect(await get(target.port)).toBe('pong');
    await target.stop();
    await expect(open(target.port, sockets)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('turns an uncaught exception of the server into a crash event, not a harness crash', async () => {
    const target = await startModule('./module-no-error-handler.js');
    const socket = await open(target.port, sockets);
    socket.write('hello');
    await pEvent(socket, 'data', { timeout: 5000 });
    socket.resetAndDestroy();
    const crash = await within(target.crash, 'the crash');
    expect(crash).toMatchObject({ type: 'crash', code: 'ECONNRESET' });
    expect(crash.type === 'crash' && crash.stack).toContain('ECONNRESET');
    expect(target.crashed()).toBe(crash);
    // In-process, the server keeps running after the exception.
    expect(await echo(target.port, sockets)).toBe('ping');
  });

  it('kill-target resets its connections; restartAfterMs brings it back on the same port', async () => {
    const target = await startModule('./module-echo.js');
    const port = target.port;
    const victim = await open(port, sockets);
    const victimClosed = pEvent(victim, 'close', { timeout: 5000, rejectionEvents: [] });
    const reset = pEvent(victim, 'error', { timeout: 5000 });
    await target.control.kill({ restartAfterMs: 20 });
    expect(await reset).toMatchObject({ code: 'ECONNRESET' });
    await victimClosed;
    expect(target.log.map((event) => event.type)).toEqual(['start', 'ready', 'kill', 'exit', 'restart', 'start', 'ready']);
    expect(target.log.find((event) => event.type === 'exit')).toMatchObject({ expected: true });
    expect(target.port).toBe(port);
    expect(await echo(port, sockets)).toBe('ping');
    expect(target.crashed()).toBeUndefined();
  });

  it('kill-target without restart leaves the port closed', async () => {
    const target = await startModule('./module-start.js');
    await target.control.kill({});
    await expect(open(target.port, sockets)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses pause-target with ERR_INVALID_FAULT', async () => {
    const target = await startModule('./module-echo.js');
    await expect(target.control.pause(100)).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT' });
  });

  it('fails with ERR_TARGET_START for a module without createServer or start, or a missing file', async () => {
    await expect(startTarget({ module: './module-nothing.js' }, { dir: FIXTURES })).rejects.toMatchObject({
      code: 'ERR_TARGET_START',
      location: 'target.module',
      message: expect.stringContaining('exports neither createServer() nor start'),
    });
    await expect(startTarget({ module: './no-such-file.js' }, { dir: FIXTURES })).rejects.toMatchObject({
      code: 'ERR_TARGET_START',
      location: 'target.module',
    });
  });
});
