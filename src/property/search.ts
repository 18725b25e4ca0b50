/**
 * The body of the search's property, and what it learns along the way. fast-check calls
 * `test(plan)` for each generated plan, then for each shrink candidate once one failed:
 *
 *   search phase:  run ─ ok ─▶ next plan      (progress: run n of runs, runs/s)
 *                      └ anomalies ─▶ first failure, shrink phase
 *   shrink phase:  run ─ anomalies ─▶ a smaller failing plan (progress: shrink step)
 *
 * A shrink candidate identical to a plan already run (several scaled positions give the
 * same offset) gets that plan's answer without another run: a run is a function of its
 * plan and seed, and the confirmation run checks that this holds.
 *
 * Once the search is stopped (cancelled, or a run errored) every later call passes
 * without running anything, which ends fast-check's loop at once; a thrown error would
 * instead count as a failure and start shrinking.
 */
import { now } from '../clock.js';
import type { FaultInput } from '../faults/types.js';
import type { RunError } from '../runner/types.js';
import type { PlanRunner } from './plan-runner.js';
import type { FailingRun, ProgressEvent } from './types.js';

export interface SearchOptions {
  /** Plans the search phase tries (for progress). */
  runs: number;
  signal?: AbortSignal;
  onProgress?(event: ProgressEvent): void;
}

export class Search {
  /** Plans run in the search phase (up to and including the first failure). */
  searchRuns = 0;
  /** Shrink candidates run. */
  shrinkRuns = 0;
  /** Shrink candidates that still failed. */
  shrinkSteps = 0;
  firstFailure: FailingRun | undefined;
  /** The smallest failing plan so far: fast-check's counterexample once it is done. */
  lastFailure: FailingRun | undefined;
  lastPlan: FaultInput[] | undefined;
  error: RunError | undefined;
  interrupted = false;
  #searchMs = 0;
  /** Plan (as JSON) → its failing run, or `passed`, for every plan run so far. */
  readonly #outcomes = new Map<string, FailingRun | 'passed'>();
  readonly #runner: PlanRunner;
  readonly #options: SearchOptions;

  constructor(runner: PlanRunner, options: SearchOptions) {
    this.#runner = runner;
    this.#options = options;
  }

  /** Plans per second of the search phase. */
  get runsPerSecond(): number {
    return this.#searchMs > 0 ? (this.searchRuns * 1000) / this.#searchMs : 0;
  }

  /** True once nothing more should run. */
  get stopped(): boolean {
    if (this.#options.signal?.aborted) this.interrupted = true;
    return this.interrupted || this.error !== undefined;
  }

  /** Runs `plan`; resolves false when it showed anomalies (the property fails). */
  async test(plan: FaultInput[]): Promise<boolean> {
    if (this.stopped) return true;
    const shrinking = this.firstFailure !== undefined;
    const key = JSON.stringify(plan);
    const known = shrinking ? this.#outcomes.get(key) : undefined;
    if (known !== undefined) return this.#record(plan, known === 'passed' ? undefined : known, true);
    const startedAt = now();
    const run = await this.#runner.run(plan);
    if (!shrinking) this.#searchMs += now() - startedAt;
    if (run.status === 'errored') {
      this.error = run.error ?? { code: 'ERR_HARNESS', message: 'a run errored without an error' };
      return true;
    }
    // A run cut short by cancellation proves nothing either way.
    if (this.stopped) return true;
    const failure = run.verdict && !run.verdict.ok ? { plan, run, verdict: run.verdict } : undefined;
    this.#outcomes.set(key, failure ?? 'passed');
    return this.#record(plan, failure, false);
  }

  /** Counts a plan's outcome (`cached`: known from an identical plan, not run again); true when it passed. */
  #record(plan: FaultInput[], failure: FailingRun | undefined, cached: boolean): boolean {
    this.lastPlan = plan;
    if (this.firstFailure === undefined) {
      this.searchRuns++;
      const { runs } = this.#options;
      this.#emit({ type: 'run', run: this.searchRuns, runs, runsPerSecond: this.runsPerSecond, failed: failure !== undefined, plan });
      if (failure) this.firstFailure = this.lastFailure = failure;
      return failure === undefined;
    }
    if (!cached) this.shrinkRuns++;
    if (failure) {
      // fast-check now shrinks from this plan: it is the counterexample if nothing smaller fails.
      this.lastFailure = failure;
      this.shrinkSteps++;
      this.#emit({ type: 'shrink', step: this.shrinkSteps, faults: plan.length, plan });
    }
    return failure === undefined;
  }

  #emit(event: ProgressEvent): void {
    this.#options.onProgress?.(event);
  }
}
