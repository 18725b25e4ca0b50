/**
 * `checkHistory`: history + observations + logs → Verdict.
 *
 *   history ──indexOps──▶ one OpTally per op ─┐
 *   observations ──tally──▶ counts, positions ─┼─▶ unanswered · delivery · unexpected · reordered  (per op)
 *   transport log ──▶ FaultIndex ──────────────┘   leaked · target-crashed · hung                 (per run)
 *
 * One map look-up per op and per observation, then every family walks the tallies in
 * history order: the check is linear in ops + observations (reordered sorts: n log n). A violation is data in the verdict; only a
 * broken history (the harness's or the workload's bug) throws.
 */
import { SockfaultError } from '../errors.js';
import type { Delivery, Order } from '../scenario/types.js';
import { checkDelivery } from './delivery.js';
import { FaultIndex } from './fault-index.js';
import { indexOps, tallyObservations } from './history-index.js';
import { checkLeaked } from './leaked.js';
import { checkReordered } from './reordered.js';
import { checkHung, checkTargetCrashed } from './run-level.js';
import { checkUnanswered } from './unanswered.js';
import { ANOMALY_KINDS } from './types.js';
import type { Anomaly, AnomalyKind, CheckHistoryInput, Verdict, VerdictCounts } from './types.js';
import { checkUnexpected } from './unexpected.js';

const DELIVERIES: readonly Delivery[] = ['exactly-once', 'at-least-once', 'at-most-once'];
const ORDERS: readonly Order[] = ['none', 'per-connection', 'total'];

function fail(message: string): never {
  throw new SockfaultError('ERR_INVALID_ARGUMENT', `checkHistory: ${message}`);
}

/**
 * Checks one run: which acknowledged ops were lost, which were kept twice, what the server
 * holds that nobody sent, and whether the run itself went wrong (crash, hang, leak).
 *
 * @returns a Verdict whose anomalies are listed by kind (in `ANOMALY_KINDS` order), then
 *   in history order; `ok` is true iff there are none.
 * @throws SockfaultError `ERR_HISTORY` when the history is inconsistent (an op id used
 *   twice, an op or observation without an id); `ERR_INVALID_ARGUMENT` for a bad `expect`.
 */
export function checkHistory(input: CheckHistoryInput): Verdict {
  if (typeof input !== 'object' || input === null) fail('expected { history, observations, … }');
  const { history, observations, targetLog = [], transportLog = [], expect = {}, hung } = input;
  if (!Array.isArray(input.history)) fail('history must be an array of op records');
  if (!Array.isArray(input.observations)) fail('observations must be an array');
  const delivery = expect.delivery ?? 'exactly-once';
  const order = expect.order ?? 'none';
  if (!DELIVERIES.includes(delivery)) fail(`unknown expect.delivery ${JSON.stringify(delivery)}`);
  if (!ORDERS.includes(order)) fail(`unknown expect.order ${JSON.stringify(order)}`);
  const { closeWithin } = expect;
  if (closeWithin !== undefined && !(closeWithin >= 0)) fail('expect.closeWithin must be a number ≥ 0');

  const index = indexOps(history);
  tallyObservations(observations, index);
  const faults = new FaultIndex(transportLog);

  // Before delivery: an op whose reply was lost is not counted `recovered`.
  const unanswered = checkUnanswered(index.entries, transportLog, targetLog, faults);
  const kept = checkDelivery(index.entries, delivery, faults, new Set(unanswered.map((anomaly) => anomaly.id ?? '')));
  const found: Anomaly[][] = [
    kept.anomalies,
    unanswered,
    checkUnexpected(index.entries, index.unknown, faults),
    checkReordered(index.entries, order, faults),
    closeWithin === undefined ? [] : checkLeaked(transportLog, closeWithin, faults),
    expect.target === 'may-crash' ? [] : checkTargetCrashed(targetLog, faults),
    checkHung(hung, faults),
  ];

  // Bucket by kind (linear) so that a report lists all `lost` first, then `duplicated`, …
  const byKind = new Map<AnomalyKind, Anomaly[]>(ANOMALY_KINDS.map((kind) => [kind, []]));
  for (const family of found) for (const anomaly of family) byKind.get(anomaly.kind)?.push(anomaly);
  const anomalies = ANOMALY_KINDS.flatMap((kind) => byKind.get(kind) ?? []);

  const counts = { ops: history.length, ok: 0, fail: 0, info: 0 } as VerdictCounts;
  for (const op of history) counts[op.outcome]++;
  counts.observations = observations.length;
  counts.observed = kept.observed;
  counts.recovered = kept.recovered;
  for (const kind of ANOMALY_KINDS) counts[kind] = byKind.get(kind)?.length ?? 0;

  return { ok: anomalies.length === 0, anomalies, counts };
}
