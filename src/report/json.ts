/**
 * The `json` reporter: an array with one object per scenario, for tools and CI scripts.
 * The shape is a contract (fields are only ever added): absent values are `null`, so every
 * object has every key.
 */
import type { FaultInput } from '../faults/types.js';
import type { ScenarioStatus } from '../property/types.js';
import type { ScenarioReport } from './types.js';

/** One anomaly as the JSON report lists it. */
export interface JsonAnomaly {
  kind: string;
  id: string | null;
  connection: number | null;
  detail: string;
}

/** One scenario in the JSON report. */
export interface JsonScenario {
  name: string;
  file: string | null;
  status: ScenarioStatus;
  anomalies: JsonAnomaly[];
  /** The minimal failing plan, else the last plan run. */
  plan: FaultInput[];
  seed: number | null;
  path: string | null;
  runs: number;
  durationMs: number;
  /** Command that reproduces `plan`, when there is something to reproduce. */
  replay: string | null;
  /** Extras: whether the status is what the scenario expects, and what it expects. */
  held: boolean;
  expected: 'holds' | 'violated';
  error: { code: string; message: string; location: string | null } | null;
  interrupted: boolean;
}

/** The JSON object of one scenario. */
export function toJsonScenario(report: ScenarioReport): JsonScenario {
  return {
    name: report.name,
    file: report.file ?? null,
    status: report.status,
    anomalies: report.anomalies.map((anomaly) => ({
      kind: anomaly.kind,
      id: anomaly.id ?? null,
      connection: anomaly.connection ?? null,
      detail: anomaly.detail,
    })),
    plan: report.plan,
    seed: report.seed ?? null,
    path: report.path ?? null,
    runs: report.runs,
    durationMs: Math.round(report.durationMs),
    replay: report.replay ?? null,
    held: report.held,
    expected: report.expected,
    error: report.error
      ? { code: report.error.code, message: report.error.message, location: report.error.location ?? null }
      : null,
    interrupted: report.interrupted === true,
  };
}

/** The whole report: a pretty-printed JSON array, with a final newline. */
export function formatJson(reports: readonly ScenarioReport[]): string {
  return `${JSON.stringify(reports.map(toJsonScenario), null, 2)}\n`;
}
