/**
 * stall: stop forwarding for `ms` (forever when absent) without closing. Held bytes count
 * against the link's high-water mark, so the link pauses its source and backpressure
 * reaches the sender's kernel buffers, then the sender. Everything held is delivered when
 * the stall ends or the faults are cleared.
 */
import type { FaultAction, Stage, StageContext } from './types.js';

/** Holds every chunk (and the FIN) until `ms` passed or `release()`; also the proxy's hold during a target fault. */
export class StallStage implements Stage {
  #held: Buffer[] = [];
  #stalled = true;
  #timer: NodeJS.Timeout | undefined;
  #whenOver: (() => void) | undefined;
  constructor(
    private readonly context: StageContext,
    ms: number | undefined,
  ) {
    if (ms !== undefined) this.#timer = setTimeout(() => this.release(), ms);
  }
  write(chunk: Buffer): void {
    if (this.#stalled) this.#held.push(chunk);
    else this.context.emit(chunk);
  }
  end(done: () => void): void {
    if (this.#stalled) this.#whenOver = done;
    else done();
  }
  release(): void {
    clearTimeout(this.#timer);
    this.#stalled = false;
    const held = this.#held;
    this.#held = [];
    for (const chunk of held) this.context.emit(chunk);
    const done = this.#whenOver;
    this.#whenOver = undefined;
    done?.();
  }
  dispose(): void {
    clearTimeout(this.#timer);
    this.#held = [];
    this.#whenOver = undefined;
  }
}

export const stallAction: FaultAction = {
  name: 'stall',
  scope: 'pair',
  doc: 'stop forwarding for `ms` (or forever) without closing; backpressure reaches the sender',
  params: {
    ms: { kind: 'integer', min: 1, max: 3_600_000, optional: true, doc: 'how long (ms); absent: until the faults are cleared' },
  },
  fire: (context, params) => context.addStage((stage) => new StallStage(stage, params.ms as number | undefined)),
  describe: (params) => (params.ms === undefined ? 'stall' : `stall for ${params.ms} ms`),
};
