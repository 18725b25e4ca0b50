/**
 * kill-target: signal the server under test, optionally start it again on the same port
 * after `restartAfterMs`.
 *
 *   SIGKILL (default)          no handler runs: the kernel closes its sockets (abrupt loss)
 *   SIGTERM | SIGINT | SIGHUP  an orderly stop, as a deploy or an orchestrator asks for it:
 *                              the target's own handler runs; SIGKILL after `stopGrace`
 *   either way the exit is expected (never `target-crashed`), then ─ restartAfterMs ─▶ start
 */
import type { FaultAction } from './types.js';

/** The signals `kill-target` can send, the abrupt one first (the default). */
export const KILL_SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP'] as const satisfies readonly NodeJS.Signals[];

export type KillSignal = (typeof KILL_SIGNALS)[number];

export const killTargetAction: FaultAction = {
  name: 'kill-target',
  scope: 'target',
  doc: 'send `signal` (default SIGKILL) to the target process, SIGKILL after `stopGrace` if it is still running (`restartAfterMs` to start it again on the same port)',
  params: {
    signal: {
      kind: 'enum',
      values: KILL_SIGNALS,
      default: 'SIGKILL',
      doc: 'SIGKILL (no handler runs) or an orderly stop the target handles (SIGTERM, SIGINT, SIGHUP; SIGKILL after stopGrace)',
    },
    restartAfterMs: { kind: 'integer', min: 0, max: 600_000, optional: true, doc: 'restart it after this long (ms)' },
  },
  fireTarget: (target, params) =>
    target.kill({
      signal: (params.signal ?? 'SIGKILL') as KillSignal,
      ...(params.restartAfterMs === undefined ? {} : { restartAfterMs: params.restartAfterMs as number }),
    }),
  describe: (params) => {
    const kill = params.signal === undefined || params.signal === 'SIGKILL' ? 'kill the target' : `kill the target (${params.signal})`;
    return params.restartAfterMs === undefined ? kill : `${kill}, restart after ${params.restartAfterMs} ms`;
  },
};
