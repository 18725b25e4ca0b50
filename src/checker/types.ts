/**
 * The checker's input and output shapes.
 *
 *   history + observations + transport log + target log
 *        │ checkHistory()
 *        ▼
 *   Verdict { ok, anomalies: Anomaly[], counts }
 *
 * `Anomaly` and `Verdict` are a contract: reporters format them and outside tools read
 * them from JSON reports, so fields are only ever added, never renamed.
 */
import type { Outcome, OpRecord, Observation } from '../history/types.js';
import type { ActionName, Direction } from '../faults/types.js';
import type { TransportEvent } from '../proxy/transport-log.js';
import type { TargetEvent } from '../target/types.js';
import type { ExpectInput } from '../scenario/types.js';

/** Every anomaly kind, in the order a verdict lists them (data first, then the run). */
export const ANOMALY_KINDS = [
  'lost',
  'duplicated',
  'unexpected',
  'failed-but-applied',
  'unanswered',
  'reordered',
  'leaked',
  'target-crashed',
  'hung',
] as const;

/**
 * What went wrong. `recovered` is not here: an `info` op that was kept is fine, unless the
 * server never answered it although nothing cut the reply path (`unanswered`).
 */
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** The fault that most likely explains an anomaly, copied from the transport log. */
export interface LastFault {
  action: ActionName;
  /** Byte count in `direction` when the fault fired (byte triggers only). */
  offset?: number;
  direction?: Direction;
  /** The proxy's own sentence, e.g. `reset both sides at 1534 bytes upstream`. */
  description: string;
  /** Epoch milliseconds when it fired. */
  at: number;
  /** Connection it fired on; absent for a fault on the target or the listener. */
  connection?: number;
  /**
   * True when no fault fired on the connection before the op completed, and this is the
   * first one that fired after (an acknowledged op can still be lost by a later fault).
   */
  after?: boolean;
}

/** One violation, self-explaining: `detail` is a sentence a user can act on. */
export interface Anomaly {
  kind: AnomalyKind;
  /** The op (or observation) id, for per-op anomalies. */
  id?: string;
  /** Proxy connection number the op last travelled on, or the leaked connection. */
  connection?: number;
  /** The op's outcome, when the id was invoked. */
  outcome?: Outcome;
  /** How many entries the server kept with this id. */
  observed?: number;
  /** For `unexpected`: how many of those entries carry a payload other than the one sent. */
  differing?: number;
  /** For `reordered`: the earlier op that this one overtook. */
  before?: string;
  lastFault?: LastFault;
  /** One human sentence with everything above in it. */
  detail: string;
}

/** Tallies of a check; every anomaly kind has its own count (0 when absent). */
export type VerdictCounts = {
  /** Ops in the history. */
  ops: number;
  ok: number;
  fail: number;
  info: number;
  /** Entries the server kept (repeats included, unknown ids included). */
  observations: number;
  /** Distinct invoked ops the server kept at least once. */
  observed: number;
  /** `info` ops that were kept as the delivery mode allows and are not `unanswered` (fine, but worth knowing). */
  recovered: number;
} & Record<AnomalyKind, number>;

/** The checker's answer. `ok` is true iff `anomalies` is empty. */
export interface Verdict {
  ok: boolean;
  anomalies: Anomaly[];
  counts: VerdictCounts;
}

/** The workload or the readback did not finish in time (reported by the runner). */
export interface HungInput {
  phase: 'workload' | 'readback';
  afterMs: number;
}

/** Everything one check needs; the logs are optional (a bare history can be checked). */
export interface CheckHistoryInput {
  /** One record per op; ids must be unique. */
  history: readonly OpRecord[];
  /** What the readback found, repeats kept, in the server's order. */
  observations: readonly Observation[];
  targetLog?: readonly TargetEvent[];
  transportLog?: readonly TransportEvent[];
  /** Partial is fine: defaults are `exactly-once`, order `none`, `must-not-crash`. */
  expect?: ExpectInput;
  hung?: HungInput;
}
