/**
 * Runs fault plans one after the other on a shared target: each run gets the next run
 * number (its op ids are `r<n>-…`), the same run seed, and the pool's target.
 *
 *   run(plan) ─▶ pool.acquire() ─▶ runScenario(plan, run n, seed) ─▶ pool.release()
 *
 * Run numbers start at {@link RUN_BASE}: the op ids travel in the requests and acks, so a
 * run number with one digit more moves every byte after the first op (`r9-m1-1` vs
 * `r10-m1-1`) and a byte offset lands in another op — measured on the ledger, a third of
 * the generated plans changed verdict between runs 9 and 10. With four-digit numbers the
 * calibration, every run of the search and every replay carry the same bytes.
 */
import { now } from '../clock.js';
import type { FaultInput } from '../faults/types.js';
import { runScenario } from '../runner/run-scenario.js';
import type { RunError, RunResult } from '../runner/types.js';
import type { Scenario } from '../scenario/types.js';
import { TargetPool } from './target-pool.js';

/** Run number of the calibration run; the search's runs are RUN_BASE + 1, + 2, … (four digits up to 9999). */
export const RUN_BASE = 1000;

export interface PlanRunnerOptions {
  /** Seed of every run (payloads, fragment sizes): one seed, so a plan means the same bytes each time. */
  seed: number;
  /** Number of the first run (default RUN_BASE + 1). */
  firstRun?: number;
  allowRemote?: boolean;
  signal?: AbortSignal;
}

/** Runs plans of one scenario with increasing run numbers on a reused target. */
export class PlanRunner {
  readonly pool: TargetPool;
  readonly #scenario: Scenario;
  readonly #options: PlanRunnerOptions;
  #next: number;

  constructor(scenario: Scenario, options: PlanRunnerOptions) {
    this.#scenario = scenario;
    this.#options = options;
    this.#next = options.firstRun ?? RUN_BASE + 1;
    this.pool = new TargetPool(scenario, options.allowRemote === undefined ? {} : { allowRemote: options.allowRemote });
  }

  /**
   * One run of `plan` with the next run number. Never throws for the scenario's sake: a
   * target that cannot start is an `errored` result, as in `runScenario`.
   * @param recordData log every forwarded chunk (for the timeline of a reported run).
   */
  async run(plan: readonly FaultInput[], options: { run?: number; recordData?: boolean } = {}): Promise<RunResult> {
    const run = options.run ?? this.#next++;
    const { seed, signal, allowRemote } = this.#options;
    let target;
    try {
      target = await this.pool.acquire(signal);
    } catch (error) {
      return startFailed(this.#scenario, plan, run, seed, error);
    }
    try {
      return await runScenario(this.#scenario, {
        plan,
        seed,
        run,
        recordData: options.recordData ?? false,
        ...(target ? { target } : {}),
        ...(signal ? { signal } : {}),
        ...(allowRemote === undefined ? {} : { allowRemote }),
      });
    } finally {
      await this.pool.release();
    }
  }

  /** Stops the pool's target. */
  stop(): Promise<void> {
    return this.pool.stop();
  }
}

/** The `errored` result of a run whose target could not be started. */
function startFailed(scenario: Scenario, plan: readonly FaultInput[], run: number, seed: number, error: unknown): RunResult {
  const startedAt = now();
  return {
    scenario: scenario.name,
    ...(scenario.file === undefined ? {} : { file: scenario.file }),
    runId: `r${run}`,
    seed,
    plan: [...plan],
    status: 'errored',
    error: toRunError(error),
    history: [],
    transportLog: [],
    targetLog: [],
    workloadLog: [],
    timings: { startedAt, targetMs: 0, workloadMs: 0, readbackMs: 0, totalMs: 0 },
  };
}

function toRunError(error: unknown): RunError {
  const { code, message, location } = (error ?? {}) as { code?: unknown; message?: unknown; location?: unknown };
  return {
    code: typeof code === 'string' ? code : 'ERR_HARNESS',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof location === 'string' ? { location } : {}),
  };
}
