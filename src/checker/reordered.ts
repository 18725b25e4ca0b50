/**
 * The `reordered` family. Only acknowledged ops that the server kept take part: a lost op
 * has no position (and is already `lost`), a `fail` or `info` op promised nothing. The
 * server's order of an op is the index of its first entry in the observations.
 *
 * - `per-connection`: ops on one connection, in invocation order, must be kept in that
 *   order (a TCP stream is ordered, so a server that reorders them broke something).
 * - `total`: op A must be kept before op B whenever A completed before B was invoked;
 *   ops that overlapped in time may be kept either way.
 *
 * Instead of comparing every pair (quadratic), each op is compared with the furthest
 * position among the ops that must precede it (a running maximum). One anomaly per op
 * kept too early, naming the op it overtook, so a single swap reports exactly once.
 */
import type { Order } from '../scenario/types.js';
import { opAnomaly, opLabel } from './describe.js';
import type { FaultIndex } from './fault-index.js';
import type { OpTally } from './history-index.js';
import type { Anomaly } from './types.js';

/** Reports ops kept out of the order `expect.order` asks for; O(n log n). */
export function checkReordered(entries: readonly OpTally[], order: Order, faults: FaultIndex): Anomaly[] {
  if (order === 'none') return [];
  const placed = entries.filter((entry) => entry.op.outcome === 'ok' && entry.count > 0);
  // Array#sort is stable, so ops invoked at the same instant keep their history order.
  placed.sort((a, b) => a.op.invokedAt - b.op.invokedAt);
  return order === 'total' ? totalOrder(placed, faults) : perConnection(placed, faults);
}

function reordered(later: OpTally, earlier: OpTally, order: Order, faults: FaultIndex): Anomaly {
  const rule =
    order === 'total'
      ? `was invoked after ${opLabel(earlier.op)} had completed`
      : `was sent after ${opLabel(earlier.op)} on the same connection`;
  const anomaly = opAnomaly(
    'reordered',
    later.op,
    later.count,
    faults,
    `${rule}, but the server kept it before that op (${order} order)`,
  );
  anomaly.before = earlier.op.id;
  return anomaly;
}

function perConnection(placed: readonly OpTally[], faults: FaultIndex): Anomaly[] {
  const anomalies: Anomaly[] = [];
  // The op with the furthest position so far, per connection (ops are in invocation order).
  const furthest = new Map<number, OpTally>();
  for (const item of placed) {
    const connection = item.op.connection;
    if (connection === undefined) continue; // no stream to be ordered on
    const ahead = furthest.get(connection);
    if (ahead !== undefined && item.first < ahead.first) {
      anomalies.push(reordered(item, ahead, 'per-connection', faults));
    } else {
      furthest.set(connection, item);
    }
  }
  return anomalies;
}

function totalOrder(byInvoked: readonly OpTally[], faults: FaultIndex): Anomaly[] {
  const anomalies: Anomaly[] = [];
  // An op that never completed constrains nobody, so it never enters the sweep.
  const byCompleted = byInvoked
    .filter((item) => item.op.completedAt !== undefined)
    .sort((a, b) => (a.op.completedAt as number) - (b.op.completedAt as number));
  let next = 0;
  let ahead: OpTally | undefined;
  for (const item of byInvoked) {
    // Admit every op that completed strictly before this one was invoked.
    while (next < byCompleted.length && (byCompleted[next] as OpTally).op.completedAt! < item.op.invokedAt) {
      const done = byCompleted[next++] as OpTally;
      if (ahead === undefined || done.first > ahead.first) ahead = done;
    }
    if (ahead !== undefined && item.first < ahead.first) anomalies.push(reordered(item, ahead, 'total', faults));
  }
  return anomalies;
}
