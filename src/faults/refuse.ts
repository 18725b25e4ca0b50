/**
 * refuse: the next `count` connection attempts are reset at accept (from connection N on
 * when the trigger names one). A refused connection still takes its number.
 */
import type { FaultAction } from './types.js';

export const refuseAction: FaultAction = {
  name: 'refuse',
  scope: 'listener',
  doc: 'the next `count` connection attempts are reset at accept',
  params: {
    count: { kind: 'integer', min: 1, max: 1_000_000, default: 1, doc: 'how many connection attempts to reset' },
  },
  fireListener: (listener, params, at) => listener.refuse(params.count as number, at.connection),
  describe: (params) => `refuse ${params.count} connection${params.count === 1 ? '' : 's'}`,
};
