/**
 * The history checker: history → Verdict { anomalies: lost, duplicated, unexpected, … }.
 * See DESIGN.md ("Checker") for the table of anomalies.
 */
export { checkHistory } from './check.js';
export { ANOMALY_KINDS } from './types.js';
export type {
  Anomaly,
  AnomalyKind,
  CheckHistoryInput,
  HungInput,
  LastFault,
  Verdict,
  VerdictCounts,
} from './types.js';
