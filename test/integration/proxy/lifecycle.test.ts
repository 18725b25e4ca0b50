import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { pEvent } from 'p-event';
import { FaultProxy } from '../../../src/proxy/fault-proxy.js';
import { openPair } from '../../../src/proxy/open-pair.js';
import { listenServer } from '../../helpers/sockets.js';

describe('FaultProxy lifecycle', () => {
  it('leaves no socket, server or timer behind after close(), with faults active on live pairs', async () => {
    // A process exits by itself only when nothing is left open: run the scenario in one.
    const script = fileURLToPath(new URL('../../fixtures/proxy/leave-nothing.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const [code] = (await pEvent(child, 'exit', { timeout: 15_000, multiArgs: true })) as [number | null];
      expect(output).toContain('closed');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('rejects use after close and bad targets with codes', async () => {
    expect(() => new FaultProxy({ target: { host: '127.0.0.1', port: 0 } })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }));
    expect(() => new FaultProxy({ target: { host: '10.1.2.3', port: 80 } })).toThrow(expect.objectContaining({ code: 'ERR_REMOTE_TARGET' }));
    const proxy = new FaultProxy({ target: { host: '127.0.0.1', port: 9 } });
    await proxy.close();
    await expect(proxy.listen()).rejects.toMatchObject({ code: 'ERR_PROXY_CLOSED' });
    expect(() => proxy.addFault({ action: 'reset' })).toThrow(expect.objectContaining({ code: 'ERR_PROXY_CLOSED' }));
  });

  it('an unreachable target resets the client and logs the refused dial', async () => {
    const target = await listenServer();
    const deadPort = target.port;
    await target.close();
    const proxy = new FaultProxy({ target: { host: '127.0.0.1', port: deadPort } });
    try {
      const { port } = await proxy.listen();
      const client = net.connect({ host: '127.0.0.1', port });
      const error = await pEvent(client, 'error', { timeout: 5000 });
      expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
      expect(proxy.log).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'close', side: 'server', by: 'peer', how: 'error', code: 'ECONNREFUSED' })]),
      );
    } finally {
      await proxy.close();
    }
  });

  it('close() waits for every leg: the log ends with both legs closed by the proxy and the byte totals', async () => {
    const opened = await openPair();
    opened.client.write('hello');
    await pEvent(opened.server, 'data', { timeout: 5000 });
    await opened.proxy.close();
    const log = opened.proxy.log;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'close', connection: 1, side: 'client', by: 'proxy' }),
        expect.objectContaining({ type: 'close', connection: 1, side: 'server', by: 'proxy' }),
        expect.objectContaining({ type: 'bytes', connection: 1, direction: 'upstream', forwarded: 5 }),
      ]),
    );
    await opened.close();
  });

  it('openPair gives two connected sockets through the proxy, with faults', async () => {
    const opened = await openPair({ faults: [{ at: { bytes: 3 }, action: 'destroy' }] });
    try {
      const { client, server, proxy } = opened;
      expect(proxy.address?.host).toBe('127.0.0.1');
      const ended = pEvent(server, 'end', { timeout: 5000 });
      const got: Buffer[] = [];
      server.on('data', (chunk: Buffer) => got.push(chunk));
      client.write('abcdef');
      await ended;
      expect(Buffer.concat(got).toString()).toBe('abc');
    } finally {
      await opened.close();
    }
  });
});
