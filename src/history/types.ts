/**
 * The history of one run, in Jepsen's model: every operation is invoked once and ends
 * with exactly one outcome.
 *
 * - `ok`: the server acknowledged it;
 * - `fail`: it definitely did not happen (refused before anything was sent);
 * - `info`: unknown (the connection died while it was in flight).
 *
 * These shapes are a contract: outside tools read them from JSON reports.
 */

/** The final outcome of an operation. */
export type Outcome = 'ok' | 'fail' | 'info';

/** One operation of the workload; a resend is the same op (same `id`). */
export interface OpRecord {
  /** Unique within the run; carries the run number (`r17-m3`). */
  id: string;
  /** What was sent, when the checker should compare it with what the server kept. */
  payload?: string;
  outcome: Outcome;
  /** Proxy connection number (1, 2, …) that carried the last attempt. */
  connection?: number;
  /** Epoch milliseconds (see `src/clock.ts`). */
  invokedAt: number;
  completedAt?: number;
  /** Error code or message for `fail` / `info`. */
  error?: string;
}

/** One entry the server holds; repeats are repeated entries (a duplicate shows twice). */
export interface Observation {
  id: string;
  payload?: string;
}
