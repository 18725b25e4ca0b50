/**
 * Shared by the target tests: fixture paths, a round trip over a real socket, and the
 * cleanup that proves nothing is left behind (no child process, no TCP handle).
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expect } from '@jest/globals';
import { pEvent } from 'p-event';
import { liveChildCount } from '../../../src/target/child-registry.js';
import type { RunningTarget } from '../../../src/target/index.js';

/** Folder of the fixture servers; the `dir` of every target in these tests. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/targets/', import.meta.url));

/** `node <fixture>` as a command array. */
export function nodeCommand(fixture: string): string[] {
  return [process.execPath, fixture];
}

/** True while `pid` is a live process (a zombie counts as dead). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code === 'ESRCH') return false;
    throw error;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: kill(pid, 0) succeeded, so it exists
  }
}

/** Polls `condition` until it holds; fails after `timeoutMs`. For state outside our events. */
export async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** `promise`, or a rejection naming `what` after `timeoutMs`: every wait in a test is bounded. */
export async function within<T>(promise: Promise<T>, what: string, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The pids of every process a command target started. */
export function pidsOf(target: RunningTarget): number[] {
  return target.log.flatMap((event) => (event.type === 'start' && event.pid !== undefined ? [event.pid] : []));
}

/** The pids the fixture servers printed (`pid=N`), which may be grandchildren. */
export function printedPids(target: RunningTarget): number[] {
  const text = target.log.map((event) => (event.type === 'output' ? event.text : '')).join('');
  return [...text.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1]));
}

/** TCP handles (sockets and servers) alive in this process. */
export function tcpHandles(): string[] {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP'));
}

/** Opens a client socket to 127.0.0.1:`port`, registered for cleanup. */
export async function open(port: number, sockets: Set<Socket>): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.add(socket);
  socket.on('error', () => {});
  await pEvent(socket, 'connect', { timeout: 5000 });
  return socket;
}

/** Sends `text` to an echo server and resolves with what came back. */
export async function echo(port: number, sockets: Set<Socket>, text = 'ping'): Promise<string> {
  const socket = await open(port, sockets);
  socket.setEncoding('utf8');
  let received = '';
  const done = pEvent(socket, 'data', { timeout: 5000, filter: (chunk: string) => (received += chunk).length >= text.length });
  socket.write(text);
  await done;
  socket.end();
  await pEvent(socket, 'close', { timeout: 5000 });
  return received;
}

/** Stops every target and socket, then checks that no child and no TCP handle is left. */
export async function cleanUp(targets: RunningTarget[], sockets: Set<Socket>): Promise<void> {
  const pids = targets.flatMap((target) => [...pidsOf(target), ...printedPids(target)]);
  await Promise.all(targets.splice(0).map((target) => target.stop()));
  await Promise.all(
    [...sockets].map(async (socket) => {
      if (!socket.closed) {
        const closed = pEvent(socket, 'close', { timeout: 5000 });
        socket.destroy();
        await closed;
      }
    }),
  );
  sockets.clear();
  expect(pids.filter(isAlive)).toEqual([]);
  expect(liveChildCount()).toBe(0);
  expect(process.hasUncaughtExceptionCaptureCallback()).toBe(false); // module targets released it
  // Handles are released a turn after 'close'; the probe of `ready: port` ends by itself.
  await eventually(() => tcpHandles().length === 0);
}
