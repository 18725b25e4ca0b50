/**
 * The fault vocabulary: a fault is `{ at: Trigger, action, ...params }`.
 *
 *   FaultInput (file / API shape, params optional)
 *        │ validateFault()  → ERR_INVALID_FAULT naming the field
 *        ▼
 *   Fault (every default filled in) ──▶ FaultProxy arms it on matching pairs
 *        │ trigger reached (byte offset / afterMs / open)
 *        ▼
 *   FaultAction.fire(context, params) ── one file per action, no special case in the Link
 */
import type { Random } from '../runner/random.js';

/** `upstream` is client → server, `downstream` is server → client. */
export type Direction = 'upstream' | 'downstream';

/** Which leg of a pair an action hits. */
export type Side = 'client' | 'server' | 'both';

/** Where a fault fires. Give at most one of `bytes` and `afterMs`; with neither it fires on open. */
export interface TriggerInput {
  /** The N-th accepted connection (from 1) or `any` (the first to reach the trigger). Default `any`. */
  connection?: number | 'any';
  /** Default `upstream`. */
  direction?: Direction;
  /** Fires once exactly this many bytes have been forwarded in `direction`. */
  bytes?: number;
  /** Fires this many milliseconds after the connection opened. */
  afterMs?: number;
}

/** A fully defaulted trigger. */
export interface Trigger {
  connection: number | 'any';
  direction: Direction;
  bytes?: number;
  afterMs?: number;
}

/** The names of every action, in the order shrinking prefers (simplest first). */
export const ACTION_NAMES = [
  'destroy',
  'reset',
  'half-close',
  'stall',
  'blackhole',
  'fragment',
  'coalesce',
  'delay',
  'throttle',
  'refuse',
  'kill-target',
  'pause-target',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

/** A fault as written in a scenario file or passed to `FaultProxy`. */
export interface FaultInput {
  at?: TriggerInput;
  action: ActionName | (string & {});
  [param: string]: unknown;
}

/** A validated fault: trigger defaulted, parameters checked and defaulted. */
export interface Fault {
  at: Trigger;
  action: ActionName;
  /** Every parameter of the action, defaults filled in (`side`, `ms`, `min`, …). */
  params: Record<string, number | string | undefined>;
}

/** One parameter of an action, described once for validation, JSON Schema and docs. */
export type ParamSpec =
  | { kind: 'integer' | 'number'; min: number; max?: number; default?: number; optional?: boolean; doc: string }
  | { kind: 'enum'; values: readonly string[]; default?: string; optional?: boolean; doc: string };

/** Where an action applies. */
export type ActionScope = 'pair' | 'listener' | 'target';

/**
 * A transformation inserted into one direction of a pair (fragment, delay, stall, …).
 * The link calls `write` for every chunk; the stage passes bytes on through the `emit`
 * it was created with, now or later, in order. A stage never drops bytes unless dropping
 * is its fault (blackhole).
 */
export interface Stage {
  write(chunk: Buffer): void;
  /** Input ended: deliver what is held on the stage's own schedule, then call `done`. */
  end(done: () => void): void;
  /** Faults cleared: deliver everything held now and forward unchanged from here on. */
  release(): void;
  /** The pair is closing: cancel timers, drop what is held. */
  dispose(): void;
}

/** What a stage needs from the link it sits in. */
export interface StageContext {
  emit(chunk: Buffer): void;
  /** Account for bytes the stage discards on purpose (blackhole), so they are not "held". */
  drop(length: number): void;
  random: Random;
}

/** What a pair action can do when its trigger fires. */
export interface PairFaultContext {
  connection: number;
  direction: Direction;
  /** The byte offset in `direction` at which the fault fired. */
  offset: number;
  random: Random;
  /** Close legs without RST: the peer sees a FIN; unforwarded bytes are dropped. */
  destroy(side: Side): void;
  /** Close legs with an RST on the wire. */
  reset(side: Side): void;
  /** `end()` toward the receiver of `direction`; the reverse direction keeps flowing. */
  halfClose(): void;
  /** Insert a stage into the link of `direction`, from the current offset on. */
  addStage(create: (context: StageContext) => Stage): void;
}

/** What a target action can do (implemented by the runner's target). */
export interface TargetControl {
  /**
   * Sends `signal` (default SIGKILL) to the target; a graceful one is followed by SIGKILL
   * after the target's `stopGrace`. The exit is expected. `restartAfterMs`: start it again
   * on the same port that long after the exit.
   */
  kill(options: { restartAfterMs?: number; signal?: NodeJS.Signals }): Promise<void>;
  pause(ms: number): Promise<void>;
}

/** What a listener action can do (implemented by the proxy). */
export interface ListenerControl {
  /** Reset `count` connections at accept: from connection `from` on, or the next ones. */
  refuse(count: number, from: number | 'any'): void;
}

/** One action: its parameters and what it does. One file per action in `src/faults/`. */
export interface FaultAction {
  readonly name: ActionName;
  readonly scope: ActionScope;
  /** One line for docs and the JSON Schema. */
  readonly doc: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Pair actions: runs when the trigger fires. */
  fire?(context: PairFaultContext, params: Fault['params']): void;
  /** Listener actions: runs when the fault is armed (connection `N` or the next ones). */
  fireListener?(listener: ListenerControl, params: Fault['params'], at: Trigger): void;
  /** Target actions: runs when the trigger fires. */
  fireTarget?(target: TargetControl, params: Fault['params']): Promise<void>;
  /** The fault in words, for reports: "reset both sides". */
  describe(params: Fault['params']): string;
}
