/**
 * The `unanswered` anomaly: the server kept an op but never answered it, although the
 * transport log shows nothing that could have cut, delayed or dropped the reply. The
 * classic cause is a reply written after `'end'` on an `allowHalfOpen: false` socket: the
 * client's FIN says "no more requests", Node ends the server's side at once, and the
 * answers still being computed are lost. A lost reply is a protocol bug in every delivery
 * mode, so this does not depend on `expect.delivery`.
 *
 *   client ──PUT a──PUT b──FIN▶ server   applies a and b, ends its side, answers later: lost
 *   client ◀──────────────FIN── server   client: a, b `info`; readback: a, b kept → unanswered
 *
 * The rule. An op is `unanswered` when all of these hold:
 * 1. its outcome is `info`, it completed (`completedAt`; an op still pending at the end of
 *    the run is `hung`'s business), and the server kept it (observed ≥ 1);
 * 2. its connection is known and opened in the transport log (no log, no evidence);
 * 3. every fault that fired on that connection at or before the op completed is a
 *    `half-close` in the `upstream` direction, a `fragment` or a `coalesce` (either
 *    direction): none of them can cut, delay past an answer, or drop the reply path;
 * 4. no target fault (`kill-target`, `pause-target`, with or without a connection) fired,
 *    and the target log shows no exit, crash, kill, pause, resume or restart, at or before
 *    the op completed;
 * 5. when the op may have travelled on an earlier connection (its connection opened after
 *    the op was invoked: a resend, whose first reply may have been cut elsewhere), 3 holds
 *    for the faults of every connection, not only its own;
 * 6. the server gave up on it, in one of two ways:
 *    - `closed`: the connection's server leg sent a FIN or closed (`fin` / `close` by `peer`
 *      on the server side) at or before the op completed, and before the client itself let
 *      go of the connection (`fin` / `close` by `peer` on the client side). A server that
 *      closes after the client destroyed its socket (an ack timeout, a client giving up)
 *      only answers the client's close; the proxy closes legs itself only for `destroy` /
 *      `reset`, which 3 already excludes;
 *    - `timeout`: the op ran into its ack timeout (the error a built-in workload records:
 *      `no ack within N ms` for `lines` / `frames`, `no response within N ms` for `http`)
 *      and no `coalesce` fired on its connection before it completed (a coalesce holds
 *      bytes for up to its `ms`, which may be longer than the ack timeout).
 *
 * An op that is `unanswered` is not counted `recovered`. The check is linear: one pass over
 * each log, then a constant amount of work per op.
 */
import type { TransportEvent } from '../proxy/transport-log.js';
import type { TargetEvent } from '../target/types.js';
import { completedAt, opAnomaly, outcomePhrase, times } from './describe.js';
import type { FaultIndex } from './fault-index.js';
import type { OpTally } from './history-index.js';
import type { Anomaly } from './types.js';

/** What the transport log says about one connection (times are the first of each kind). */
interface ConnectionFacts {
  openedAt?: number;
  /** First fault on this connection that could cut, delay or drop the reply path. */
  cut?: number;
  /** First `coalesce` on this connection (it may hold a reply past the ack timeout). */
  coalesce?: number;
  /** First FIN or close coming from the server itself. */
  serverEnded?: number;
  /** First FIN or close coming from the client itself. */
  clientLeft?: number;
}

/** What the run as a whole says: the first moments after which no op can be judged. */
interface RunFacts {
  byConnection: Map<number, ConnectionFacts>;
  /** First cutting fault on any connection (for ops that may have been resent). */
  cutAnywhere: number;
  /** First target fault or target trouble (exit, crash, kill, pause, resume, restart). */
  targetTrouble: number;
}

/** The error texts of the built-in workloads' ack timeouts (src/workload/stream-session.ts, http.ts). */
const ACK_TIMEOUT = /^no (ack|response) within \d+ ms$/;

const TARGET_FAULTS: ReadonlySet<string> = new Set(['kill-target', 'pause-target']);
const TARGET_TROUBLE: ReadonlySet<TargetEvent['type']> = new Set(['exit', 'crash', 'kill', 'pause', 'resume', 'restart']);

type FaultEvent = Extract<TransportEvent, { type: 'fault' }>;

/** Faults that leave the reply path whole: the client's FIN toward the server, re-chunking. */
function leavesReplyPath(event: FaultEvent): boolean {
  if (event.action === 'fragment' || event.action === 'coalesce') return true;
  return event.action === 'half-close' && event.direction === 'upstream';
}

const earliest = (current: number | undefined, at: number): number => Math.min(current ?? at, at);

function runFacts(transportLog: readonly TransportEvent[], targetLog: readonly TargetEvent[]): RunFacts {
  const byConnection = new Map<number, ConnectionFacts>();
  const facts = (connection: number): ConnectionFacts => {
    let found = byConnection.get(connection);
    if (found === undefined) byConnection.set(connection, (found = {}));
    return found;
  };
  let cutAnywhere = Number.POSITIVE_INFINITY;
  let targetTrouble = Number.POSITIVE_INFINITY;
  for (const event of transportLog) {
    if (event.type === 'open') {
      const own = facts(event.connection);
      own.openedAt = earliest(own.openedAt, event.at);
    } else if (event.type === 'fault') {
      if (TARGET_FAULTS.has(event.action)) targetTrouble = Math.min(targetTrouble, event.at);
      // A listener fault (refuse) has no connection: it never touches an accepted pair's replies.
      if (event.connection === undefined) continue;
      const own = facts(event.connection);
      if (event.action === 'coalesce') own.coalesce = earliest(own.coalesce, event.at);
      if (!leavesReplyPath(event)) {
        own.cut = earliest(own.cut, event.at);
        cutAnywhere = Math.min(cutAnywhere, event.at);
      }
    } else if ((event.type === 'fin' || event.type === 'close') && event.by === 'peer') {
      const own = facts(event.connection);
      if (event.side === 'server') own.serverEnded = earliest(own.serverEnded, event.at);
      else own.clientLeft = earliest(own.clientLeft, event.at);
    }
  }
  for (const event of targetLog) {
    if (TARGET_TROUBLE.has(event.type)) targetTrouble = Math.min(targetTrouble, event.at);
  }
  return { byConnection, cutAnywhere, targetTrouble };
}

/** How the server gave up on an op, or undefined when the rule does not hold. */
function howUnanswered(tally: OpTally, run: RunFacts): 'closed' | 'timeout' | undefined {
  const { op, count } = tally;
  if (op.outcome !== 'info' || count === 0 || op.completedAt === undefined || op.connection === undefined) return undefined;
  const done = completedAt(op);
  const own = run.byConnection.get(op.connection);
  if (own?.openedAt === undefined) return undefined;
  if ((own.cut ?? Infinity) <= done || run.targetTrouble <= done) return undefined;
  if (own.openedAt > op.invokedAt && run.cutAnywhere <= done) return undefined;
  const { serverEnded, clientLeft } = own;
  if (serverEnded !== undefined && serverEnded <= done && serverEnded < (clientLeft ?? Infinity)) return 'closed';
  if (op.error !== undefined && ACK_TIMEOUT.test(op.error) && (own.coalesce ?? Infinity) > done) return 'timeout';
  return undefined;
}

const WHAT_THE_SERVER_DID = {
  closed: 'the server closed its side without answering',
  timeout: 'no answer within the ack timeout',
} as const;

/** One `unanswered` per op that the rule above catches, in history order. */
export function checkUnanswered(
  entries: readonly OpTally[],
  transportLog: readonly TransportEvent[],
  targetLog: readonly TargetEvent[],
  faults: FaultIndex,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  // Without a transport log nothing can be shown about the reply path: skip the pass.
  if (transportLog.length === 0) return anomalies;
  const run = runFacts(transportLog, targetLog);
  for (const tally of entries) {
    const how = howUnanswered(tally, run);
    if (how === undefined) continue;
    const { op, count } = tally;
    anomalies.push(
      opAnomaly(
        'unanswered',
        op,
        count,
        faults,
        `${outcomePhrase(op)}, but the server kept it ${times(count)}: ${WHAT_THE_SERVER_DID[how]}, ` +
          'and no fault cut the reply path',
      ),
    );
  }
  return anomalies;
}
