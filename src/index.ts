/**
 * sockfault — fault-injection test harness for TCP applications on Node.js.
 *
 * The library API; the CLI and the Jest helper are thin adapters over it.
 * Named exports only. Every error is a SockfaultError with a stable `code`.
 */
export { SockfaultError, ERROR_CODES, hasCode, type ErrorCode } from './errors.js';

// Scenarios
export {
  defineScenario,
  loadScenario,
  parseScenario,
  normalizeScenario,
  validateScenario,
  scenarioJsonSchema,
} from './scenario/index.js';
export type * from './scenario/types.js';
export type { ScenarioFormat, SourcePosition, SourcePositions, ValidateOptions } from './scenario/index.js';

// Faults and the proxy
export * from './faults/index.js';
export * from './proxy/index.js';

// Workloads, history, readback
export { defineWorkload, defineReadback, runWorkload, readBack } from './workload/index.js';
export type { WorkloadContext, WorkloadFn, ReadbackContext, ReadbackFn } from './workload/index.js';
export { HistoryRecorder, toJsonLines, fromJsonLines } from './history/index.js';
export type { OpHandle, OpRecord, Observation, Outcome } from './history/index.js';

// Targets
export { startTarget } from './target/index.js';
export type { RunningTarget, StartTargetOptions, TargetKind, TargetEvent } from './target/index.js';

// Running and checking
export * from './runner/index.js';
export { checkHistory, ANOMALY_KINDS } from './checker/index.js';
export type { Anomaly, AnomalyKind, CheckHistoryInput, HungInput, LastFault, Verdict, VerdictCounts } from './checker/index.js';

// Property search and replay
export { checkScenario, replayScenario } from './property/index.js';
export type { CheckOptions, CheckResult, FailingRun, ProgressEvent, ReplayOptions, ReplayResult, ScenarioStatus } from './property/index.js';

// Reports (one pure formatter per format)
export { REPORTERS, REPORTER_NAMES, reportFromRun, reportFromCheck, reportFromReplay, reportFromError } from './report/index.js';
export type { Reporter, ReporterName, ScenarioReport } from './report/index.js';
