/** The history of a run: op records (invoke → ok | fail | info), observations, JSON lines. */
export type { OpRecord, Observation, Outcome } from './types.js';
export { HistoryRecorder, PENDING_AT_END, describeError } from './recorder.js';
export type { OpHandle } from './recorder.js';
export { toJsonLines, fromJsonLines } from './serialise.js';
