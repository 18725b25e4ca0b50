/**
 * `replayScenario`: run one plan again, N times, and say how often the verdict agreed.
 *
 *   plan given ─────────────────────────────────────────┐
 *   seed + path ─▶ calibration (run 1000) ─▶ plan space ─▶ fast-check's walk to path ─▶ the plan
 *                                                        │
 *   repeat × runScenario(plan, seed) on one reused target ┴─▶ agreed = same signature as run 1
 *
 * The plan space depends on the calibration, and the calibration on the seed: the same
 * seed (and scenario) gives the same traffic, hence the same plan at the same path.
 */
import fc from 'fast-check';
import { now } from '../clock.js';
import { SockfaultError } from '../errors.js';
import type { FaultInput } from '../faults/types.js';
import { validateFault } from '../faults/validate.js';
import type { Scenario } from '../scenario/types.js';
import { faultPlanArbitrary, planSpace, type PlanSpace } from './arbitraries.js';
import { calibrate } from './calibrate.js';
import { checkArguments, withTimeout } from './options.js';
import { PlanRunner } from './plan-runner.js';
import { verdictSignature } from './replay-text.js';
import type { ReplayOptions, ReplayResult } from './types.js';

/**
 * Replays `options.plan` (with `options.seed` as the run seed) or the counterexample at
 * `options.seed` + `options.path` of an earlier search, `options.repeat` times (default 1).
 * @throws SockfaultError ERR_INVALID_ARGUMENT for bad options (neither or both of plan and
 *   path, a path without seed, an invalid plan, a path that leads nowhere in the plan space).
 */
export async function replayScenario(scenario: Scenario, options: ReplayOptions): Promise<ReplayResult> {
  checkArguments('replayScenario', scenario, options ?? {});
  const { plan, path, seed } = options;
  if ((plan === undefined) === (path === undefined)) invalid('give either plan or seed + path');
  if (path !== undefined && seed === undefined) invalid('path needs the seed of the search that printed it');
  if (plan !== undefined) checkPlan(plan);
  const startedAt = now();
  const runSeed = seed ?? scenario.generate.seed ?? 1;
  const runner = new PlanRunner(withTimeout(scenario, options.timeout), {
    seed: runSeed,
    ...(options.allowRemote === undefined ? {} : { allowRemote: options.allowRemote }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const result: ReplayResult = {
    scenario: scenario.name,
    ...(scenario.file === undefined ? {} : { file: scenario.file }),
    status: 'passed',
    held: false,
    plan: plan ? [...plan] : [],
    runs: [],
    agreed: 0,
    durationMs: 0,
  };
  try {
    if (path !== undefined) {
      const calibration = await calibrate(runner);
      if (calibration.run.status === 'errored') {
        result.status = 'errored';
        if (calibration.run.error) result.error = calibration.run.error;
        return result;
      }
      result.plan = await planAtPath(planSpace(calibration.calibration, scenario.generate), runSeed, path);
    }
    await repeat(runner, result, options);
  } finally {
    await runner.stop();
    result.durationMs = now() - startedAt;
  }
  if (result.status !== 'errored') {
    result.status = result.runs.some((run) => run.verdict?.ok === false) ? 'violated' : 'passed';
    result.held = (result.status === 'violated') === (scenario.expect.verdict === 'violated');
  }
  return result;
}

/**
 * The plan a search with `seed` reached at `path`, by fast-check's own replay: `fc.check`
 * walks the shrink tree along the path without running anything, then hands the plan to a
 * predicate that only keeps it. (`fc.sample` would wrap the property once more and draw
 * with another bias, so its values differ.)
 */
export async function planAtPath(space: PlanSpace, seed: number, path: string): Promise<FaultInput[]> {
  let plan: FaultInput[] | undefined;
  const property = fc.asyncProperty(faultPlanArbitrary(space), async (value) => {
    plan = value;
    return false;
  });
  try {
    await fc.check(property, { seed, path, numRuns: 1, endOnFailure: true });
  } catch (error) {
    throw new SockfaultError('ERR_INVALID_ARGUMENT', `replay: ${(error as Error).message} (seed ${seed})`, { cause: error });
  }
  if (plan === undefined) throw new SockfaultError('ERR_INVALID_ARGUMENT', `replay: no plan at path ${path} for seed ${seed}`);
  return plan;
}

async function repeat(runner: PlanRunner, result: ReplayResult, options: ReplayOptions): Promise<void> {
  let first: string | undefined;
  for (let index = 0; index < (options.repeat ?? 1); index++) {
    if (options.signal?.aborted) {
      result.interrupted = true;
      return;
    }
    const run = await runner.run(result.plan, { recordData: true });
    if (run.status === 'errored') {
      result.status = 'errored';
      if (run.error) result.error = run.error;
      return;
    }
    if (options.signal?.aborted) {
      result.interrupted = true;
      return;
    }
    result.runs.push(run);
    const signature = verdictSignature(run.verdict);
    first ??= signature;
    if (signature === first) result.agreed++;
  }
}

function checkPlan(plan: unknown): void {
  if (!Array.isArray(plan)) invalid('plan must be an array of faults');
  plan.forEach((fault, index) => {
    try {
      validateFault(fault, `plan[${index}]`);
    } catch (error) {
      invalid((error as Error).message);
    }
  });
}

function invalid(message: string): never {
  throw new SockfaultError('ERR_INVALID_ARGUMENT', `replayScenario: ${message}`);
}
