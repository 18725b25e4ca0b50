/**
 * Finds the fault that explains an anomaly: the last one that fired on the op's
 * connection (or on the target / listener, which hits every connection) at or before the
 * op completed. An acknowledged op is often lost by a fault that fired after its ack, so
 * when nothing fired before, the first fault after is reported instead (`after: true`).
 *
 * Faults are few and anomalies are looked up one by one, so each list is sorted once and
 * searched with a binary search.
 */
import type { TransportEvent } from '../proxy/transport-log.js';
import type { LastFault } from './types.js';

type FaultEvent = Extract<TransportEvent, { type: 'fault' }>;

/** Index of the last fault with `at <= time` in a list sorted by `at`, or -1. */
function lastAtOrBefore(list: readonly FaultEvent[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as FaultEvent).at <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function toLastFault(event: FaultEvent, after: boolean): LastFault {
  const fault: LastFault = { action: event.action, description: event.description, at: event.at };
  if (event.offset !== undefined) fault.offset = event.offset;
  if (event.direction !== undefined) fault.direction = event.direction;
  if (event.connection !== undefined) fault.connection = event.connection;
  if (after) fault.after = true;
  return fault;
}

/** Picks the latest "before" candidate, or else (when allowed) the earliest "after" one. */
function pick(lists: readonly (readonly FaultEvent[])[], time: number, allowAfter: boolean): LastFault | undefined {
  let before: FaultEvent | undefined;
  let after: FaultEvent | undefined;
  for (const list of lists) {
    const i = lastAtOrBefore(list, time);
    const b = list[i];
    const a = list[i + 1];
    if (b !== undefined && (before === undefined || b.at > before.at)) before = b;
    if (a !== undefined && (after === undefined || a.at < after.at)) after = a;
  }
  if (before !== undefined) return toLastFault(before, false);
  return after === undefined || !allowAfter ? undefined : toLastFault(after, true);
}

/** The transport log's faults, by connection, ready for per-anomaly look-ups. */
export class FaultIndex {
  readonly #byConnection = new Map<number, FaultEvent[]>();
  /** Faults without a connection: target and listener actions. */
  readonly #global: FaultEvent[] = [];
  readonly #all: FaultEvent[] = [];

  constructor(log: readonly TransportEvent[] = []) {
    for (const event of log) {
      if (event.type !== 'fault') continue;
      this.#all.push(event);
      if (event.connection === undefined) {
        this.#global.push(event);
        continue;
      }
      const list = this.#byConnection.get(event.connection);
      if (list === undefined) this.#byConnection.set(event.connection, [event]);
      else list.push(event);
    }
    // The log is appended in time order, but sort anyway: a stable sort of a sorted
    // list is linear, and a log merged from several sources stays correct.
    const byTime = (a: FaultEvent, b: FaultEvent): number => a.at - b.at;
    this.#global.sort(byTime);
    this.#all.sort(byTime);
    for (const list of this.#byConnection.values()) list.sort(byTime);
  }

  /**
   * The fault explaining something that happened on `connection` at `time`. An op's
   * record names only the connection of its last attempt: a resend on a fresh connection
   * was caused by a fault on an earlier one, so when its own connection saw none before,
   * the last fault anywhere before it is the explanation.
   */
  onConnection(connection: number | undefined, time: number): LastFault | undefined {
    const own = connection === undefined ? undefined : this.#byConnection.get(connection);
    const lists = own === undefined ? [this.#global] : [own, this.#global];
    return pick(lists, time, false) ?? pick([this.#all], time, false) ?? pick(lists, time, true) ?? pick([this.#all], time, true);
  }

  /**
   * The last fault on any connection at or before `time`, for run-level events. A fault
   * after a crash cannot have caused it, so there is no fallback here.
   */
  anywhere(time: number): LastFault | undefined {
    return pick([this.#all], time, false);
  }
}
