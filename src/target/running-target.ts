/**
 * The handle the runner holds on a started server under test, whatever its kind, and
 * the crash latch every kind uses to report the first unexpected exit or crash.
 */
import type { TargetControl } from '../faults/types.js';
import type { TargetEvent } from './types.js';

/** Which kind of target a {@link RunningTarget} is. */
export type TargetKind = 'command' | 'module' | 'address';

/** A started server under test. Created by `startTarget()`. */
export interface RunningTarget {
  readonly kind: TargetKind;
  /** Where to connect. Always `127.0.0.1` for `command` and `module` targets. */
  readonly host: string;
  /** The server's port (stays the same across `kill-target` restarts). */
  readonly port: number;
  /** The target log, append-only, in time order. */
  readonly log: TargetEvent[];
  /** What the target faults (`kill-target`, `pause-target`) act on. */
  readonly control: TargetControl;
  /** The first unexpected exit (`exit` with `expected: false`) or `crash` event, if any. */
  crashed(): TargetEvent | undefined;
  /**
   * Resolves with the same event as {@link RunningTarget.crashed} once there is one.
   * Never rejects; stays pending while the target is healthy (a pending promise does
   * not keep the event loop alive).
   */
  readonly crash: Promise<TargetEvent>;
  /**
   * Stops the target: SIGTERM then SIGKILL after `stopGrace` (command), close the server
   * and destroy its sockets (module), nothing (address). Idempotent and bounded.
   */
  stop(): Promise<void>;
}

/** Options of `startTarget()`. */
export interface StartTargetOptions {
  /** Folder that `cwd` and `module` paths are relative to (the scenario's folder). */
  dir: string;
  /** Accept an `address` target that is not on loopback (`--allow-remote`). */
  allowRemote?: boolean;
  /** Aborts a start in progress; the half-started target is cleaned up. */
  signal?: AbortSignal;
}

/** Records the first crash of a target and exposes it as a value and as a promise. */
export interface CrashLatch {
  readonly crash: Promise<TargetEvent>;
  crashed(): TargetEvent | undefined;
  /** Reports a crash; only the first one counts. */
  report(event: TargetEvent): void;
}

/** Creates a {@link CrashLatch}. */
export function createCrashLatch(): CrashLatch {
  let first: TargetEvent | undefined;
  let resolve!: (event: TargetEvent) => void;
  const crash = new Promise<TargetEvent>((r) => {
    resolve = r;
  });
  return {
    crash,
    crashed: () => first,
    report(event) {
      if (first !== undefined) return;
      first = event;
      resolve(event);
    },
  };
}

/** Turns anything thrown into the fields of a `crash` event. */
export function describeThrown(value: unknown): { error: string; code?: string; stack?: string } {
  if (typeof value === 'object' && value !== null) {
    const { message, code, stack } = value as { message?: unknown; code?: unknown; stack?: unknown };
    return {
      error: typeof message === 'string' ? message : String(value),
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof stack === 'string' ? { stack } : {}),
    };
  }
  return { error: String(value) };
}

/** Resolves true when `promise` settles within `ms`, false otherwise (the timer is cleared). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
