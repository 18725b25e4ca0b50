/**
 * What a spawned target prints: `output` events in the target log (bounded in total),
 * the stderr tail for exit events and errors, and complete lines for `ready: { log }`.
 */
import { EventEmitter } from 'node:events';
import { now } from '../clock.js';
import type { TargetEvent } from './types.js';

/** Total characters of `output` events kept per target (about 1 MiB). */
export const OUTPUT_LIMIT = 1024 * 1024;
/** Characters of stderr kept as the tail for exit events and errors. */
export const STDERR_TAIL_LIMIT = 2048;
/** A line longer than this is cut before it is matched. */
const LINE_LIMIT = 64 * 1024;

/** Shared by every process of one target (restarts included), so the log stays bounded. */
export interface OutputBudget {
  remaining: number;
  truncated: boolean;
}

/** A fresh budget of {@link OUTPUT_LIMIT} characters. */
export function createOutputBudget(): OutputBudget {
  return { remaining: OUTPUT_LIMIT, truncated: false };
}

type Stream = 'stdout' | 'stderr';

/** The output of one process. Emits `'line'` with every complete line of either stream. */
export class OutputRecorder extends EventEmitter<{ line: [string] }> {
  readonly #log: TargetEvent[];
  readonly #budget: OutputBudget;
  readonly #partial: Record<Stream, string> = { stdout: '', stderr: '' };
  #stderrTail = '';

  constructor(log: TargetEvent[], budget: OutputBudget) {
    super();
    this.#log = log;
    this.#budget = budget;
  }

  /** The last {@link STDERR_TAIL_LIMIT} characters of stderr. */
  get stderrTail(): string {
    return this.#stderrTail;
  }

  /** Records a chunk of text from one stream. */
  write(stream: Stream, text: string): void {
    if (text.length === 0) return;
    this.#keep(stream, text);
    if (stream === 'stderr') this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_LIMIT);
    const pieces = (this.#partial[stream] + text).split('\n');
    this.#partial[stream] = (pieces.pop() ?? '').slice(-LINE_LIMIT);
    for (const line of pieces) this.emit('line', line.replace(/\r$/, '').slice(0, LINE_LIMIT));
  }

  // The log is append-only, so the bound keeps the first OUTPUT_LIMIT characters and
  // then one marker; the latest stderr stays available through the tail.
  #keep(stream: Stream, text: string): void {
    const budget = this.#budget;
    if (budget.remaining <= 0) {
      if (!budget.truncated) {
        budget.truncated = true;
        this.#log.push({ type: 'output', at: now(), stream, text: '[sockfault: further output not kept]\n' });
      }
      return;
    }
    const kept = text.length > budget.remaining ? text.slice(0, budget.remaining) : text;
    budget.remaining -= kept.length;
    this.#log.push({ type: 'output', at: now(), stream, text: kept });
  }
}
