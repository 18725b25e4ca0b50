/**
 * The delivery family: `lost`, `duplicated`, `failed-but-applied`, and the `recovered`
 * count. Each op is judged alone from its outcome and how many entries the server kept
 * with its id, under the rules of `expect.delivery`:
 *
 *   outcome │ kept 0                     │ kept 1             │ kept 2+
 *   ────────┼────────────────────────────┼────────────────────┼─────────────────────────
 *   ok      │ lost                       │ fine               │ duplicated*
 *   info    │ fine (at-least-once: lost) │ recovered          │ duplicated* (else recovered)
 *   fail    │ fine                       │ failed-but-applied │ failed-but-applied + duplicated*
 *                                                    * not an anomaly under at-least-once
 *
 * Entries with a differing payload still count as kept here: the op reached the server,
 * and the `unexpected` family reports the corruption, so one bug is not also called `lost`.
 * An `info` op that the server kept but never answered (`unanswered`, judged beforehand
 * from the logs) is not counted `recovered`: it did not recover, its reply was lost.
 */
import type { Delivery } from '../scenario/types.js';
import { opAnomaly, outcomePhrase, times } from './describe.js';
import type { FaultIndex } from './fault-index.js';
import type { OpTally } from './history-index.js';
import type { Anomaly } from './types.js';

/** What a delivery mode tolerates. exactly-once and at-most-once differ in intent, not per op. */
interface DeliveryRules {
  /** Several entries for one op are fine. */
  duplicatesAllowed: boolean;
  /** An `info` op must be kept too (the client cannot know, so the server must have it). */
  infoMustBeKept: boolean;
}

const RULES: Record<Delivery, DeliveryRules> = {
  'exactly-once': { duplicatesAllowed: false, infoMustBeKept: false },
  'at-least-once': { duplicatesAllowed: true, infoMustBeKept: true },
  'at-most-once': { duplicatesAllowed: false, infoMustBeKept: false },
};

/** The delivery family's findings. */
export interface DeliveryResult {
  anomalies: Anomaly[];
  /** `info` ops kept as the mode allows, `unanswered` ones left out. */
  recovered: number;
  /** Distinct ops kept at least once. */
  observed: number;
}

/**
 * Judges every op of the history; linear in the number of ops.
 *
 * @param unanswered - ids of the ops found `unanswered`, which do not count as `recovered`.
 */
export function checkDelivery(
  entries: readonly OpTally[],
  delivery: Delivery,
  faults: FaultIndex,
  unanswered: ReadonlySet<string> = new Set(),
): DeliveryResult {
  const rules = RULES[delivery];
  const anomalies: Anomaly[] = [];
  let recovered = 0;
  let observed = 0;
  for (const { op, count: kept } of entries) {
    if (kept > 0) observed++;
    const mustBeKept = op.outcome === 'ok' || (op.outcome === 'info' && rules.infoMustBeKept);
    if (kept === 0 && mustBeKept) {
      const why =
        op.outcome === 'ok' ? '' : ` (${delivery} delivery: every op that did not fail must be kept)`;
      anomalies.push(
        opAnomaly('lost', op, 0, faults, `${outcomePhrase(op)} but the server never kept it${why}`),
      );
    }
    if (kept > 1 && !rules.duplicatesAllowed) {
      anomalies.push(
        opAnomaly('duplicated', op, kept, faults, `${outcomePhrase(op)} and the server kept it ${times(kept)}`),
      );
    }
    if (kept > 0 && op.outcome === 'fail') {
      anomalies.push(
        opAnomaly(
          'failed-but-applied',
          op,
          kept,
          faults,
          `${outcomePhrase(op)}, so the client believes it never happened, but the server kept it ${times(kept)}`,
        ),
      );
    }
    const keptAsAllowed = kept === 1 || (kept > 1 && rules.duplicatesAllowed);
    if (op.outcome === 'info' && keptAsAllowed && !unanswered.has(op.id)) recovered++;
  }
  return { anomalies, recovered, observed };
}
