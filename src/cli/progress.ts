/**
 * The live progress line on a terminal: one line rewritten in place with `\r`, cleared
 * before a scenario's result is printed, and throttled so that a fast search does not
 * spend its time repainting.
 */
import type { TextOut } from './io.js';

const CLEAR = '\r\u001B[K';
const MIN_INTERVAL_MS = 80;

/** One rewritable status line on a terminal. */
export class ProgressLine {
  readonly #out: TextOut;
  #shown = false;
  #lastPaint = 0;

  constructor(out: TextOut) {
    this.#out = out;
  }

  /** Replaces the line with `text`, cut to the terminal width. */
  update(text: string): void {
    const now = Date.now();
    if (this.#shown && now - this.#lastPaint < MIN_INTERVAL_MS) return;
    this.#lastPaint = now;
    // A pseudo-terminal may report 0 columns: fall back to the classic 80.
    const width = Math.max(20, (this.#out.columns || 80) - 1);
    this.#out.write(`${CLEAR}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.#shown = true;
  }

  /** Removes the line, so the next output starts on a clean line. */
  clear(): void {
    if (!this.#shown) return;
    this.#out.write(CLEAR);
    this.#shown = false;
  }
}
