/**
 * One pass over the history and one over the observations, so that every anomaly family
 * afterwards is a map lookup per op: the whole check stays linear in ops + observations.
 */
import { SockfaultError } from '../errors.js';
import type { Observation, OpRecord } from '../history/types.js';

const OUTCOMES = new Set(['ok', 'fail', 'info']);

/** What the server kept for one id. */
export interface Tally {
  /** Entries with this id (repeats included). */
  count: number;
  /** Index of the first entry in the observations (-1 when none): the server's order. */
  first: number;
  /** Entries whose payload differs from the op's (both present). */
  differing: number;
  /** The first differing payload, quoted in the anomaly so the user sees the corruption. */
  sample?: string;
}

/** An op and what the server kept of it; the families walk these, never the maps. */
export interface OpTally extends Tally {
  op: OpRecord;
}

/** The history indexed once, then tallied against the observations. */
export interface HistoryIndex {
  /** One per op, in history order. */
  entries: OpTally[];
  byId: Map<string, OpTally>;
  /** Ids the server holds that were never invoked, in the server's order. */
  unknown: Map<string, Tally>;
}

/**
 * Indexes the ops by id. A repeated id is a workload bug (a resend must reuse its op
 * record), not an anomaly of the server, so it throws instead of producing a verdict.
 *
 * @throws SockfaultError `ERR_HISTORY` naming the id (or the index of a malformed record).
 */
export function indexOps(history: readonly OpRecord[]): HistoryIndex {
  const entries: OpTally[] = new Array(history.length);
  const byId = new Map<string, OpTally>();
  for (let i = 0; i < history.length; i++) {
    const op = history[i];
    if (typeof op?.id !== 'string' || op.id === '') {
      throw new SockfaultError('ERR_HISTORY', `history[${i}] has no id`);
    }
    if (!OUTCOMES.has(op.outcome)) {
      throw new SockfaultError(
        'ERR_HISTORY',
        `op ${op.id} (history[${i}]) has outcome ${JSON.stringify(op.outcome)}; expected ok, fail or info`,
      );
    }
    const entry: OpTally = { op, count: 0, first: -1, differing: 0 };
    entries[i] = entry;
    byId.set(op.id, entry);
    // One hash operation instead of has() + set(): a repeat leaves the size unchanged.
    if (byId.size !== i + 1) {
      throw new SockfaultError(
        'ERR_HISTORY',
        `op id ${op.id} appears twice in the history (history[${i}]); a resend must reuse its op, not invoke a new one`,
      );
    }
  }
  return { entries, byId, unknown: new Map() };
}

/**
 * Counts the entries per id and compares payloads with what was sent, one map look-up
 * per observation. Ids that were never invoked go to `index.unknown`.
 *
 * @throws SockfaultError `ERR_HISTORY` for an observation without an id.
 */
export function tallyObservations(observations: readonly Observation[], index: HistoryIndex): void {
  for (let i = 0; i < observations.length; i++) {
    const entry = observations[i];
    if (typeof entry?.id !== 'string') {
      throw new SockfaultError('ERR_HISTORY', `observations[${i}] has no id`);
    }
    let tally: Tally | undefined = index.byId.get(entry.id);
    const sent = (tally as OpTally | undefined)?.op.payload;
    if (tally === undefined) {
      tally = index.unknown.get(entry.id);
      if (tally === undefined) index.unknown.set(entry.id, (tally = { count: 0, first: i, differing: 0 }));
    }
    if (tally.count === 0) tally.first = i;
    tally.count++;
    // Only a payload on both sides can be compared: a readback may return ids alone.
    if (sent !== undefined && entry.payload !== undefined && entry.payload !== sent) {
      if (tally.differing === 0) tally.sample = entry.payload;
      tally.differing++;
    }
  }
}
