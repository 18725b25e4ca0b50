/**
 * One run of a scenario, always torn down:
 *
 *   target ─▶ proxy (plan armed) ─▶ workload ─▶ clear faults ─▶ settle ─▶ readback ─▶ check
 *      └────────────── stop / close in `finally`, whatever happened ──────────────┘
 *
 * A violation is a verdict, not an exception; only a harness failure (a target that does
 * not start, a broken workload module) makes the run `errored`.
 */
import { now } from '../clock.js';
import { checkHistory } from '../checker/check.js';
import type { HungInput } from '../checker/types.js';
import type { Fault, FaultInput, TargetControl } from '../faults/types.js';
import { faultToInput, validateFault } from '../faults/validate.js';
import { HistoryRecorder } from '../history/recorder.js';
import type { Observation } from '../history/types.js';
import { FaultProxy } from '../proxy/fault-proxy.js';
import type { Scenario } from '../scenario/types.js';
import { startTarget, type RunningTarget } from '../target/index.js';
import { runWorkload } from '../workload/index.js';
import { readBack } from '../workload/readback.js';
import { createRandom } from './random.js';
import { proxyIdle, within } from './settle.js';
import type { RunError, RunResult } from './types.js';
import { createWorkloadContext } from './workload-context.js';

export interface RunOptions {
  /** The fault plan; default `scenario.faults`. */
  plan?: readonly (Fault | FaultInput)[];
  /** Seed of every random choice in the run (payloads, fragment sizes). Default 1. */
  seed?: number;
  /** Run number, the op id prefix (`r17`). Default 1. */
  run?: number;
  /** A started target to reuse (the property search keeps one across runs); it is not stopped. */
  target?: RunningTarget;
  allowRemote?: boolean;
  /** Cancels the run (SIGINT): the workload is aborted and everything is torn down. */
  signal?: AbortSignal;
  /** Log every forwarded chunk in the transport log (for timelines). Default true. */
  recordData?: boolean;
}

/** How long a workload or readback gets to return after its signal aborted. */
const ABORT_GRACE_MS = 2000;
/** How long a failed readback waits for the target's crash to be reported before calling it a harness error. */
const CRASH_GRACE_MS = 1000;
/** How long readback waits for connections to close after the workload (without closeWithin). */
const SETTLE_MS = 1000;

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const startedAt = now();
  const seed = options.seed ?? 1;
  const runId = `r${options.run ?? 1}`;
  const random = createRandom(seed);
  const plan = (options.plan ?? scenario.faults).map((fault, index) =>
    isFault(fault) ? fault : validateFault(fault, `plan[${index}]`),
  );
  const history = new HistoryRecorder(runId);
  const workloadLog: string[] = [];
  const result: RunResult = {
    scenario: scenario.name,
    ...(scenario.file === undefined ? {} : { file: scenario.file }),
    runId,
    seed,
    plan: plan.map(faultToInput),
    status: 'completed',
    history: [],
    transportLog: [],
    targetLog: [],
    workloadLog,
    timings: { startedAt, targetMs: 0, workloadMs: 0, readbackMs: 0, totalMs: 0 },
  };
  const cancel = new AbortController();
  const onCancel = (): void => cancel.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCancel, { once: true });
  let target = options.target;
  let readbackTarget: RunningTarget | undefined;
  let proxy: FaultProxy | undefined;
  let hung: HungInput | undefined;
  try {
    const targetStart = now();
    target ??= await startTarget(scenario.target, { dir: scenario.dir, allowRemote: options.allowRemote ?? false, signal: cancel.signal });
    result.timings.targetMs = options.target ? 0 : now() - targetStart;
    const targetActions = trackTargetActions(target);
    proxy = new FaultProxy({
      target: { host: target.host, port: target.port },
      faults: plan,
      seed,
      targetControl: targetActions.control,
      recordData: options.recordData ?? true,
      allowRemote: options.allowRemote ?? false,
    });
    const address = await proxy.listen();

    const workloadStart = now();
    const context = createWorkloadContext({
      proxy,
      address,
      history,
      runId,
      random: random.fork('workload'),
      signal: cancel.signal,
      options: 'module' in scenario.workload ? (scenario.workload.options ?? {}) : {},
      log: workloadLog,
    });
    hung = await bounded(runWorkload(scenario.workload, context, { dir: scenario.dir }), scenario.timeout, cancel, 'workload');
    result.timings.workloadMs = now() - workloadStart;

    proxy.clearFaults();
    // A kill-target may still be restarting the server: readback must ask the server that
    // comes back, not race it.
    await within(targetActions.settled(), scenario.timeout, () => undefined);
    await proxyIdle(proxy, scenario.expect.closeWithin ?? SETTLE_MS);
    if (!hung && !options.signal?.aborted) {
      const readbackStart = now();
      readbackTarget = await restartIfDead(scenario, target, options);
      const reading = readBack(
        scenario.readback,
        scenario.workload,
        { target: { host: readbackTarget.host, port: readbackTarget.port }, runId, signal: cancel.signal },
        { dir: scenario.dir },
      ).then(
        (observations) => {
          // Only this run's entries count: a reused server also holds earlier runs' (and the
          // built-in readbacks filter the same way, so every readback kind agrees).
          if (observations) result.observations = observations.filter((entry: Observation) => entry.id.startsWith(`${runId}-`));
        },
        async (error: unknown) => {
          // A server that a fault made crash may die just as readback asks it: that is the
          // finding (target-crashed), not a harness error.
          const crash = readbackTarget!.crashed() ?? (await within(readbackTarget!.crash.then((event) => event), CRASH_GRACE_MS, () => undefined));
          if (crash === undefined) throw error;
          workloadLog.push(`readback failed after the target crashed: ${(error as Error).message}`);
        },
      );
      hung = await bounded(reading, scenario.timeout, cancel, 'readback');
      result.timings.readbackMs = now() - readbackStart;
    }
  } catch (error) {
    result.status = 'errored';
    result.error = toRunError(error);
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    cancel.abort();
    await proxy?.close();
    if (readbackTarget && readbackTarget !== target) await readbackTarget.stop();
    if (target && target !== options.target) await target.stop();
  }
  result.history = history.records();
  result.transportLog = proxy ? [...proxy.log] : [];
  result.targetLog = [...(target?.log ?? []), ...(readbackTarget && readbackTarget !== target ? readbackTarget.log : [])];
  if (hung) result.hung = hung;
  if (result.status === 'completed') {
    // Without a readback nothing is known of what the server kept: only run-level checks apply.
    const readBackDone = result.observations !== undefined;
    result.verdict = checkHistory({
      history: readBackDone ? result.history : [],
      observations: result.observations ?? [],
      targetLog: result.targetLog,
      transportLog: result.transportLog,
      expect: scenario.expect,
      ...(hung ? { hung } : {}),
    });
  }
  result.timings.totalMs = now() - startedAt;
  return result;
}

/** Wraps the target's controls so the run knows when every kill/pause it fired is over. */
function trackTargetActions(target: RunningTarget): { control: TargetControl; settled(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  const track = (action: Promise<void>): Promise<void> => {
    pending.add(action);
    const forget = (): void => void pending.delete(action);
    action.then(forget, forget);
    return action;
  };
  return {
    control: {
      kill: (options) => track(target.control.kill(options)),
      pause: (ms) => track(target.control.pause(ms)),
    },
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

function isFault(value: Fault | FaultInput): value is Fault {
  return typeof (value as Fault).params === 'object' && (value as Fault).params !== null;
}

/** Awaits `work` for at most `timeoutMs`; on timeout aborts it, gives it a grace period, and reports `hung`. */
async function bounded(
  work: Promise<void>,
  timeoutMs: number,
  cancel: AbortController,
  phase: HungInput['phase'],
): Promise<HungInput | undefined> {
  const finished = await within(work.then(() => true), timeoutMs, () => false);
  if (finished) return undefined;
  cancel.abort();
  await within(work.then(() => true, () => true), ABORT_GRACE_MS, () => false);
  return { phase, afterMs: timeoutMs };
}

/**
 * A fault may have killed the target for good (a kill without restart, or a restart that
 * failed): readback then asks a fresh one, which holds whatever the server made durable.
 */
async function restartIfDead(scenario: Scenario, target: RunningTarget, options: RunOptions): Promise<RunningTarget> {
  const lifecycle = target.log.filter(
    (event) => event.type === 'start' || event.type === 'exit' || event.type === 'restart' || (event.type === 'crash' && event.code?.startsWith('ERR_TARGET')),
  );
  const last = lifecycle.at(-1);
  if (last?.type !== 'exit' && last?.type !== 'crash') return target;
  return startTarget(scenario.target, { dir: scenario.dir, allowRemote: options.allowRemote ?? false });
}

function toRunError(error: unknown): RunError {
  const { code, message, location } = error as { code?: unknown; message?: unknown; location?: unknown };
  return {
    code: typeof code === 'string' ? code : 'ERR_HARNESS',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof location === 'string' ? { location } : {}),
  };
}
