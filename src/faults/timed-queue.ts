/**
 * An ordered queue of chunks, each released at its due time (ms, `now()` clock), with one
 * timer at a time. Used by `delay` and `throttle`; order is kept because due times never
 * decrease.
 */
import { now } from '../clock.js';
import type { Stage, StageContext } from './types.js';

export class TimedQueue {
  #items: { chunk: Buffer; due: number }[] = [];
  #timer: NodeJS.Timeout | undefined;
  #whenEmpty: (() => void) | undefined;
  #lastDue = 0;
  readonly #emit: (chunk: Buffer) => void;

  constructor(emit: (chunk: Buffer) => void) {
    this.#emit = emit;
  }

  /** Queues `chunk` for `due`, or for the previous chunk's due time if that is later. */
  push(chunk: Buffer, due: number): void {
    this.#lastDue = Math.max(this.#lastDue, due);
    this.#items.push({ chunk, due: this.#lastDue });
    this.#schedule();
  }

  /** The due time of the last queued chunk (so that callers can pace from it). */
  get lastDue(): number {
    return this.#lastDue;
  }

  /** Calls `done` once every queued chunk has been emitted. */
  whenEmpty(done: () => void): void {
    if (this.#items.length === 0) done();
    else this.#whenEmpty = done;
  }

  /** Emits everything now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const items = this.#items;
    this.#items = [];
    for (const item of items) this.#emit(item.chunk);
    this.#settle();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#items = [];
    this.#whenEmpty = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#items.length === 0) return;
    const wait = Math.max(0, this.#items[0]!.due - now());
    this.#timer = setTimeout(() => this.#release(), wait);
  }

  #release(): void {
    this.#timer = undefined;
    const t = now();
    while (this.#items.length > 0 && this.#items[0]!.due <= t + 0.5) this.#emit(this.#items.shift()!.chunk);
    this.#schedule();
    this.#settle();
  }

  #settle(): void {
    if (this.#items.length > 0 || this.#whenEmpty === undefined) return;
    const done = this.#whenEmpty;
    this.#whenEmpty = undefined;
    done();
  }
}

/**
 * A stage that releases each chunk (or slices of it) at a due time chosen by `plan`:
 * the shared body of `delay` and `throttle`, which differ only in how they pick times.
 */
export class TimedStage implements Stage {
  readonly #queue: TimedQueue;
  readonly #emit: (chunk: Buffer) => void;
  readonly #plan: (chunk: Buffer) => Iterable<[slice: Buffer, due: number]>;
  #released = false;

  constructor(context: StageContext, plan: (chunk: Buffer) => Iterable<[slice: Buffer, due: number]>) {
    this.#emit = context.emit;
    this.#queue = new TimedQueue(context.emit);
    this.#plan = plan;
  }
  write(chunk: Buffer): void {
    if (this.#released) return this.#emit(chunk);
    for (const [slice, due] of this.#plan(chunk)) this.#queue.push(slice, due);
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
