/**
 * fragment: deliver in pieces of `min`..`max` bytes (seeded), with a turn of the event
 * loop (`setImmediate`) between pieces so each piece reaches the peer as its own read —
 * same-tick writes would coalesce in the kernel.
 *
 *   "PUT a1 xyz\n" ──▶ "PU" · "T a" · "1 xy" · "z\n"
 */
import type { FaultAction, Stage, StageContext } from './types.js';

class FragmentStage implements Stage {
  #pending: Buffer[] = [];
  #immediate: NodeJS.Immediate | undefined;
  #whenEmpty: (() => void) | undefined;
  #released = false;
  constructor(
    private readonly context: StageContext,
    private readonly min: number,
    private readonly max: number,
  ) {}
  write(chunk: Buffer): void {
    if (this.#released) return this.context.emit(chunk);
    this.#pending.push(chunk);
    this.#immediate ??= setImmediate(() => this.#pump());
  }
  #pump(): void {
    this.#immediate = undefined;
    const head = this.#pending[0];
    if (head === undefined) return;
    const size = Math.min(head.length, this.context.random.int(this.min, this.max));
    if (size === head.length) this.#pending.shift();
    else this.#pending[0] = head.subarray(size);
    this.context.emit(head.subarray(0, size));
    if (this.#pending.length > 0) this.#immediate = setImmediate(() => this.#pump());
    else this.#settle();
  }
  #settle(): void {
    const done = this.#whenEmpty;
    this.#whenEmpty = undefined;
    done?.();
  }
  end(done: () => void): void {
    if (this.#pending.length === 0) return done();
    this.#whenEmpty = done;
  }
  release(): void {
    this.#released = true;
    clearImmediate(this.#immediate);
    this.#immediate = undefined;
    const pending = this.#pending;
    this.#pending = [];
    for (const chunk of pending) this.context.emit(chunk);
    this.#settle();
  }
  dispose(): void {
    clearImmediate(this.#immediate);
    this.#pending = [];
    this.#whenEmpty = undefined;
  }
}

export const fragmentAction: FaultAction = {
  name: 'fragment',
  scope: 'pair',
  doc: 'from here on, deliver in pieces of `min`..`max` bytes with a turn of the event loop between',
  params: {
    min: { kind: 'integer', min: 1, default: 1, doc: 'smallest piece (bytes)' },
    max: { kind: 'integer', min: 1, default: 16, doc: 'largest piece (bytes); at least `min`' },
  },
  fire: (context, params) =>
    context.addStage((stage) => new FragmentStage(stage, params.min as number, params.max as number)),
  describe: (params) =>
    params.min === params.max ? `fragment into ${params.min}-byte pieces` : `fragment into ${params.min}–${params.max} byte pieces`,
};
