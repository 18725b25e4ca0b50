import { afterEach, describe, expect, it } from '@jest/globals';
import type { Socket } from 'node:net';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { liveChildCount } from '../../../src/target/child-registry.js';
import { FIXTURES, cleanUp, echo, isAlive, nodeCommand, pidsOf, printedPids } from './helpers.js';

const targets: RunningTarget[] = [];
const sockets = new Set<Socket>();

async function start(input: Parameters<typeof startTarget>[0]): Promise<RunningTarget> {
  const target = await startTarget(input, { dir: FIXTURES });
  targets.push(target);
  return target;
}

function outputOf(target: RunningTarget): string {
  return target.log.map((event) => (event.type === 'output' ? event.text : '')).join('');
}

afterEach(() => cleanUp(targets, sockets));

describe('command target', () => {
  it('spawns without a shell on a free PORT, waits for the port, keeps output, stops with SIGTERM', async () => {
    const target = await start({ command: nodeCommand('echo-server.js'), env: { GREETING: 'hello-env' } });
    expect(target.kind).toBe('command');
    expect(target.host).toBe('127.0.0.1');
    expect(await echo(target.port, sockets, 'ping')).toBe('ping');
    expect(target.log.filter((event) => event.type !== 'output').map((event) => event.type)).toEqual(['start', 'ready']);
    const [pid] = pidsOf(target);
    expect(pid).toBeDefined();
    await target.stop();
    await target.stop(); // idempotent
    expect(isAlive(pid!)).toBe(false);
    expect(outputOf(target)).toContain('hello-env');
    const exit = target.log.find((event) => event.type === 'exit');
    expect(exit).toMatchObject({ signal: 'SIGTERM', expected: true });
    expect(target.crashed()).toBeUndefined();
  });

  it('waits for a log line with ready: { log }, in cwd relative to dir', async () => {
    const target = await start({ command: [process.execPath, '../targets/echo-server.js'], cwd: '../targets', ready: { log: '^listening on \\d+' } });
    expect(target.log.some((event) => event.type === 'ready')).toBe(true);
    expect(outputOf(target)).toContain(`cwd=${FIXTURES.replace(/\/$/, '')}`);
    expect(await echo(target.port, sockets)).toBe('ping');
  });

  it('waits a fixed time with ready: { ms }', async () => {
    const target = await start({ command: nodeCommand('echo-server.js'), ready: { ms: 300 } });
    const [started, ready] = target.log.filter((event) => event.type === 'start' || event.type === 'ready');
    expect(ready!.at - started!.at).toBeGreaterThanOrEqual(299);
  });

  it('runs a command line through a shell only with shell: true', async () => {
    const target = await start({ command: `"${process.execPath}" echo-server.js`, shell: true, ready: { log: 'listening' } });
    expect(await echo(target.port, sockets)).toBe('ping');
    // The server is the shell's child: stop() must end it too, not only the shell.
    const [server] = printedPids(target);
    expect(server).not.toBe(pidsOf(target)[0]);
    await target.stop();
    expect(isAlive(server!)).toBe(false);
  });

  it('fails with ERR_TARGET_NOT_READY and the stderr tail when never ready, and kills the child', async () => {
    const began = Date.now();
    const error = await startTarget({ command: nodeCommand('never-listens.js'), readyTimeout: 500 }, { dir: FIXTURES }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TARGET_NOT_READY' });
    expect((error as Error).message).toContain('within 500 ms');
    expect((error as Error).message).toContain('waiting for a database that never comes');
    expect(Date.now() - began).toBeLessThan(5000);
    expect(liveChildCount()).toBe(0);
  });

  it('fails with ERR_TARGET_NOT_READY for a log line that never comes', async () => {
    const error = await startTarget({ command: nodeCommand('echo-server.js'), ready: { log: 'never printed' }, readyTimeout: 300 }, { dir: FIXTURES }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TARGET_NOT_READY', location: 'target.ready' });
  });

  it('fails with ERR_TARGET_START, the exit code and the stderr tail when it exits before ready', async () => {
    const error = await startTarget({ command: nodeCommand('exits-immediately.js') }, { dir: FIXTURES }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TARGET_START' });
    expect((error as Error).message).toContain('exit code 3');
    expect((error as Error).message).toContain('fatal: config file missing');
    expect(liveChildCount()).toBe(0);
  });

  it('sends SIGKILL when SIGTERM is ignored for stopGrace', async () => {
    const target = await start({ command: nodeCommand('ignores-sigterm.js'), stopGrace: 200, ready: { log: 'listening' } });
    await target.stop();
    expect(target.log.find((event) => event.type === 'exit')).toMatchObject({ signal: 'SIGKILL', expected: true });
    expect(outputOf(target)).toContain('ignoring SIGTERM');
  });

  it('gives up a start when the signal aborts, killing the child', async () => {
    const controller = new AbortController();
    const starting = startTarget({ command: nodeCommand('never-listens.js') }, { dir: FIXTURES, signal: controller.signal });
    controller.abort(new Error('run cancelled'));
    await expect(starting).rejects.toMatchObject({ code: 'ERR_TARGET_START', location: 'target' });
  });
});
