/**
 * What a workload and a readback are given. Built-in workloads and custom modules see the
 * same context, so anything a built-in does a user's module can do too.
 */
import type { Socket } from 'node:net';
import type { HistoryRecorder } from '../history/recorder.js';
import type { Observation } from '../history/types.js';
import type { Random } from '../runner/random.js';

/** Everything a workload needs to drive traffic through the fault proxy and record it. */
export interface WorkloadContext {
  /** Where the fault proxy listens; point any client library here. */
  proxy: { host: string; port: number };
  /** Opens a raw socket through the proxy; resolves once connected. */
  connect(): Promise<Socket>;
  /** The proxy connection number (1, 2, …) that carries this socket, if known. */
  connectionOf(socket: Socket): number | undefined;
  /** Where ops are recorded: `history.invoke(localId, payload)` → handle → ok / fail / info. */
  history: HistoryRecorder;
  /** The run number (`r17`); op ids start with it. */
  runId: string;
  /** The run's seeded PRNG: take every random choice (payloads, timing) from it. */
  random: Random;
  /** Aborted when the run times out or is cancelled: stop promptly. */
  signal: AbortSignal;
  /** A line for the run log. */
  log(message: string): void;
  /** `workload.options` of the scenario, for custom modules (`{}` when absent). */
  options: Record<string, unknown>;
}

/** A workload: drives the client side of one run and records its ops in `ctx.history`. */
export type WorkloadFn = (ctx: WorkloadContext) => Promise<void>;

/** What a readback is given: the server's own address (no proxy, no faults). */
export interface ReadbackContext {
  target: { host: string; port: number };
  runId: string;
  /** Aborted when the run times out or is cancelled. */
  signal: AbortSignal;
}

/** A readback: returns every entry the server holds (a duplicate appears twice). */
export type ReadbackFn = (ctx: ReadbackContext) => Promise<Observation[]>;

// Also reachable from here, where the contract lives, for callers that import the types module.
export { defineWorkload, defineReadback } from './define-workload.js';
