/**
 * throttle: from the offset on, at most `bytesPerSecond`. Chunks are cut into slices of
 * about 1/20 s of traffic so the rate is smooth rather than bursty.
 */
import { now } from '../clock.js';
import { TimedQueue } from './timed-queue.js';
import type { FaultAction, Stage, StageContext } from './types.js';

class ThrottleStage implements Stage {
  #queue: TimedQueue;
  #released = false;
  #nextFree = 0;
  readonly #slice: number;
  constructor(
    private readonly context: StageContext,
    private readonly bytesPerSecond: number,
  ) {
    this.#queue = new TimedQueue(context.emit);
    this.#slice = Math.max(1, Math.floor(bytesPerSecond / 20));
  }
  write(chunk: Buffer): void {
    if (this.#released) return this.context.emit(chunk);
    for (let start = 0; start < chunk.length; start += this.#slice) {
      const slice = chunk.subarray(start, start + this.#slice);
      const due = Math.max(now(), this.#nextFree);
      this.#nextFree = due + (slice.length * 1000) / this.bytesPerSecond;
      this.#queue.push(slice, due);
    }
  }
  end(done: () => void): void {
    this.#queue.whenEmpty(done);
  }
  release(): void {
    this.#released = true;
    this.#queue.flush();
  }
  dispose(): void {
    this.#queue.dispose();
  }
}

export const throttleAction: FaultAction = {
  name: 'throttle',
  scope: 'pair',
  doc: 'limit the direction to `bytesPerSecond`',
  params: {
    bytesPerSecond: { kind: 'integer', min: 1, default: 16_384, doc: 'bandwidth limit (bytes per second)' },
  },
  fire: (context, params) => context.addStage((stage) => new ThrottleStage(stage, params.bytesPerSecond as number)),
  describe: (params) => `throttle to ${params.bytesPerSecond} bytes/s`,
};
