/**
 * A Link is one direction of a pair: it reads from `source`, counts every byte, fires
 * byte triggers at their exact offset, passes bytes through the stages installed by
 * faults, and writes them to `dest`.
 *
 *   source ──data──▶ [offset counter · triggers] ──▶ stage N ▶ … ▶ stage 1 ──▶ dest.write
 *        ▲                                                                       │
 *        └──────── pause() while held + dest.writableLength ≥ highWaterMark ◀─────┘
 *
 * Rules every path obeys (Toxiproxy's pipe rules): stop when cut, end `dest` when the
 * source ends (half-close is forwarded, not turned into a close), never drop a byte unless
 * dropping is the fault's job, never buffer without bound.
 */
import type { Socket } from 'node:net';
import { now } from '../clock.js';
import type { Direction, Stage, StageContext } from '../faults/types.js';
import type { Random } from '../runner/random.js';
import type { ReadPool } from './read-pool.js';
import type { TransportLog } from './transport-log.js';

export interface LinkOptions {
  connection: number;
  direction: Direction;
  source: Socket;
  dest: Socket;
  random: Random;
  /** Bytes held by the link (stages + dest's write buffer) before the source is paused. */
  highWaterMark: number;
  log: TransportLog;
  recordData: boolean;
  /**
   * The source was created with `reads.onread` (and paused): chunks are views of reused
   * buffers, so the link copies what it keeps. Without it, the link listens to 'data'.
   */
  reads?: ReadPool;
  /** The source sent a FIN and everything before it was handed to `dest` (then `dest.end()` ran). */
  onForwardedEnd(): void;
  /** The link paused or resumed its source. */
  onFlow?(paused: boolean, buffered: number): void;
}

/** Counters of one link; `buffered` is what the proxy holds for it right now. */
export interface LinkStats {
  forwarded: number;
  delivered: number;
  dropped: number;
  buffered: number;
  maxBuffered: number;
  paused: boolean;
}

interface ByteTrigger {
  offset: number;
  fire(): void;
}

export class Link {
  /** Bytes accepted from the source: the offset that byte triggers count. */
  forwarded = 0;
  /** Bytes written to `dest`. */
  delivered = 0;
  /** Bytes discarded: after a cut, or by a stage whose fault is to drop (blackhole). */
  dropped = 0;
  maxBuffered = 0;
  #stageDropped = 0;
  #paused = false;
  #cut = false;
  #ended = false;
  /** Newest first: bytes enter the newest stage, so a stage only sees bytes after its offset. */
  #stages: Stage[] = [];
  #triggers: ByteTrigger[] = [];
  readonly #options: LinkOptions;

  constructor(options: LinkOptions) {
    this.#options = options;
  }

  /** Starts reading. Call once, after the triggers at offset 0 have been armed. */
  start(): void {
    const { source, dest, reads } = this.#options;
    if (reads) reads.attach(dest, (chunk) => this.#onData(chunk));
    else source.on('data', (chunk: Buffer) => this.#onData(chunk));
    source.on('end', () => this.#onSourceEnd());
    dest.on('drain', () => this.#updateFlow());
    source.resume();
  }

  get isCut(): boolean {
    return this.#cut;
  }

  /** Arms `fire` at `offset` (bytes in this direction). Returns false if the offset has passed. */
  addTrigger(offset: number, fire: () => void): boolean {
    if (offset < this.forwarded || (offset === this.forwarded && this.forwarded > 0) || this.#cut) return false;
    // Stable insertion: faults at the same offset fire in the order they were armed.
    let index = this.#triggers.length;
    while (index > 0 && this.#triggers[index - 1]!.offset > offset) index--;
    this.#triggers.splice(index, 0, { offset, fire });
    return true;
  }

  /** Fires the triggers armed at offset 0 (before the first byte). */
  fireOpenTriggers(): void {
    while (!this.#cut && this.#triggers.length > 0 && this.#triggers[0]!.offset <= this.forwarded) {
      this.#triggers.shift()!.fire();
    }
  }

  /** Inserts a stage from the current offset on. */
  addStage(create: (context: StageContext) => Stage): void {
    if (this.#cut) return;
    let stage: Stage | undefined;
    const context: StageContext = {
      emit: (chunk) => this.#emitFrom(stage!, chunk),
      drop: (length) => {
        this.#stageDropped += length;
        this.dropped += length;
        this.#updateFlow();
      },
      random: this.#options.random,
    };
    stage = create(context);
    this.#stages.unshift(stage);
  }

  /** Faults cleared: every stage delivers what it holds and the link forwards plainly. */
  releaseStages(): void {
    for (const stage of this.#stages) stage.release();
    this.#stages = [];
    this.#updateFlow();
  }

  /** Stops forwarding for good (destroy, reset, half-close): held and later bytes are dropped. */
  cut(): void {
    if (this.#cut) return;
    this.#cut = true;
    this.#triggers = [];
    for (const stage of this.#stages) stage.dispose();
    this.#stages = [];
    const held = this.forwarded - this.delivered - this.#stageDropped;
    this.dropped += held;
    // Keep reading so that the kernel never holds unread bytes (that would turn a close into an RST).
    this.#paused = false;
    this.#options.source.resume();
  }

  /** Disarms every byte trigger not yet reached. */
  clearTriggers(): void {
    this.#triggers = [];
  }

  /** Disarms triggers and disposes stages (pair closing). */
  dispose(): void {
    this.#triggers = [];
    for (const stage of this.#stages) stage.dispose();
    this.#stages = [];
  }

  stats(): LinkStats {
    return {
      forwarded: this.forwarded,
      delivered: this.delivered,
      dropped: this.dropped,
      buffered: this.#buffered(),
      maxBuffered: this.maxBuffered,
      paused: this.#paused,
    };
  }

  #onData(chunk: Buffer): void {
    if (this.#cut) {
      this.dropped += chunk.length;
      return;
    }
    let rest = chunk;
    // Fire every trigger that this chunk reaches, splitting the chunk at its offset.
    while (this.#triggers.length > 0 && this.#triggers[0]!.offset <= this.forwarded + rest.length) {
      const trigger = this.#triggers.shift()!;
      const head = trigger.offset - this.forwarded;
      if (head > 0) {
        this.#accept(rest.subarray(0, head));
        rest = rest.subarray(head);
      }
      trigger.fire();
      if (this.#cut) {
        this.dropped += rest.length;
        return;
      }
    }
    if (rest.length > 0) this.#accept(rest);
    this.#updateFlow();
  }

  #accept(piece: Buffer): void {
    const { recordData, log, connection, direction } = this.#options;
    if (recordData) log.push({ type: 'data', at: now(), connection, direction, offset: this.forwarded, length: piece.length });
    this.forwarded += piece.length;
    const first = this.#stages[0];
    if (first === undefined) this.#write(piece);
    // A stage keeps what it is given; a pooled chunk is only valid during this call.
    else first.write(this.#options.reads ? Buffer.from(piece) : piece);
  }

  #emitFrom(stage: Stage, chunk: Buffer): void {
    if (this.#cut) return;
    const index = this.#stages.indexOf(stage);
    const next = index >= 0 ? this.#stages[index + 1] : undefined;
    if (next === undefined) this.#write(chunk);
    else next.write(chunk);
    this.#updateFlow();
  }

  #write(chunk: Buffer): void {
    this.delivered += chunk.length;
    this.#options.dest.write(chunk);
  }

  #buffered(): number {
    return this.forwarded - this.delivered - this.#stageDropped + this.#options.dest.writableLength;
  }

  #updateFlow(): void {
    if (this.#cut) return;
    const { source, dest, highWaterMark, onFlow } = this.#options;
    const buffered = this.#buffered();
    if (buffered > this.maxBuffered) this.maxBuffered = buffered;
    const full = buffered >= highWaterMark || dest.writableNeedDrain;
    if (full && !this.#paused) {
      this.#paused = true;
      source.pause();
      onFlow?.(true, buffered);
    } else if (!full && this.#paused) {
      this.#paused = false;
      source.resume();
      onFlow?.(false, buffered);
    }
  }

  #onSourceEnd(): void {
    if (this.#cut || this.#ended) return;
    this.#ended = true;
    // The FIN travels behind the data: each stage finishes on its own schedule, in order.
    const stages = [...this.#stages];
    const endFrom = (index: number): void => {
      if (this.#cut) return;
      const stage = stages[index];
      if (stage === undefined) {
        this.#options.dest.end();
        this.#options.onForwardedEnd();
        return;
      }
      stage.end(() => endFrom(index + 1));
    };
    endFrom(0);
  }
}
