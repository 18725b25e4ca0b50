/**
 * Reused read buffers for a socket the proxy creates (`net.connect({ onread })`), instead
 * of Node's fresh 64 KiB allocation per read. On loopback, faulting in those new pages and
 * giving them back after each GC cost the relay about a fifth of its CPU (perf, see
 * bench/README.md); reading into warm buffers removes that, and larger reads mean fewer
 * syscalls.
 *
 *   kernel ──read──▶ buffer ──chunk (a view of it)──▶ link ──write──▶ dest
 *                      ▲ reused for the next read unless a write to dest still holds it
 *
 * A chunk is only valid during the call: the link copies what it keeps (stage input), and
 * a buffer that `dest` may still be writing from is set aside until `dest` has nothing in
 * flight. A connection starts with a small buffer and moves to a large one at its first
 * read that fills it, so idle connections stay cheap. Node gives accepted sockets no
 * `onread`, so only the server leg (the downstream link) reads this way.
 */
import type { Socket } from 'node:net';

const FIRST_READ_SIZE = 16 * 1024;
/** The largest read; a link may hold this much above its high-water mark (Node's own reads: 64 KiB). */
export const MAX_READ_SIZE = 256 * 1024;

export class ReadPool {
  /** Pass as `net.connect({ onread })`, and pause the socket until `attach()`. */
  readonly onread: { buffer: () => Buffer; callback: (length: number, buffer: Uint8Array) => boolean };
  readonly #largeSize: number;
  #current: Buffer = Buffer.allocUnsafeSlow(FIRST_READ_SIZE);
  /** The last read filled its buffer: the peer is sending in bulk. */
  #filled = false;
  /** Buffers a write to `dest` may still hold. */
  #lent: Buffer[] = [];
  #spare: Buffer | undefined;
  #dest: Socket | undefined;
  #onChunk: ((chunk: Buffer) => void) | undefined;

  /** `highWaterMark` of the link: reads stay within max(64 KiB, min(it, 256 KiB)). */
  constructor(highWaterMark: number) {
    this.#largeSize = Math.min(MAX_READ_SIZE, Math.max(64 * 1024, highWaterMark));
    this.onread = {
      buffer: () => this.#next(),
      callback: (length, buffer) => {
        this.#deliver(buffer as Buffer, length);
        return true;
      },
    };
  }

  /** Sends every chunk read to `onChunk`; `dest` is where the link writes them. */
  attach(dest: Socket, onChunk: (chunk: Buffer) => void): void {
    this.#dest = dest;
    this.#onChunk = onChunk;
  }

  #deliver(buffer: Buffer, length: number): void {
    this.#filled = length === buffer.length;
    const onChunk = this.#onChunk;
    const dest = this.#dest;
    // Not attached: the link never started (a fault closed the pair at open) and the leg is
    // being drained before close, as `closeWithFin` does with a no-op 'data' listener.
    if (onChunk === undefined || dest === undefined) return;
    const before = dest.writableLength;
    onChunk(buffer.subarray(0, length));
    // Queued behind another write, or not all taken by the kernel at once: dest holds it.
    if (dest.writableLength > before) this.#lent.push(buffer);
  }

  /** Called by Node before each read: the buffer to read into. */
  #next(): Buffer {
    if (this.#lent.length > 0) {
      const dest = this.#dest!;
      if (dest.writableLength === 0 || dest.destroyed) {
        // Nothing in flight any more: every buffer is free again.
        for (const buffer of this.#lent) if (buffer !== this.#current && buffer.length === this.#largeSize) this.#spare = buffer;
        this.#lent = [];
      } else if (this.#lent.includes(this.#current)) {
        this.#current = this.#takeLarge();
      }
    }
    if (this.#filled && this.#current.length < this.#largeSize) this.#current = this.#takeLarge();
    return this.#current;
  }

  #takeLarge(): Buffer {
    const spare = this.#spare;
    this.#spare = undefined;
    return spare ?? Buffer.allocUnsafeSlow(this.#largeSize);
  }
}
