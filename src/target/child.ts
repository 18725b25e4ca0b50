/**
 * One process of a `command` target: spawned without a shell (unless asked), tracked
 * in the child registry, its output recorded, its end turned into one `exit` event.
 *
 *   spawnChild() ─ 'start' ─▶ running ─ exit ─▶ drain stdout/stderr (bounded) ─ 'exit' event
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pEvent } from 'p-event';
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import { trackChild } from './child-registry.js';
import type { CommandSpec } from './command-input.js';
import { OutputRecorder, type OutputBudget } from './output.js';
import { processTree, signalAll } from './process-tree.js';
import { settlesWithin } from './running-target.js';
import type { TargetEvent } from './types.js';

/** The `exit` entry of the target log. */
export type ExitEvent = Extract<TargetEvent, { type: 'exit' }>;

/** How long to wait, after the exit, for the rest of the output to arrive. */
const DRAIN_MS = 500;

/** A spawned target process (with whatever it started in turn). */
export interface TargetChild {
  readonly pid: number;
  readonly output: OutputRecorder;
  /** Resolves with the `exit` event (already in the log). Never rejects. */
  readonly exited: Promise<ExitEvent>;
  /** Resolves once the process exited and nothing holds its stdout/stderr any more. */
  readonly closed: Promise<void>;
  /** True once the process has ended. */
  hasExited(): boolean;
  /** Marks the coming exit as one the harness asked for (stop, kill-target). */
  expectExit(): void;
  /** Signals the process and its descendants; false when all are gone. */
  signal(signal: NodeJS.Signals): boolean;
  /** Lets go of stdout/stderr, so a descendant that holds them cannot keep the harness alive. */
  release(): void;
}

/** Spawns one process of a `command` target with `PORT` set; rejects with ERR_TARGET_START. */
export async function spawnChild(
  spec: CommandSpec,
  port: number,
  log: TargetEvent[],
  budget: OutputBudget,
): Promise<TargetChild> {
  const env = { ...process.env, ...spec.env, PORT: String(port) };
  let child: ChildProcess;
  try {
    child = spawn(spec.file, spec.args, {
      cwd: spec.cwd,
      env,
      shell: spec.shell,
      detached: false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (cause) {
    throw startError(spec, cause);
  }
  if (child.pid === undefined) {
    const cause = await pEvent(child, 'error', { timeout: 2000 }).catch((error: unknown) => error);
    throw startError(spec, cause);
  }
  const target = watch(child, child.pid, log, new OutputRecorder(log, budget));
  trackChild(child, () => target.signal('SIGKILL'));
  log.push({ type: 'start', at: now(), pid: child.pid, host: '127.0.0.1', port });
  return target;
}

function startError(spec: CommandSpec, cause: unknown): SockfaultError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const hint = (cause as { code?: unknown })?.code === 'ENOENT' ? ' (is it installed and on PATH?)' : '';
  return new SockfaultError('ERR_TARGET_START', `target.command: could not start ${JSON.stringify(spec.file)}: ${reason}${hint}`, {
    cause,
    location: 'target.command',
  });
}

function watch(child: ChildProcess, pid: number, log: TargetEvent[], output: OutputRecorder): TargetChild {
  let expected = false;
  let ended = false;
  let gone = false;
  // Descendants seen so far: once the direct child is gone they are no longer below it.
  let known: number[] = [];
  child.stdout?.setEncoding('utf8').on('data', (text: string) => output.write('stdout', text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => output.write('stderr', text));
  // After the spawn, an 'error' only reports a failed kill(); the exit still comes.
  child.on('error', () => {});
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => {
      gone = true;
      resolve();
    });
  });
  const exited = new Promise<ExitEvent>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      // 'close' comes once stdout/stderr are drained; a descendant holding them open
      // must not hold the exit event back for long.
      void settlesWithin(closed, DRAIN_MS).then(() => {
        const event: ExitEvent = { type: 'exit', at: now(), code, signal, expected, stderrTail: output.stderrTail };
        log.push(event);
        resolve(event);
      });
    });
  });
  return {
    pid,
    output,
    exited,
    closed,
    hasExited: () => ended,
    expectExit: () => {
      if (!ended) expected = true;
    },
    signal(signal) {
      if (gone) return false;
      // A reaped pid may be reused by now: signal only the descendants then.
      const tree = ended ? known : processTree(pid);
      known = [...new Set([...tree.filter((p) => p !== pid), ...known])];
      return signalAll(ended ? known : [pid, ...known], signal);
    },
    release() {
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}
