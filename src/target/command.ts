/**
 * A `command` target: the server under test as a child process on a free `PORT`.
 *
 *   start ─ spawn ─▶ wait ready ─▶ running ─ unexpected exit ─▶ crash (exit event)
 *                        │ timeout → ERR_TARGET_NOT_READY, exit → ERR_TARGET_START
 *   kill-target:  SIGKILL, or SIGTERM|SIGINT|SIGHUP ─ stopGrace ─▶ SIGKILL ─▶ exit (expected)
 *                 ─ restartAfterMs ─▶ spawn again on the same PORT ─▶ wait ready
 *   pause-target: SIGSTOP ─ ms ─▶ SIGCONT
 *   stop:         SIGTERM ─ stopGrace ─▶ SIGKILL
 */
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import getPort from 'get-port';
import { now } from '../clock.js';
import { SockfaultError, hasCode } from '../errors.js';
import type { TargetControl } from '../faults/types.js';
import { ChildPause } from './child-pause.js';
import { spawnChild, type TargetChild } from './child.js';
import { parseCommandInput, type CommandSpec } from './command-input.js';
import { createOutputBudget } from './output.js';
import { waitForReady } from './ready.js';
import { createCrashLatch, describeThrown, settlesWithin, type RunningTarget, type StartTargetOptions } from './running-target.js';
import { checkFaultMs, checkKillSignal, exitedBeforeReadyError, notReadyError, startAbortedError, throwIfStartAborted } from './target-errors.js';
import type { TargetEvent } from './types.js';

/** How long to wait for a SIGKILLed process to be reported gone. */
const KILL_WAIT_MS = 5000;

/** Starts a `command` target and waits until it is ready. */
export async function startCommandTarget(input: Record<string, unknown>, options: StartTargetOptions): Promise<RunningTarget> {
  const spec = parseCommandInput(input, options.dir);
  const cwd = await stat(spec.cwd).catch(() => undefined);
  if (!cwd?.isDirectory()) {
    throw new SockfaultError('ERR_TARGET_START', `target.cwd: ${spec.cwd} is not a directory`, { location: 'target.cwd' });
  }
  // get-port's port is free when it answers, not when the server binds it: another process
  // (a parallel test worker, another target) can take it in between. Try a fresh port then.
  for (let attempt = 1; ; attempt++) {
    throwIfStartAborted(options.signal);
    const target = new CommandTarget(spec, await getPort());
    try {
      await target.launch(options.signal);
      return target;
    } catch (error) {
      const portTaken = /EADDRINUSE/.test((error as Error).message);
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** Starts tried on fresh ports when the server reports EADDRINUSE. */
const PORT_ATTEMPTS = 3;

/**
 * SIGKILLs a process and its descendants and waits (bounded) until they are gone and
 * the exit is in the log; a descendant that still holds the output pipes is let go.
 */
async function terminate(child: TargetChild): Promise<void> {
  child.expectExit();
  child.signal('SIGKILL');
  if (!(await settlesWithin(child.closed, KILL_WAIT_MS))) child.release();
  await settlesWithin(child.exited, KILL_WAIT_MS);
}

class CommandTarget implements RunningTarget {
  readonly kind = 'command';
  readonly host = '127.0.0.1';
  readonly log: TargetEvent[] = [];
  readonly control: TargetControl = {
    // Kills run one after the other: a second kill-target waits for the first one's restart.
    kill: (options) => {
      const done = this.#killing.then(() => this.#kill(options));
      this.#killing = done.catch(() => {});
      return done;
    },
    pause: (ms) => this.#pauseFor(ms),
  };
  readonly #latch = createCrashLatch();
  readonly crash = this.#latch.crash;
  readonly #spec: CommandSpec;
  readonly #budget = createOutputBudget();
  /** Aborted by stop(): cancels a pending restart and its readiness wait. */
  readonly #stopSignal = new AbortController();
  #child: TargetChild | undefined;
  #pause: ChildPause | undefined;
  #stopping: Promise<void> | undefined;
  #killing: Promise<void> = Promise.resolve();

  constructor(spec: CommandSpec, readonly port: number) {
    this.#spec = spec;
  }

  crashed(): TargetEvent | undefined {
    return this.#latch.crashed();
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  /** Spawns a process and waits until it is ready; on failure it is killed first. */
  async launch(signal: AbortSignal | undefined): Promise<TargetChild> {
    this.#child = undefined;
    const child = await spawnChild(this.#spec, this.port, this.log, this.#budget);
    this.#child = child;
    this.#pause = new ChildPause(child, this.log);
    const ready = new AbortController();
    const timer =
      this.#spec.ready.kind === 'ms'
        ? undefined
        : setTimeout(() => ready.abort(notReadyError(this.#spec, child.output.stderrTail)), this.#spec.readyTimeout);
    const onAbort = (): void => ready.abort(startAbortedError(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    void child.exited.then((exit) => ready.abort(exitedBeforeReadyError(exit)));
    try {
      await waitForReady(this.#spec.ready, { port: this.port, output: child.output, signal: ready.signal });
    } catch (error) {
      const reason: unknown = ready.signal.aborted ? ready.signal.reason : error;
      await terminate(child);
      throw reason;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      ready.abort();
    }
    this.log.push({ type: 'ready', at: now() });
    void child.exited.then((exit) => {
      if (!exit.expected) this.#latch.report(exit);
    });
    return child;
  }

  async #stop(): Promise<void> {
    this.#stopSignal.abort();
    const child = this.#child;
    if (child === undefined) return;
    // A stopped process only acts on SIGTERM once it runs again: teardown does not wait for a pause.
    await this.#end(child, 'SIGTERM', () => this.#pause?.resumeNow());
  }

  /**
   * An orderly end: `signal` to the process tree, SIGKILL if it has not exited (and let go
   * of its output) within `stopGrace`. `signalled` runs once the signal was delivered.
   */
  async #end(child: TargetChild, signal: NodeJS.Signals, signalled?: () => void): Promise<void> {
    child.expectExit();
    if (child.signal(signal)) signalled?.();
    if (await settlesWithin(child.closed, this.#spec.stopGrace)) await child.exited;
    else await terminate(child);
  }

  async #kill(options: { restartAfterMs?: number; signal?: NodeJS.Signals }): Promise<void> {
    const { restartAfterMs } = options;
    if (restartAfterMs !== undefined) checkFaultMs(restartAfterMs, 'restartAfterMs');
    const signal = checkKillSignal(options.signal);
    if (this.#stopping !== undefined) return;
    this.log.push({ type: 'kill', at: now(), signal });
    const child = this.#child;
    // A paused target (pause-target) acts on a graceful signal when its pause ends, as it
    // would outside the harness; SIGKILL follows after stopGrace if that is later.
    if (child !== undefined) await (signal === 'SIGKILL' ? terminate(child) : this.#end(child, signal));
    if (restartAfterMs === undefined) return;
    const stopped = this.#stopSignal.signal;
    try {
      await sleep(restartAfterMs, undefined, { signal: stopped });
    } catch {
      return; // stopped meanwhile
    }
    this.log.push({ type: 'restart', at: now() });
    await this.launch(stopped).catch((error: unknown) => this.#restartFailed(error, stopped));
  }

  // A target that does not come back after kill-target is the target's failure
  // (a `target-crashed` result), not the harness's: record it, do not throw.
  async #restartFailed(error: unknown, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    // ERR_TARGET_START with a child: it exited before it was ready (its exit event
    // says how). Without one, it could not even be spawned.
    const child = this.#child;
    if (hasCode(error, 'ERR_TARGET_START') && child !== undefined) {
      const exit = await child.exited;
      if (!exit.expected) this.#latch.report(exit);
      return;
    }
    const event: TargetEvent = { type: 'crash', at: now(), ...describeThrown(error) };
    this.log.push(event);
    this.#latch.report(event);
  }

  async #pauseFor(ms: number): Promise<void> {
    checkFaultMs(ms, 'ms');
    const child = this.#child;
    if (this.#stopping !== undefined || child === undefined || child.hasExited()) return;
    await this.#pause?.pause(ms);
  }
}
