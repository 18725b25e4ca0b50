/**
 * What one run returns: everything that happened, as plain data. Reporters format it,
 * the CLI turns it into an exit code; a violation is a verdict, not an exception.
 */
import type { Verdict, HungInput } from '../checker/types.js';
import type { FaultInput } from '../faults/types.js';
import type { OpRecord, Observation } from '../history/types.js';
import type { TransportEvent } from '../proxy/transport-log.js';
import type { TargetEvent } from '../target/types.js';

/** `completed`: the run went to its end (anomalies or not); `errored`: the harness could not run it. */
export type RunStatus = 'completed' | 'errored';

export interface RunError {
  code: string;
  message: string;
  location?: string;
}

export interface RunTimings {
  startedAt: number;
  /** Start of the target (0 when a running target was reused). */
  targetMs: number;
  workloadMs: number;
  readbackMs: number;
  totalMs: number;
}

export interface RunResult {
  scenario: string;
  file?: string;
  /** The run number and id prefix of its ops (`r17`). */
  runId: string;
  seed: number;
  /** The fault plan that was armed, in its input shape (ready for `--plan`). */
  plan: FaultInput[];
  status: RunStatus;
  error?: RunError;
  history: OpRecord[];
  /** What the readback found for this run; undefined when the scenario has no readback. */
  observations?: Observation[];
  transportLog: TransportEvent[];
  targetLog: TargetEvent[];
  hung?: HungInput;
  /** The checker's answer (absent when the run errored before anything could be checked). */
  verdict?: Verdict;
  /** Lines the workload logged with `ctx.log`. */
  workloadLog: string[];
  timings: RunTimings;
}
