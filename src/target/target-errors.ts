/**
 * The errors a target raises while starting or when a target fault is misused, with
 * the stderr tail attached where there is one, so the cause is in the message.
 */
import { SockfaultError } from '../errors.js';
import { KILL_SIGNALS, type KillSignal } from '../faults/kill-target.js';
import type { ExitEvent } from './child.js';
import type { CommandSpec, Ready } from './command-input.js';

function withTail(message: string, stderrTail: string): string {
  const tail = stderrTail.trimEnd();
  return tail === '' ? `${message} (stderr was empty)` : `${message}\n--- stderr (last lines) ---\n${tail}`;
}

function describeReady(ready: Ready): string {
  if (ready.kind === 'log') return `a stdout/stderr line matching ${String(ready.pattern)}`;
  if (ready.kind === 'ms') return `${ready.ms} ms`;
  return 'a TCP connection to 127.0.0.1:PORT';
}

/** ERR_TARGET_NOT_READY: `ready` did not hold within `readyTimeout`. */
export function notReadyError(spec: CommandSpec, stderrTail: string): SockfaultError {
  const message = `target.ready: the target was not ready within ${spec.readyTimeout} ms (waited for ${describeReady(spec.ready)}; see target.readyTimeout)`;
  return new SockfaultError('ERR_TARGET_NOT_READY', withTail(message, stderrTail), { location: 'target.ready' });
}

/** ERR_TARGET_START: the process ended before it was ready. */
export function exitedBeforeReadyError(exit: ExitEvent): SockfaultError {
  const how = exit.signal !== null ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
  const message = `target.command: the target exited before it was ready (${how})`;
  return new SockfaultError('ERR_TARGET_START', withTail(message, exit.stderrTail), { location: 'target.command' });
}

/** ERR_TARGET_START: the caller's AbortSignal ended the start. */
export function startAbortedError(reason: unknown): SockfaultError {
  return new SockfaultError('ERR_TARGET_START', 'target: the start was aborted', { cause: reason, location: 'target' });
}

/** Throws {@link startAbortedError} when `signal` is aborted. */
export function throwIfStartAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw startAbortedError(signal.reason);
}

/** Checks a millisecond parameter of a target fault (ERR_INVALID_FAULT). */
export function checkFaultMs(value: unknown, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SockfaultError('ERR_INVALID_FAULT', `${name} must be a number of milliseconds >= 0, got ${JSON.stringify(value)}`, {
      location: name,
    });
  }
}

/** Checks the `signal` of a kill (ERR_INVALID_FAULT); absent means SIGKILL. */
export function checkKillSignal(value: unknown): KillSignal {
  if (value === undefined) return 'SIGKILL';
  if (!(KILL_SIGNALS as readonly unknown[]).includes(value)) {
    throw new SockfaultError('ERR_INVALID_FAULT', `signal must be one of ${KILL_SIGNALS.join(', ')}, got ${JSON.stringify(value)}`, {
      location: 'signal',
    });
  }
  return value as KillSignal;
}

/** ERR_INVALID_FAULT: a target fault on a target kind that cannot take it. */
export function unsupportedFaultError(action: 'kill-target' | 'pause-target', kind: string, need: string): SockfaultError {
  return new SockfaultError('ERR_INVALID_FAULT', `${action} needs ${need}; this is ${kind} target`, { location: 'target' });
}
