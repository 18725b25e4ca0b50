/**
 * The one shape every reporter formats. A run, a search and a replay each end in a
 * different result type; `summary.ts` turns each of them into a {@link ScenarioReport},
 * so a reporter is a pure function of reports and never looks at where they came from.
 *
 *   RunResult ──┐
 *   CheckResult ├─ summary.ts ─▶ ScenarioReport[] ─▶ text | json | junit | github | html
 *   ReplayResult┘
 */
import type { Anomaly } from '../checker/types.js';
import type { FaultInput } from '../faults/types.js';
import type { ScenarioStatus } from '../property/types.js';
import type { RunError, RunResult } from '../runner/types.js';

/** The CLI command that produced a report. */
export type ReportCommand = 'run' | 'check' | 'replay';

/** What one scenario came to, ready to format. Plain data: JSON-serialisable except `run`. */
export interface ScenarioReport {
  /** Scenario name (the file's base name when the file could not be loaded). */
  name: string;
  /** The scenario file relative to the working folder, `/`-separated; absent for in-memory scenarios. */
  file?: string;
  command: ReportCommand;
  /** `passed`: no anomaly; `violated`: anomalies found; `errored`: the harness could not run it. */
  status: ScenarioStatus;
  /** What the scenario expects (`expect.verdict`). */
  expected: 'holds' | 'violated';
  /** True when `status` is what the scenario expects; an errored scenario never holds. */
  held: boolean;
  /** The anomalies of the failing run (the minimal one after a search), or of the single run. */
  anomalies: Anomaly[];
  /** The minimal failing plan, else the last plan run (input shape, ready for `--plan`). */
  plan: FaultInput[];
  /** True when `plan` is a failing plan (shrunk by a search, or the fixed plan that failed). */
  failingPlan: boolean;
  /** `plan` in words: "reset both sides at 1,534 bytes upstream on connection 1". */
  planInWords: string;
  seed?: number;
  /** fast-check path of the shrunk counterexample (searches only). */
  path?: string;
  /** Runs executed (calibration excluded). */
  runs: number;
  durationMs: number;
  runsPerSecond: number;
  /** Ready-to-paste command that reproduces the reported plan. */
  replay?: string;
  error?: RunError;
  /** Shrink steps of a search. */
  shrinkSteps?: number;
  /** Replays only: how many repeats gave the same anomalies as the first. */
  agreed?: number;
  /** True when SIGINT/SIGTERM cut it short; its status then says nothing. */
  interrupted?: boolean;
  /** 1-based line to annotate in the scenario file (CI annotations); 1 when unknown. */
  line: number;
  /** The run to draw in a timeline: the failing run, else the last run (absent when none ran). */
  run?: RunResult;
}

/** Options every formatter may receive. */
export interface FormatOptions {
  /** ANSI colours (text reporter on a TTY). Default false. */
  color?: boolean;
  /** Anomalies listed per scenario before "… and N more". Default 5 (text), all elsewhere. */
  maxAnomalies?: number;
}

/** A file a reporter produces: a name inside the output folder and its content. */
export interface ReportDocument {
  fileName: string;
  content: string;
}
