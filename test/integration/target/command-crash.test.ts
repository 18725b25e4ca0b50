import { afterEach, describe, expect, it } from '@jest/globals';
import type { Socket } from 'node:net';
import { pEvent } from 'p-event';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { FIXTURES, cleanUp, echo, isAlive, nodeCommand, open, pidsOf, within } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();

afterEach(() => cleanUp(targets, sockets));

describe('command target crash', () => {
  it('reports a server without an error handler that dies on a client reset as a crash', async () => {
    const target = await startTarget({ command: nodeCommand('no-error-handler-server.js') }, { dir: FIXTURES });
    targets.push(target);
    expect(await echo(target.port, sockets)).toBe('ping'); // healthy, and the probe did not crash it
    expect(target.crashed()).toBeUndefined();

    const socket = await open(target.port, sockets);
    socket.write('hello');
    await pEvent(socket, 'data', { timeout: 5000 });
    socket.resetAndDestroy();

    const crash = await within(target.crash, 'the crash');
    expect(crash).toMatchObject({ type: 'exit', code: 1, signal: null, expected: false });
    expect(crash.type === 'exit' && crash.stderrTail).toContain('ECONNRESET');
    expect(target.crashed()).toBe(crash);
    expect(target.log).toContain(crash);
    expect(isAlive(pidsOf(target)[0]!)).toBe(false);
  });

  it('keeps crash pending while the target is healthy', async () => {
    const target = await startTarget({ command: nodeCommand('echo-server.js') }, { dir: FIXTURES });
    targets.push(target);
    let settled = false;
    void target.crash.then(() => {
      settled = true;
    });
    await echo(target.port, sockets);
    await target.stop();
    expect(settled).toBe(false);
    expect(target.crashed()).toBeUndefined();
  });
});
