/**
 * The `unexpected` family: data the server holds that the workload never sent. Either
 * the id was never invoked (invented or from another run), or the payload differs from
 * what was sent (corrupted, truncated, or spliced from two frames). One anomaly per id,
 * however many entries share it, with the count of offending entries.
 */
import { opAnomaly, outcomePhrase, quote } from './describe.js';
import type { FaultIndex } from './fault-index.js';
import type { OpTally, Tally } from './history-index.js';
import type { Anomaly } from './types.js';

/** Reports payload mismatches in history order, then never-invoked ids in the server's order. */
export function checkUnexpected(
  entries: readonly OpTally[],
  unknown: ReadonlyMap<string, Tally>,
  faults: FaultIndex,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const tally of entries) {
    if (tally.differing === 0) continue;
    const op = tally.op;
    const sent = op.payload === undefined ? '' : ` ${quote(op.payload)}`;
    const kept = tally.sample === undefined ? '' : ` (e.g. ${quote(tally.sample)})`;
    const anomaly = opAnomaly(
      'unexpected',
      op,
      tally.count,
      faults,
      `${outcomePhrase(op)}, but ${tally.differing} of the ${tally.count} entries the server kept for it ` +
        `carry another payload than the one sent${sent}${kept}`,
    );
    anomaly.differing = tally.differing;
    anomalies.push(anomaly);
  }
  // A Map iterates in insertion order: the order of each id's first entry on the server.
  for (const [id, tally] of unknown) {
    anomalies.push({
      kind: 'unexpected',
      id,
      observed: tally.count,
      differing: tally.count,
      detail: `the server kept ${tally.count === 1 ? 'an entry' : `${tally.count} entries`} with id ${id}, which the workload never invoked`,
    });
  }
  return anomalies;
}
