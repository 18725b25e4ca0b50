/**
 * delay: every chunk from the offset on arrives `ms` (± seeded `jitter`) later, in order.
 */
import { now } from '../clock.js';
import { TimedQueue } from './timed-queue.js';
import type { FaultAction, Stage, StageContext } from './types.js';

class DelayStage implements Stage {
  #queue: TimedQueue;
  #released = false;
  constructor(
    private readonly context: StageContext,
    private readonly ms: number,
    private readonly jitter: number,
  ) {
    this.#queue = new TimedQueue(context.emit);
  }
  write(chunk: Buffer): void {
    if (this.#released) return this.context.emit(chunk);
    const offset = this.jitter === 0 ? 0 : (this.context.random.next() * 2 - 1) * this.jitter;
    this.#queue.push(chunk, now() + Math.max(0, this.ms + offset));
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

export const delayAction: FaultAction = {
  name: 'delay',
  scope: 'pair',
  doc: 'add `ms` (± seeded `jitter`) per chunk, keeping order',
  params: {
    ms: { kind: 'integer', min: 0, max: 600_000, default: 100, doc: 'added latency per chunk (ms)' },
    jitter: { kind: 'integer', min: 0, max: 600_000, default: 0, doc: 'seeded ± variation (ms)' },
  },
  fire: (context, params) =>
    context.addStage((stage) => new DelayStage(stage, params.ms as number, params.jitter as number)),
  describe: (params) => `delay ${params.ms} ms${params.jitter ? ` ± ${params.jitter} ms` : ''}`,
};
