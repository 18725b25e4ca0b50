/**
 * Options shared by the built-in workloads, normalised once (fast-check style) so the
 * workloads only ever see a fully defaulted object, and the op plan they all follow.
 *
 * Payloads are drawn before any connection starts: connections run concurrently, so
 * drawing during the run would make the content depend on timing, not on the seed.
 */
import { SockfaultError } from '../errors.js';
import type { Random } from '../runner/random.js';
import type { BuiltinWorkloadCommon, SizeInput } from '../scenario/types.js';

/** `BuiltinWorkloadCommon` with every default filled in (defaults as documented there). */
export interface CommonOptions {
  connections: number;
  messages: number;
  payload: { min: number; max: number };
  pipeline: number;
  retry: 'none' | 'resend-unacked';
  maxReconnects: number;
  ackTimeout: number;
}

/** One planned op: the workload connection (1-based) that owns it, its ids and payload. */
export interface PlannedOp {
  /** Local id given to `history.invoke` (`m<connection>-<n>`). */
  localId: string;
  /** Full id as sent to the server (`${runId}-${localId}`). */
  id: string;
  payload: string;
}

function bad(field: string, message: string): SockfaultError {
  return new SockfaultError('ERR_INVALID_ARGUMENT', `workload.${field} ${message}`, { location: `workload.${field}` });
}

function integer(value: unknown, field: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw bad(field, `must be an integer ≥ ${min} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function size(value: SizeInput | undefined): { min: number; max: number } {
  if (value === undefined) return { min: 1, max: 64 };
  if (typeof value === 'number') {
    const exact = integer(value, 'payload', 0, 0);
    return { min: exact, max: exact };
  }
  const min = integer(value?.min, 'payload.min', 0, 1);
  const max = integer(value?.max, 'payload.max', 0, 64);
  if (max < min) throw bad('payload', `max (${max}) is below min (${min})`);
  return { min, max };
}

/** Fills in the defaults of the built-in options and checks them (ERR_INVALID_ARGUMENT). */
export function normaliseCommon(input: BuiltinWorkloadCommon): CommonOptions {
  const retry = input.retry ?? 'none';
  if (retry !== 'none' && retry !== 'resend-unacked') {
    throw bad('retry', `must be "none" or "resend-unacked" (got ${JSON.stringify(retry)})`);
  }
  return {
    connections: integer(input.connections, 'connections', 1, 1),
    messages: integer(input.messages, 'messages', 0, 10),
    payload: size(input.payload),
    pipeline: integer(input.pipeline, 'pipeline', 1, 1),
    retry,
    maxReconnects: integer(input.maxReconnects, 'maxReconnects', 0, 5),
    ackTimeout: integer(input.ackTimeout, 'ackTimeout', 1, 2000),
  };
}

// Printable ASCII without space: safe inside a line protocol, a JSON string and a URL-free body.
const FIRST = 0x21;
const LAST = 0x7e;

/** A seeded payload of a size within `range`. */
export function makePayload(random: Random, range: { min: number; max: number }): string {
  const length = random.int(range.min, range.max);
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(random.int(FIRST, LAST));
  return out;
}

/** The ops of every workload connection, in send order: `plan[c - 1]` belongs to connection `c`. */
export function planOps(options: CommonOptions, random: Random, runId: string): PlannedOp[][] {
  const plan: PlannedOp[][] = [];
  for (let c = 1; c <= options.connections; c++) {
    const ops: PlannedOp[] = [];
    for (let n = 1; n <= options.messages; n++) {
      const localId = `m${c}-${n}`;
      ops.push({ localId, id: `${runId}-${localId}`, payload: makePayload(random, options.payload) });
    }
    plan.push(ops);
  }
  return plan;
}
