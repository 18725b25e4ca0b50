/**
 * The history recorder: workloads call `invoke()` when they start an operation and then
 * exactly one of `ok()` / `fail()` / `info()` on the handle it returns.
 *
 *   invoke('m3', payload) ──▶ OpHandle ──▶ ok() | fail(err) | info(err)   (first call wins)
 *        │                                        │
 *        └───────── records() ◀───────────────────┘   pending ops read as `info`
 *
 * A resend is the same op: a workload keeps the handle and completes it once, so a late
 * ack after a resend cannot complete an op twice.
 */
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import type { OpRecord, Outcome } from './types.js';

/** What `records()` reports for an op that never got an outcome. */
export const PENDING_AT_END = 'pending at end of run';

/** The handle of one invoked op. Only the first of `ok` / `fail` / `info` counts. */
export interface OpHandle {
  /** The full id (`${runId}-${localId}`), the one to send to the server. */
  readonly id: string;
  /**
   * Proxy connection number carrying the op's latest attempt. Update it on a resend;
   * it is frozen when the op completes.
   */
  connection?: number;
  /** The server acknowledged the op. */
  ok(): void;
  /** The op definitely did not happen (nothing reached the server). */
  fail(error?: unknown): void;
  /** The outcome is unknown (the connection died while it was in flight). */
  info(error?: unknown): void;
}

interface Entry {
  handle: OpHandle;
  payload?: string;
  invokedAt: number;
  outcome?: Outcome;
  completedAt?: number;
  connection?: number;
  error?: string;
}

/** Turns whatever a client threw into the short string a history keeps: its code, else its message. */
export function describeError(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return error;
  if (typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof message === 'string' && message !== '') return message;
  }
  return String(error);
}

/** Records the ops of one run, in invoke order. */
export class HistoryRecorder {
  /** The run number every op id starts with (`r17`). */
  readonly runId: string;
  readonly #entries = new Map<string, Entry>();

  /** @param runId - the run number, e.g. `r17`; op ids become `r17-<localId>`. */
  constructor(runId: string) {
    if (typeof runId !== 'string' || runId === '') {
      throw new SockfaultError('ERR_INVALID_ARGUMENT', 'HistoryRecorder: runId must be a non-empty string');
    }
    this.runId = runId;
  }

  /**
   * Records the invoke of an op and returns its handle. The full id is
   * `${runId}-${localId}`; invoking the same `localId` twice throws ERR_HISTORY.
   */
  invoke(localId: string, payload?: string, options: { connection?: number } = {}): OpHandle {
    if (typeof localId !== 'string' || localId === '') {
      throw new SockfaultError('ERR_INVALID_ARGUMENT', 'history.invoke: localId must be a non-empty string');
    }
    if (payload !== undefined && typeof payload !== 'string') {
      throw new SockfaultError('ERR_INVALID_ARGUMENT', `history.invoke(${localId}): payload must be a string`);
    }
    const id = `${this.runId}-${localId}`;
    if (this.#entries.has(id)) {
      throw new SockfaultError('ERR_HISTORY', `op id ${id} was invoked twice (a resend must reuse its handle)`);
    }
    // The handle's callbacks close over `entry`, which is created right below them.
    const complete = (outcome: Outcome, error?: unknown): void => {
      if (entry.outcome !== undefined) return;
      entry.outcome = outcome;
      entry.completedAt = now();
      entry.connection = handle.connection;
      const text = outcome === 'ok' ? undefined : describeError(error);
      if (text !== undefined) entry.error = text;
    };
    const handle: OpHandle = {
      id,
      ok: () => complete('ok'),
      fail: (error?: unknown) => complete('fail', error),
      info: (error?: unknown) => complete('info', error),
    };
    if (options.connection !== undefined) handle.connection = options.connection;
    const entry: Entry = { handle, invokedAt: now() };
    if (payload !== undefined) entry.payload = payload;
    this.#entries.set(id, entry);
    return entry.handle;
  }

  /** A snapshot of every op in invoke order; ops still pending read as `info`. */
  records(): OpRecord[] {
    return [...this.#entries.entries()].map(([id, entry]) => {
      const record: OpRecord = { id, outcome: entry.outcome ?? 'info', invokedAt: entry.invokedAt };
      if (entry.payload !== undefined) record.payload = entry.payload;
      const connection = entry.outcome === undefined ? entry.handle.connection : entry.connection;
      if (connection !== undefined) record.connection = connection;
      if (entry.completedAt !== undefined) record.completedAt = entry.completedAt;
      const error = entry.outcome === undefined ? PENDING_AT_END : entry.error;
      if (error !== undefined) record.error = error;
      return record;
    });
  }
}
