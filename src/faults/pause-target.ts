/** pause-target: SIGSTOP the server under test for `ms`, then SIGCONT. */
import type { FaultAction } from './types.js';

export const pauseTargetAction: FaultAction = {
  name: 'pause-target',
  scope: 'target',
  doc: 'SIGSTOP the target for `ms`, then SIGCONT',
  params: {
    ms: { kind: 'integer', min: 1, max: 600_000, default: 1000, doc: 'how long the process stays stopped (ms)' },
  },
  fireTarget: (target, params) => target.pause(params.ms as number),
  describe: (params) => `pause the target for ${params.ms} ms`,
};
