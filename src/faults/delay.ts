/**
 * delay: every chunk from the offset on arrives `ms` (± seeded `jitter`) later, in order.
 */
import { now } from '../clock.js';
import { TimedStage } from './timed-queue.js';
import type { FaultAction } from './types.js';

export const delayAction: FaultAction = {
  name: 'delay',
  scope: 'pair',
  doc: 'add `ms` (± seeded `jitter`) per chunk, keeping order',
  params: {
    ms: { kind: 'integer', min: 0, max: 600_000, default: 100, doc: 'added latency per chunk (ms)' },
    jitter: { kind: 'integer', min: 0, max: 600_000, default: 0, doc: 'seeded ± variation (ms)' },
  },
  fire: (context, params) => {
    const ms = params.ms as number;
    const jitter = params.jitter as number;
    context.addStage(
      (stage) =>
        new TimedStage(stage, (chunk) => {
          const offset = jitter === 0 ? 0 : (stage.random.next() * 2 - 1) * jitter;
          return [[chunk, now() + Math.max(0, ms + offset)]];
        }),
    );
  },
  describe: (params) => `delay ${params.ms} ms${params.jitter ? ` ± ${params.jitter} ms` : ''}`,
};
