import { afterEach, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { pEvent } from 'p-event';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import type { TargetEvent } from '../../../src/target/types.js';
import { now } from '../../../src/clock.js';
import { FIXTURES, cleanUp, echo, eventually, isAlive, nodeCommand, open, pidsOf, within } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();

async function startEcho(): Promise<RunningTarget> {
  const target = await startTarget({ command: nodeCommand('echo-server.js') }, { dir: FIXTURES });
  targets.push(target);
  return target;
}

const types = (log: TargetEvent[]): string[] => log.filter((event) => event.type !== 'output').map((event) => event.type);

afterEach(() => cleanUp(targets, sockets));

describe('command target faults', () => {
  it('kill-target SIGKILLs the process as an expected exit, not a crash', async () => {
    const target = await startEcho();
    const [pid] = pidsOf(target);
    await target.control.kill({});
    expect(isAlive(pid!)).toBe(false);
    expect(target.log.find((event) => event.type === 'exit')).toMatchObject({ signal: 'SIGKILL', expected: true });
    expect(target.crashed()).toBeUndefined();
    const refused = await open(target.port, sockets).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('kill-target with restartAfterMs starts it again on the same port', async () => {
    const target = await startEcho();
    const port = target.port;
    await target.control.kill({ restartAfterMs: 50 });
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit', 'restart', 'start', 'ready']);
    const [first, second] = pidsOf(target);
    expect(second).not.toBe(first);
    expect(isAlive(first!)).toBe(false);
    expect(target.port).toBe(port);
    expect(await echo(target.port, sockets, 'again')).toBe('again');
    expect(target.crashed()).toBeUndefined();
  });

  it('a restart that exits before it is ready is a crash', async () => {
    const target = await startTarget({ command: nodeCommand('fails-on-restart.js') }, { dir: FIXTURES });
    targets.push(target);
    const marker = /marker=(\S+)/.exec(target.log.map((event) => (event.type === 'output' ? event.text : '')).join(''))?.[1];
    try {
      await target.control.kill({ restartAfterMs: 0 }); // settles, does not throw
      const crash = await within(target.crash, 'the crash');
      expect(crash).toMatchObject({ type: 'exit', code: 4, expected: false });
      expect(crash.type === 'exit' && crash.stderrTail).toContain('refusing to start twice');
      expect(target.crashed()).toBe(crash);
    } finally {
      if (marker !== undefined) await rm(marker, { force: true });
    }
  });

  it('stop() during the restart delay cancels the restart', async () => {
    const target = await startEcho();
    const killing = target.control.kill({ restartAfterMs: 60_000 });
    await eventually(() => types(target.log).includes('exit'));
    await target.stop();
    await killing;
    expect(types(target.log)).toEqual(['start', 'ready', 'kill', 'exit']);
  });

  it('pause-target stops the process for ms, then resumes it', async () => {
    const target = await startEcho();
    const socket = await open(target.port, sockets);
    socket.setEncoding('utf8');
    const pausing = target.control.pause(300);
    expect(types(target.log)).toEqual(['start', 'ready', 'pause']);
    socket.write('while paused');
    const reply = pEvent(socket, 'data', { timeout: 5000 }).then(() => now());
    await pausing;
    const resume = target.log.find((event) => event.type === 'resume');
    expect(resume).toBeDefined();
    // The echo only comes once the process runs again.
    expect(await reply).toBeGreaterThanOrEqual(resume!.at);
    expect(target.crashed()).toBeUndefined();
  });

  it('stop() while paused still ends the process promptly', async () => {
    const target = await startEcho();
    const pausing = target.control.pause(60_000);
    await target.stop();
    await pausing;
    expect(target.log.find((event) => event.type === 'exit')).toMatchObject({ signal: 'SIGTERM', expected: true });
  });

  it('rejects a bad ms with ERR_INVALID_FAULT', async () => {
    const target = await startEcho();
    await expect(target.control.pause(-1)).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT' });
    await expect(target.control.kill({ restartAfterMs: Number.NaN })).rejects.toMatchObject({ code: 'ERR_INVALID_FAULT' });
    expect(types(target.log)).toEqual(['start', 'ready']);
  });
});
