/**
 * Shapes of the property search (checkScenario) and of replay. Shared by the CLI, the
 * reporters and the Jest helper: fields are only ever added, never renamed.
 */
import type { Verdict } from '../checker/types.js';
import type { FaultInput } from '../faults/types.js';
import type { RunError, RunResult } from '../runner/types.js';

/** Options of `checkScenario`. Anything unset comes from the scenario's `generate`. */
export interface CheckOptions {
  /** Plans to try (default `scenario.generate.runs`). */
  runs?: number;
  /**
   * fast-check seed (default `scenario.generate.seed`, else random — and then reported).
   * It is also the seed of every run of the search (payloads, fragment sizes), so that a
   * plan means the same bytes in every run and on replay.
   */
  seed?: number;
  /** fast-check path of a counterexample, to replay a shrunk failure directly. */
  path?: string;
  /** Overrides `scenario.timeout` (ms) for every run. */
  timeout?: number;
  allowRemote?: boolean;
  /** Cancels the search (SIGINT): the current run is torn down and the result says so. */
  signal?: AbortSignal;
  onProgress?(event: ProgressEvent): void;
}

export type ProgressEvent =
  | { type: 'calibrated'; connections: number; bytes: { connection: number; upstream: number; downstream: number }[] }
  /** A plan of the search phase was run (`plan`: the plan it tried). */
  | { type: 'run'; run: number; runs: number; runsPerSecond: number; failed: boolean; plan?: FaultInput[] }
  /** A smaller plan still failed (`plan`: that plan). */
  | { type: 'shrink'; step: number; faults: number; plan?: FaultInput[] }
  | { type: 'confirm'; agreed: boolean };

/**
 * `passed`: no anomaly in any run; `violated`: a run found anomalies (the minimal plan is
 * given); `errored`: the harness could not run the scenario (bad target, broken module).
 * Whether that is what the scenario expects is `held` (see `expect.verdict`).
 */
export type ScenarioStatus = 'passed' | 'violated' | 'errored';

/** A failing plan and the run that showed it. */
export interface FailingRun {
  plan: FaultInput[];
  run: RunResult;
  verdict: Verdict;
}

export interface CheckResult {
  scenario: string;
  file?: string;
  status: ScenarioStatus;
  /** True when the status is what the scenario expects (`expect.verdict`). */
  held: boolean;
  /** Runs executed, the calibration run excluded. */
  runs: number;
  seed: number;
  /** fast-check's path to the shrunk counterexample (with `seed`, replays it). */
  path?: string;
  firstFailure?: FailingRun;
  /** The shrunk plan, re-run and confirmed to fail before it is reported. */
  minimal?: FailingRun;
  shrinkSteps: number;
  /** Ready to paste: `sockfault replay <file> --seed S --path P`. */
  replayCommand?: string;
  /** The last plan run (for a passed search), for reports. */
  lastPlan?: FaultInput[];
  error?: RunError;
  durationMs: number;
  runsPerSecond: number;
  /** True when the search was cancelled before it finished. */
  interrupted?: boolean;
  /**
   * Whether the minimal plan, run once more after shrinking, showed the same anomaly kinds
   * (absent when nothing failed, or when the search was interrupted before confirming).
   */
  confirmed?: boolean;
  /** The minimal plan as JSON, for `sockfault replay <file> --plan` (the `--plan` alternative). */
  replayPlan?: string;
  /** Runs spent shrinking (each shrink candidate is one run), the confirmation excluded. */
  shrinkRuns?: number;
}

export interface ReplayOptions {
  /** Replay this plan (run with `seed`, default `scenario.generate.seed`, else 1)… */
  plan?: readonly FaultInput[];
  /** …or the counterexample at `seed` + `path` of an earlier search. */
  seed?: number;
  path?: string;
  /** Run the same plan N times and count agreeing verdicts (flakiness). Default 1. */
  repeat?: number;
  timeout?: number;
  allowRemote?: boolean;
  signal?: AbortSignal;
}

export interface ReplayResult {
  scenario: string;
  file?: string;
  status: ScenarioStatus;
  held: boolean;
  plan: FaultInput[];
  runs: RunResult[];
  /** How many runs gave the same anomaly kinds and ids as the first. */
  agreed: number;
  durationMs: number;
  /** A harness error that stopped the replay (status `errored`). */
  error?: RunError;
  /** True when `signal` cancelled the replay before every repeat ran. */
  interrupted?: boolean;
}
