/**
 * throttle: from the offset on, at most `bytesPerSecond`. Chunks are cut into slices of
 * about 1/20 s of traffic so the rate is smooth rather than bursty.
 */
import { now } from '../clock.js';
import { TimedStage } from './timed-queue.js';
import type { FaultAction } from './types.js';

/** Slices of `chunk`, each due when the previous one has used up its share of the rate. */
function* paced(chunk: Buffer, bytesPerSecond: number, clock: { nextFree: number }): Iterable<[Buffer, number]> {
  const slice = Math.max(1, Math.floor(bytesPerSecond / 20));
  for (let start = 0; start < chunk.length; start += slice) {
    const piece = chunk.subarray(start, start + slice);
    const due = Math.max(now(), clock.nextFree);
    clock.nextFree = due + (piece.length * 1000) / bytesPerSecond;
    yield [piece, due];
  }
}

export const throttleAction: FaultAction = {
  name: 'throttle',
  scope: 'pair',
  doc: 'limit the direction to `bytesPerSecond`',
  params: {
    bytesPerSecond: { kind: 'integer', min: 1, default: 16_384, doc: 'bandwidth limit (bytes per second)' },
  },
  fire: (context, params) => {
    const clock = { nextFree: 0 };
    context.addStage((stage) => new TimedStage(stage, (chunk) => paced(chunk, params.bytesPerSecond as number, clock)));
  },
  describe: (params) => `throttle to ${params.bytesPerSecond} bytes/s`,
};
