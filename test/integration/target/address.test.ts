import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { pEvent } from 'p-event';
import { isLoopback, parseAddress, startTarget, type RunningTarget } from '../../../src/target/index.js';
import { FIXTURES, cleanUp, echo } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();
const servers: Server[] = [];

afterEach(async () => {
  // Our own server first: cleanUp() checks that no TCP handle is left in this process.
  await Promise.all(servers.splice(0).map((server) => pEvent(server.close(), 'close', { timeout: 5000 })));
  await cleanUp(targets, sockets);
});

describe('address target', () => {
  it('points at a running loopback server and leaves it alone on stop', async () => {
    const server = createServer((socket) => socket.on('error', () => {}).pipe(socket));
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await pEvent(server, 'listening', { timeout: 5000 });
    const port = (server.address() as { port: number }).port;

    const target = await startTarget({ address: `127.0.0.1:${port}` }, { dir: FIXTURES });
    targets.push(target);
    expect(target).toMatchObject({ kind: 'address', host: '127.0.0.1', port });
    expect(await echo(target.port, sockets)).toBe('ping');
    await target.stop();
    expect(server.listening).toBe(true);
    expect(target.crashed()).toBeUndefined();
    await expect(target.control.kill({})).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT' });
    await expect(target.control.pause(10)).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT' });
  });

  it('parses host:port and [v6]:port', () => {
    expect(parseAddress('localhost:8080')).toEqual({ host: 'localhost', port: 8080 });
    expect(parseAddress('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    expect(parseAddress('db.example.com:5432')).toEqual({ host: 'db.example.com', port: 5432 });
    for (const bad of ['8080', 'localhost', 'localhost:0', 'localhost:70000', '::1:80', '[nope]:80', 'a b:1', '', 42]) {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: 'ERR_TARGET_START', location: 'target.address' }));
    }
  });

  it('knows loopback: 127.0.0.0/8, ::1 in any spelling, localhost', () => {
    for (const host of ['127.0.0.1', '127.10.0.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST', 'api.localhost']) {
      expect([host, isLoopback(host)]).toEqual([host, true]);
    }
    for (const host of ['10.0.0.1', '128.0.0.1', '::2', 'fe80::1', '::ffff:10.0.0.1', 'example.com', 'localhost.example.com', '0.0.0.0']) {
      expect([host, isLoopback(host)]).toEqual([host, false]);
    }
  });

  it('refuses a remote address with ERR_REMOTE_TARGET unless allowRemote, without connecting', async () => {
    await expect(startTarget({ address: '10.1.2.3:80' }, { dir: FIXTURES })).rejects.toMatchObject({
      code: 'ERR_REMOTE_TARGET',
      message: expect.stringContaining('--allow-remote'),
    });
    const remote = await startTarget({ address: 'db.example.com:5432' }, { dir: FIXTURES, allowRemote: true });
    expect(remote).toMatchObject({ kind: 'address', host: 'db.example.com', port: 5432 });
    await remote.stop();
  });
});
