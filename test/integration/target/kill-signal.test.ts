/**
 * kill-target with a graceful `signal` (SIGTERM, SIGINT, SIGHUP): the target's own handler
 * runs, the exit is expected, SIGKILL follows after `stopGrace`, a restart comes back on the
 * same port. Command targets get the real signal; module targets an orderly close.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { pEvent } from 'p-event';
import type { TargetInput } from '../../../src/scenario/types.js';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import type { TargetEvent } from '../../../src/target/types.js';
import { FIXTURES, cleanUp, echo, isAlive, nodeCommand, open, pidsOf } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();

async function start(input: TargetInput): Promise<RunningTarget> {
  const target = await startTarget(input, { dir: FIXTURES });
  targets.push(target);
  return target;
}

const types = (log: TargetEvent[]): string[] => log.filter((event) => event.type !== 'output').map((event) => event.type);
const stdout = (log: TargetEvent[]): string => log.map((event) => (event.type === 'output' ? event.text : '')).join('');
const find = <T extends TargetEvent['type']>(log: TargetEvent[], type: T) =>
  log.find((event): event is Extract<TargetEvent, { type: T }> => event.type === type);

/** Everything `socket` receives until it closes, and how it closed. */
function received(socket: Socket): Promise<{ text: string; error?: string }> {
  let text = '';
  let error: string | undefined;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  socket.on('error', (cause: NodeJS.ErrnoException) => (error = cause.code));
  return pEvent(socket, 'close', { timeout: 5000, rejectionEvents: [] }).then(() => ({ text, ...(error ? { error } : {}) }));
}

afterEach(() => cleanUp(targets, sockets));

describe('kill-target with a signal, command target', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s runs the server handler; the exit is expected, not a crash', async (signal) => {
    const target = await start({ command: nodeCommand('graceful-server.js') });
    const [pid] = pidsOf(target);
    const client = await open(target.port, sockets);
    const seen = received(client);
    await target.control.kill({ signal });
    expect(isAlive(pid!)).toBe(false);
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit']);
    expect(find(target.log, 'kill')).toMatchObject({ signal });
    // The handler ran: it said so, answered the open connection and exited with its own code.
    expect(stdout(target.log)).toContain(`got ${signal}, stopping`);
    expect(find(target.log, 'exit')).toMatchObject({ code: 0, signal: null, expected: true });
    expect(await seen).toEqual({ text: `bye ${signal}\n` });
    expect(target.crashed()).toBeUndefined();
    await expect(open(target.port, sockets)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a server that dies of the signal (no handler) exits with it, still expected', async () => {
    const target = await start({ command: nodeCommand('echo-server.js') });
    await target.control.kill({ signal: 'SIGTERM' });
    expect(find(target.log, 'exit')).toMatchObject({ code: null, signal: 'SIGTERM', expected: true });
    expect(target.crashed()).toBeUndefined();
  });

  it('SIGKILLs a server that ignores the signal once stopGrace has passed', async () => {
    const stopGrace = 400;
    const target = await start({ command: nodeCommand('ignores-sigterm.js'), ready: { log: 'listening' }, stopGrace });
    const [pid] = pidsOf(target);
    await target.control.kill({ signal: 'SIGTERM' });
    expect(isAlive(pid!)).toBe(false);
    expect(stdout(target.log)).toContain('ignoring SIGTERM');
    const kill = find(target.log, 'kill')!;
    const exit = find(target.log, 'exit')!;
    expect(exit).toMatchObject({ signal: 'SIGKILL', expected: true });
    // Not before the grace period, and not long after it (the drain of its output is bounded too).
    expect(exit.at - kill.at).toBeGreaterThanOrEqual(stopGrace - 5);
    expect(exit.at - kill.at).toBeLessThan(stopGrace + 2000);
    expect(target.crashed()).toBeUndefined();
  });

  it('restarts on the same port after a SIGTERM kill', async () => {
    const target = await start({ command: nodeCommand('graceful-server.js') });
    const port = target.port;
    await target.control.kill({ signal: 'SIGTERM', restartAfterMs: 50 });
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit', 'restart', 'start', 'ready']);
    const exit = find(target.log, 'exit')!;
    expect(exit).toMatchObject({ code: 0, expected: true });
    expect(stdout(target.log)).toContain('got SIGTERM, stopping');
    const restart = target.log.find((event) => event.type === 'restart')!;
    expect(restart.at - exit.at).toBeGreaterThanOrEqual(45);
    const [first, second] = pidsOf(target);
    expect(second).not.toBe(first);
    expect(isAlive(first!)).toBe(false);
    expect(target.port).toBe(port);
    expect(await echo(port, sockets, 'again')).toBe('again');
    expect(target.crashed()).toBeUndefined();
  });

  it('rejects a signal it does not send with ERR_INVALID_FAULT, before acting', async () => {
    const target = await start({ command: nodeCommand('echo-server.js') });
    await expect(target.control.kill({ signal: 'SIGSTOP' })).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT', location: 'signal' });
    expect(types(target.log)).toEqual(['start', 'ready']);
    expect(await echo(target.port, sockets)).toBe('ping');
  });
});

describe('kill-target with a signal, module target', () => {
  it('ends every connection with a FIN (no RST) and restarts on the same port', async () => {
    const target = await start({ module: './module-echo.js' });
    const port = target.port;
    const client = await open(port, sockets);
    const seen = received(client);
    // Bytes the server had queued still arrive before the FIN.
    client.write('last words');
    await pEvent(client, 'data', { timeout: 5000 });
    await target.control.kill({ signal: 'SIGTERM', restartAfterMs: 20 });
    expect(await seen).toEqual({ text: 'last words' });
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit', 'restart', 'start', 'ready']);
    expect(find(target.log, 'kill')).toMatchObject({ signal: 'SIGTERM' });
    expect(find(target.log, 'exit')).toMatchObject({ expected: true });
    expect(target.port).toBe(port);
    expect(await echo(port, sockets)).toBe('ping');
    expect(target.crashed()).toBeUndefined();
  });

  it('resets a connection whose peer never closes its side, after a bounded wait', async () => {
    const target = await start({ module: './module-echo.js' });
    // Reads the FIN but keeps its own side open.
    const client = connect({ host: '127.0.0.1', port: target.port, allowHalfOpen: true });
    sockets.add(client);
    await pEvent(client, 'connect', { timeout: 5000 });
    const ended = pEvent(client, 'end', { timeout: 5000 });
    const failed = pEvent(client, 'error', { timeout: 5000 });
    const began = Date.now();
    await target.control.kill({ signal: 'SIGTERM' });
    const waited = Date.now() - began;
    await ended;
    expect(waited).toBeGreaterThanOrEqual(1900);
    expect(waited).toBeLessThan(4000);
    // The server's side is gone (reset): the next write fails.
    client.write('anyone there?');
    expect(await failed).toMatchObject({ code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/) });
    await expect(open(target.port, sockets)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('calls the close() of a start({ port }) export', async () => {
    const target = await start({ module: './module-start.js' });
    await target.control.kill({ signal: 'SIGINT' });
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit']);
    await expect(open(target.port, sockets)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
