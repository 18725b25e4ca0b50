/**
 * `pause-target` on one process: SIGSTOP, then SIGCONT once `ms` have passed.
 *
 *   pause(ms) ─ SIGSTOP, 'pause' ─▶ stopped ─ timer ─▶ SIGCONT, 'resume' ─▶ settles
 *
 * A pause that arrives while one is running extends it to the later end. A process
 * that dies while stopped settles the pause without a 'resume' (nothing to resume).
 */
import { now } from '../clock.js';
import type { TargetChild } from './child.js';
import type { TargetEvent } from './types.js';

/** The pause state of one process. */
export class ChildPause {
  readonly #child: TargetChild;
  readonly #log: TargetEvent[];
  #timer: NodeJS.Timeout | undefined;
  #until = 0;
  #done: Promise<void> | undefined;
  #settle: (() => void) | undefined;

  constructor(child: TargetChild, log: TargetEvent[]) {
    this.#child = child;
    this.#log = log;
    void child.exited.then(() => this.#finish(false));
  }

  /** True while the process is stopped by a pause. */
  get active(): boolean {
    return this.#done !== undefined;
  }

  /** Stops the process for `ms`; settles once it runs again (or is gone). */
  pause(ms: number): Promise<void> {
    const until = now() + ms;
    if (this.#done !== undefined) {
      if (until > this.#until) this.#schedule(until);
      return this.#done;
    }
    if (!this.#child.signal('SIGSTOP')) return Promise.resolve();
    this.#log.push({ type: 'pause', at: now() });
    this.#done = new Promise<void>((resolve) => {
      this.#settle = resolve;
    });
    this.#schedule(until);
    return this.#done;
  }

  /** Resumes now (used by stop(), after its SIGTERM, so the signal is acted on). */
  resumeNow(): void {
    this.#finish(true);
  }

  #schedule(until: number): void {
    clearTimeout(this.#timer);
    this.#until = until;
    this.#timer = setTimeout(() => this.#finish(true), Math.max(0, until - now()));
  }

  #finish(resume: boolean): void {
    if (this.#done === undefined) return;
    clearTimeout(this.#timer);
    if (resume && this.#child.signal('SIGCONT')) this.#log.push({ type: 'resume', at: now() });
    const settle = this.#settle;
    this.#done = undefined;
    this.#settle = undefined;
    settle?.();
  }
}
