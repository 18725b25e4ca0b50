/**
 * A `module` target: the server under test imported into the harness's own process.
 *
 *   import(file) ─ createServer() | start({ port }) ─▶ listening on 127.0.0.1 ─▶ ready
 *   uncaught exception while live ─▶ 'crash' event (the harness keeps running)
 *   kill-target: RST every connection, close the server ─ restartAfterMs ─▶ a new
 *                instance on the same port. No real signal is sent (it is our own process):
 *                SIGKILL is the RST; SIGTERM | SIGINT | SIGHUP is an orderly close — the
 *                server closed and a FIN after its queued bytes on every connection (reset
 *                if still open after 2 s), or the module's own close() for start()
 *   pause-target: not possible in-process → ERR_INVALID_FAULT (use a command target)
 */
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import getPort from 'get-port';
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import { importModule } from '../import-module.js';
import type { TargetControl } from '../faults/types.js';
import { captureUncaught } from './crash-capture.js';
import { createServerLauncher, startLauncher, type ModuleInstance, type ModuleLauncher } from './module-instance.js';
import { createCrashLatch, describeThrown, type RunningTarget, type StartTargetOptions } from './running-target.js';
import { checkFaultMs, checkKillSignal, throwIfStartAborted, unsupportedFaultError } from './target-errors.js';
import type { TargetEvent } from './types.js';

function fail(message: string, cause?: unknown): never {
  throw new SockfaultError('ERR_TARGET_START', `target.module: ${message}`, { cause, location: 'target.module' });
}

/** Imports the module and picks its `createServer` or `start` export. */
async function loadLauncher(input: Record<string, unknown>, dir: string): Promise<{ launcher: ModuleLauncher; fixedPort: boolean }> {
  if (typeof input.module !== 'string' || input.module === '') fail('must be the path of a file');
  if (input.reuse !== undefined && typeof input.reuse !== 'boolean') {
    throw new SockfaultError('ERR_TARGET_START', 'target.reuse: must be true or false', { location: 'target.reuse' });
  }
  const file = resolve(dir, input.module);
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(file);
  } catch (cause) {
    fail(`could not import ${file}: ${(cause as Error)?.message ?? String(cause)}`, cause);
  }
  const fallback = exports.default;
  const source = typeof fallback === 'object' && fallback !== null && !('createServer' in exports || 'start' in exports) ? (fallback as Record<string, unknown>) : exports;
  if (typeof source.createServer === 'function') return { launcher: createServerLauncher(source.createServer as () => unknown), fixedPort: false };
  if (typeof source.start === 'function') {
    return { launcher: startLauncher(source.start as (options: { port: number; host: string }) => unknown), fixedPort: true };
  }
  return fail(`${file} exports neither createServer() nor start({ port })`);
}

/** Imports a `module` target and starts its server on 127.0.0.1. */
export async function startModuleTarget(input: Record<string, unknown>, options: StartTargetOptions): Promise<RunningTarget> {
  const { launcher, fixedPort } = await loadLauncher(input, options.dir);
  throwIfStartAborted(options.signal);
  const target = new ModuleTarget(launcher);
  try {
    await target.launch(fixedPort ? await getPort({ host: '127.0.0.1' }) : 0);
  } catch (error) {
    await target.stop(); // releases the uncaught-exception capture
    throw error;
  }
  return target;
}

class ModuleTarget implements RunningTarget {
  readonly kind = 'module';
  readonly host = '127.0.0.1';
  port = 0;
  readonly log: TargetEvent[] = [];
  readonly control: TargetControl = {
    // Kills run one after the other: a second kill-target waits for the first one's restart.
    kill: (options) => {
      const done = this.#killing.then(() => this.#kill(options));
      this.#killing = done.catch(() => {});
      return done;
    },
    pause: async () => {
      throw unsupportedFaultError('pause-target', 'a module', 'a command target (a module runs inside the harness)');
    },
  };
  readonly #latch = createCrashLatch();
  readonly crash = this.#latch.crash;
  readonly #launcher: ModuleLauncher;
  readonly #stopSignal = new AbortController();
  readonly #release: () => void;
  #instance: ModuleInstance | undefined;
  #stopping: Promise<void> | undefined;
  #killing: Promise<void> = Promise.resolve();

  constructor(launcher: ModuleLauncher) {
    this.#launcher = launcher;
    this.#release = captureUncaught((error) => this.#record({ type: 'crash', at: now(), ...describeThrown(error) }));
  }

  crashed(): TargetEvent | undefined {
    return this.#latch.crashed();
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  /** Starts an instance on `port` (0 the first time for `createServer()`). */
  async launch(port: number): Promise<void> {
    const instance = await this.#launcher(port);
    if (this.#stopSignal.signal.aborted) {
      await instance.close('destroy');
      return;
    }
    this.#instance = instance;
    this.port = instance.port;
    this.log.push({ type: 'start', at: now(), host: this.host, port: this.port }, { type: 'ready', at: now() });
  }

  #record(event: TargetEvent): void {
    this.log.push(event);
    this.#latch.report(event);
  }

  async #stop(): Promise<void> {
    this.#stopSignal.abort();
    const instance = this.#instance;
    this.#instance = undefined;
    try {
      await instance?.close('destroy');
    } finally {
      this.#release();
    }
  }

  /** kill-target in-process: SIGKILL resets every connection, a graceful signal ends them (see the top). */
  async #kill(options: { restartAfterMs?: number; signal?: NodeJS.Signals }): Promise<void> {
    const { restartAfterMs } = options;
    if (restartAfterMs !== undefined) checkFaultMs(restartAfterMs, 'restartAfterMs');
    const signal = checkKillSignal(options.signal);
    if (this.#stopping !== undefined) return;
    this.log.push({ type: 'kill', at: now(), signal });
    const instance = this.#instance;
    this.#instance = undefined;
    await instance?.close(signal === 'SIGKILL' ? 'reset' : 'end');
    this.log.push({ type: 'exit', at: now(), code: null, signal: null, expected: true, stderrTail: '' });
    if (restartAfterMs === undefined) return;
    try {
      await sleep(restartAfterMs, undefined, { signal: this.#stopSignal.signal });
    } catch {
      return; // stopped meanwhile
    }
    this.log.push({ type: 'restart', at: now() });
    // Not coming back is the target's failure (target-crashed), not the harness's.
    await this.launch(this.port).catch((error: unknown) => this.#record({ type: 'crash', at: now(), ...describeThrown(error) }));
  }
}
