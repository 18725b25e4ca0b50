/**
 * An `address` target: a server somebody else runs, at `host:port` (`[::1]:port` for
 * IPv6). Loopback only unless `allowRemote`, so a scenario cannot aim faults at a
 * machine by accident. The harness does not own the process: it cannot kill or pause
 * it, never sees it crash, and stop() leaves it alone. Nothing is dialled at start.
 */
import { BlockList, isIP } from 'node:net';
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import { createCrashLatch, type RunningTarget, type StartTargetOptions } from './running-target.js';
import { unsupportedFaultError } from './target-errors.js';
import type { TargetEvent } from './types.js';

function fail(message: string): never {
  throw new SockfaultError('ERR_TARGET_START', `target.address: ${message}`, { location: 'target.address' });
}

/** Splits `host:port` / `[v6]:port`; ERR_TARGET_START naming `target.address` when malformed. */
export function parseAddress(address: unknown): { host: string; port: number } {
  if (typeof address !== 'string' || address.trim() === '') fail('must be a string "host:port"');
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(address.trim()) ?? /^([^:[\]\s]+):(\d+)$/.exec(address.trim());
  const host = match?.[1];
  const port = Number(match?.[2]);
  if (host === undefined) fail(`${JSON.stringify(address)} is not "host:port" (write IPv6 as "[::1]:port")`);
  if (address.trim().startsWith('[') && isIP(host) !== 6) fail(`${JSON.stringify(host)} in brackets is not an IPv6 address`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`port ${match?.[2] ?? ''} is not between 1 and 65535`);
  return { host, port };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, ::1 (any spelling, IPv4-mapped included) and `localhost`. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const family = isIP(name);
  return family !== 0 && LOOPBACK.check(name, family === 4 ? 'ipv4' : 'ipv6');
}

/** Describes an already running server; ERR_REMOTE_TARGET when not on loopback and not allowed. */
export function startAddressTarget(input: Record<string, unknown>, options: StartTargetOptions): RunningTarget {
  const { host, port } = parseAddress(input.address);
  if (!isLoopback(host) && options.allowRemote !== true) {
    throw new SockfaultError(
      'ERR_REMOTE_TARGET',
      `target.address: ${host} is not a loopback address; pass --allow-remote (allowRemote: true) to fault a server on another machine`,
      { location: 'target.address' },
    );
  }
  const latch = createCrashLatch();
  const log: TargetEvent[] = [{ type: 'start', at: now(), host, port }];
  return {
    kind: 'address',
    host,
    port,
    log,
    control: {
      kill: async () => {
        throw unsupportedFaultError('kill-target', 'an address', 'a command or module target (the harness does not own this process)');
      },
      pause: async () => {
        throw unsupportedFaultError('pause-target', 'an address', 'a command target (the harness does not own this process)');
      },
    },
    crashed: latch.crashed,
    crash: latch.crash,
    stop: async () => {},
  };
}
