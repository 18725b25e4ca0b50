/**
 * The target log: what the server under test did, as plain data (epoch ms from
 * `src/clock.ts`). The checker reads `exit` / `crash` events for `target-crashed`.
 */
export type TargetEvent =
  | { type: 'start'; at: number; pid?: number; host: string; port: number }
  | { type: 'ready'; at: number }
  | { type: 'output'; at: number; stream: 'stdout' | 'stderr'; text: string }
  /** The process ended. `expected` is true when the harness asked for it (stop, kill-target). */
  | { type: 'exit'; at: number; code: number | null; signal: string | null; expected: boolean; stderrTail: string }
  /** An in-process (module) target threw an uncaught exception during the run. */
  | { type: 'crash'; at: number; error: string; code?: string; stack?: string }
  /** kill-target acted on it; `signal` is what it sent (absent: SIGKILL). */
  | { type: 'kill'; at: number; signal?: string }
  /** A target fault acted on it. */
  | { type: 'pause' | 'resume' | 'restart'; at: number };
