/**
 * coalesce: hold chunks and deliver them merged, once `bytes` are held or `ms` after the
 * first held chunk, whichever comes first — several application writes become one read.
 */
import type { FaultAction, Stage, StageContext } from './types.js';

class CoalesceStage implements Stage {
  #held: Buffer[] = [];
  #heldBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #released = false;
  constructor(
    private readonly context: StageContext,
    private readonly bytes: number,
    private readonly ms: number,
  ) {}
  write(chunk: Buffer): void {
    if (this.#released) return this.context.emit(chunk);
    this.#held.push(chunk);
    this.#heldBytes += chunk.length;
    if (this.#heldBytes >= this.bytes) this.#deliver();
    else this.#timer ??= setTimeout(() => this.#deliver(), this.ms);
  }
  #deliver(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#heldBytes === 0) return;
    const merged = this.#held.length === 1 ? this.#held[0]! : Buffer.concat(this.#held, this.#heldBytes);
    this.#held = [];
    this.#heldBytes = 0;
    this.context.emit(merged);
  }
  end(done: () => void): void {
    this.#deliver();
    done();
  }
  release(): void {
    this.#released = true;
    this.#deliver();
  }
  dispose(): void {
    clearTimeout(this.#timer);
    this.#held = [];
    this.#heldBytes = 0;
  }
}

export const coalesceAction: FaultAction = {
  name: 'coalesce',
  scope: 'pair',
  doc: 'hold writes and deliver them merged (up to `bytes`, or `ms` after the first)',
  params: {
    bytes: { kind: 'integer', min: 1, max: 1_048_576, default: 65_536, doc: 'deliver once this many bytes are held' },
    ms: { kind: 'integer', min: 1, max: 600_000, default: 10, doc: 'deliver at the latest this long after the first held chunk' },
  },
  fire: (context, params) =>
    context.addStage((stage) => new CoalesceStage(stage, params.bytes as number, params.ms as number)),
  describe: (params) => `coalesce up to ${params.bytes} bytes or ${params.ms} ms`,
};
