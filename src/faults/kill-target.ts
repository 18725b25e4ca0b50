/**
 * kill-target: SIGKILL the server under test (no FIN from a clean shutdown: the kernel
 * closes its sockets), optionally start it again on the same port after `restartAfterMs`.
 */
import type { FaultAction } from './types.js';

export const killTargetAction: FaultAction = {
  name: 'kill-target',
  scope: 'target',
  doc: 'SIGKILL the target process (`restartAfterMs` to start it again on the same port)',
  params: {
    restartAfterMs: { kind: 'integer', min: 0, max: 600_000, optional: true, doc: 'restart it after this long (ms)' },
  },
  fireTarget: (target, params) =>
    target.kill(params.restartAfterMs === undefined ? {} : { restartAfterMs: params.restartAfterMs as number }),
  describe: (params) =>
    params.restartAfterMs === undefined ? 'kill the target' : `kill the target, restart after ${params.restartAfterMs} ms`,
};
