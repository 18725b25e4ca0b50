/**
 * The server under test. `startTarget()` starts (or, for `address`, describes) it and
 * returns a {@link RunningTarget}: where to connect, its log, the controls target faults
 * use, and its first crash.
 *
 *   command  a child process on a free PORT (no shell unless `shell: true`)
 *   module   imported in-process: createServer() or start({ port })
 *   address  a server someone else runs, loopback unless allowRemote
 */
import { SockfaultError } from '../errors.js';
import type { TargetInput } from '../scenario/types.js';
import { startAddressTarget } from './address.js';
import { startCommandTarget } from './command.js';
import { startModuleTarget } from './module.js';
import { throwIfStartAborted } from './target-errors.js';
import type { RunningTarget, StartTargetOptions } from './running-target.js';

export type { RunningTarget, StartTargetOptions, TargetKind } from './running-target.js';
export type { TargetEvent } from './types.js';
export { isLoopback, parseAddress } from './address.js';

const KINDS = ['command', 'module', 'address'] as const;

/**
 * Starts the target described by `input` and waits until it is ready.
 * Errors (all SockfaultError, the message naming the `target.*` field):
 * ERR_TARGET_START (bad input, spawn or import failure, exit before ready, aborted),
 * ERR_TARGET_NOT_READY (ready timeout; the message ends with the stderr tail),
 * ERR_REMOTE_TARGET (non-loopback address without `allowRemote`),
 * ERR_INVALID_ARGUMENT (bad `options`).
 */
export async function startTarget(input: TargetInput, options: StartTargetOptions): Promise<RunningTarget> {
  if (typeof options !== 'object' || options === null || typeof options.dir !== 'string' || options.dir === '') {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', 'startTarget: options.dir must be the folder relative paths start from');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SockfaultError('ERR_TARGET_START', 'target: must be an object with command, module or address', { location: 'target' });
  }
  const record = input as Record<string, unknown>;
  const given = KINDS.filter((kind) => record[kind] !== undefined);
  if (given.length !== 1) {
    const found = given.length === 0 ? 'none' : given.join(' and ');
    throw new SockfaultError('ERR_TARGET_START', `target: give exactly one of command, module or address (found ${found})`, {
      location: 'target',
    });
  }
  throwIfStartAborted(options.signal);
  switch (given[0]) {
    case 'command':
      return startCommandTarget(record, options);
    case 'module':
      return startModuleTarget(record, options);
    default:
      return startAddressTarget(record, options);
  }
}
