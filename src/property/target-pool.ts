/**
 * Keeps one running target across the runs of a search, so that a run costs a workload,
 * not a server start:
 *
 *   acquire() ─▶ run ─▶ release(target) ─┬─ healthy: kept for the next run
 *                                         └─ crashed / killed by a fault: stopped, the
 *                                            next acquire() starts a fresh one
 *   stop() at the end, whatever happened
 *
 * Reuse is safe for the history because op ids carry the run number and each run checks
 * only its own ids. The target log is not per run, though: a crash or kill stays in it and
 * would count against every later run, which is why such a target is never kept.
 */
import type { Scenario } from '../scenario/types.js';
import { startTarget, type RunningTarget } from '../target/index.js';
import type { TargetEvent } from '../target/types.js';

/** Target log events that mean the process (or in-process server) went away during a run. */
const GONE: ReadonlySet<TargetEvent['type']> = new Set(['kill', 'exit', 'crash', 'restart']);

export interface TargetPoolOptions {
  allowRemote?: boolean;
}

/** One reusable target for the runs of a search or a replay. */
export class TargetPool {
  readonly #scenario: Scenario;
  readonly #options: TargetPoolOptions;
  #target: RunningTarget | undefined;
  /** Length of the target's log when it was handed out, to see what the run added. */
  #logMark = 0;
  #starts = 0;

  constructor(scenario: Scenario, options: TargetPoolOptions = {}) {
    this.#scenario = scenario;
    this.#options = options;
  }

  /** Targets started so far (for benchmarks and tests of reuse). */
  get starts(): number {
    return this.#starts;
  }

  /**
   * The target for the next run, started if needed; `undefined` when the scenario asks
   * for a fresh target every run (`target.reuse: false`), which `runScenario` then starts
   * and stops itself. A failed start throws (the run reports it as `errored`).
   */
  async acquire(signal?: AbortSignal): Promise<RunningTarget | undefined> {
    if (!this.#reusable()) return undefined;
    if (this.#target === undefined) {
      this.#target = await startTarget(this.#scenario.target, {
        dir: this.#scenario.dir,
        allowRemote: this.#options.allowRemote ?? false,
        ...(signal ? { signal } : {}),
      });
      this.#starts++;
    }
    this.#logMark = this.#target.log.length;
    return this.#target;
  }

  /** Called after every run: keeps the target if it is still the one it was, else stops it. */
  async release(): Promise<void> {
    const target = this.#target;
    if (target === undefined) return;
    if (target.crashed() === undefined && !target.log.slice(this.#logMark).some((event) => GONE.has(event.type))) return;
    this.#target = undefined;
    await target.stop();
  }

  /** Stops the kept target, if any. Safe to call more than once. */
  async stop(): Promise<void> {
    const target = this.#target;
    this.#target = undefined;
    await target?.stop();
  }

  #reusable(): boolean {
    const { target } = this.#scenario;
    return !('module' in target) || target.reuse !== false;
  }
}
