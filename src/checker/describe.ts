/**
 * The words of anomaly details. Every family builds its sentence from these, so that a
 * report reads the same way for every kind: what the op was, what it ended as, what the
 * server kept, and which fault most likely caused it.
 */
import type { OpRecord } from '../history/types.js';
import type { FaultIndex } from './fault-index.js';
import type { Anomaly, AnomalyKind, LastFault } from './types.js';

/** `op r3-m7 (connection 2)`, or without the connection when the workload did not record one. */
export function opLabel(op: Pick<OpRecord, 'id' | 'connection'>): string {
  return op.connection === undefined ? `op ${op.id}` : `op ${op.id} (connection ${op.connection})`;
}

/** How the client saw the op end, e.g. `was acknowledged (ok)` or `failed (ECONNREFUSED)`. */
export function outcomePhrase(op: OpRecord): string {
  const error = op.error === undefined ? '' : `: ${op.error}`;
  switch (op.outcome) {
    case 'ok':
      return 'was acknowledged (ok)';
    case 'fail':
      return `failed (fail${error})`;
    case 'info':
      return `ended unknown (info${error})`;
  }
}

/** `once`, `2 times`. */
export function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** A payload in quotes, cut short: details are one line, not a dump. */
export function quote(payload: string, max = 40): string {
  return JSON.stringify(payload.length > max ? `${payload.slice(0, max)}…` : payload);
}

/** `; last fault on connection 2: reset both sides at 1534 bytes upstream`. */
export function faultClause(connection: number | undefined, fault: LastFault | undefined): string {
  const where = connection === undefined ? '' : ` on connection ${connection}`;
  if (fault === undefined) return connection === undefined ? '' : `; no fault fired${where}`;
  // A target or listener fault has no connection: say so, or the user looks on the wrong pair.
  const target = fault.connection === undefined && connection !== undefined ? ' (on the target)' : '';
  if (fault.connection !== undefined && connection !== undefined && fault.connection !== connection) {
    // The op's last attempt ran on a later connection; the fault that sent it there is elsewhere.
    return `; no fault fired${where}; last fault before it, on connection ${fault.connection}: ${fault.description}`;
  }
  const which = fault.after === true ? 'first fault, after it,' : 'last fault';
  const its = connection === undefined && fault.connection !== undefined ? ` on connection ${fault.connection}` : '';
  return `; ${which}${its}${where}${target}: ${fault.description}`;
}

/** The moment an op is judged at: when it completed, or never (the end of the log). */
export function completedAt(op: OpRecord): number {
  return op.completedAt ?? Number.POSITIVE_INFINITY;
}

/**
 * A per-op anomaly with its contract fields filled in and the fault clause appended.
 * `sentence` is the part specific to the kind, starting after the op label.
 */
export function opAnomaly(
  kind: AnomalyKind,
  op: OpRecord,
  observed: number,
  faults: FaultIndex,
  sentence: string,
): Anomaly {
  const lastFault = faults.onConnection(op.connection, completedAt(op));
  const anomaly: Anomaly = { kind, id: op.id, outcome: op.outcome, observed, detail: '' };
  if (op.connection !== undefined) anomaly.connection = op.connection;
  if (lastFault !== undefined) anomaly.lastFault = lastFault;
  anomaly.detail = `${opLabel(op)} ${sentence}${faultClause(op.connection, lastFault)}`;
  return anomaly;
}
