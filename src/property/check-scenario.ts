/**
 * `checkScenario`: a fast-check search over fault plans.
 *
 *   calibration run (no faults, run 1000) ─▶ plan space (connections, offsets, actions)
 *   fc.check(asyncProperty(plan ─▶ runScenario ─▶ checkHistory ─▶ no anomaly), { seed, path })
 *     └─ first failure ─▶ fast-check shrinks ─▶ minimal plan ─▶ re-run once to confirm
 *   ─▶ CheckResult { status, held, minimal, seed, path, replayCommand }
 *
 * Every run of a search uses the search's seed as its run seed: a plan is then a function
 * of the bytes alone, which is what lets fast-check shrink it and `--path` replay it.
 */
import fc from 'fast-check';
import { now } from '../clock.js';
import type { Scenario } from '../scenario/types.js';
import { faultPlanArbitrary, planSpace } from './arbitraries.js';
import { calibrate } from './calibrate.js';
import { checkArguments, resolveSeed, withTimeout } from './options.js';
import { PlanRunner } from './plan-runner.js';
import { anomalyKinds, planJson, replayCommand } from './replay-text.js';
import { Search } from './search.js';
import type { CheckOptions, CheckResult, FailingRun, ScenarioStatus } from './types.js';

/**
 * Searches `scenario`'s fault plans for one that makes the checker find anomalies, and
 * shrinks it. A violation is a result, not an exception; only bad arguments throw
 * (ERR_INVALID_ARGUMENT). The target is always stopped before this resolves.
 */
export async function checkScenario(scenario: Scenario, options: CheckOptions = {}): Promise<CheckResult> {
  checkArguments('checkScenario', scenario, options);
  const startedAt = now();
  const seed = resolveSeed(options.seed, scenario);
  const runs = options.runs ?? scenario.generate.runs;
  const runner = new PlanRunner(withTimeout(scenario, options.timeout), {
    seed,
    ...(options.allowRemote === undefined ? {} : { allowRemote: options.allowRemote }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const search = new Search(runner, { runs, ...pick(options, 'signal', 'onProgress') });
  const result: CheckResult = {
    scenario: scenario.name,
    ...(scenario.file === undefined ? {} : { file: scenario.file }),
    status: 'passed',
    held: false,
    runs: 0,
    seed,
    shrinkSteps: 0,
    durationMs: 0,
    runsPerSecond: 0,
  };
  try {
    const { run: calibration, calibration: traffic } = await calibrate(runner);
    if (calibration.status === 'errored') search.error = calibration.error;
    else options.onProgress?.({ type: 'calibrated', connections: traffic.connections, bytes: traffic.bytes });
    if (calibration.verdict?.ok === false) {
      // It fails with no fault at all: that is the minimal plan, and no search can shrink to it.
      search.firstFailure = search.lastFailure = { plan: [], run: calibration, verdict: calibration.verdict };
    } else if (!search.stopped) {
      const property = fc.asyncProperty(faultPlanArbitrary(planSpace(traffic, scenario.generate)), (plan) => search.test(plan));
      const details = await fc.check(property, { seed, numRuns: runs, endOnFailure: false, ...(options.path ? { path: options.path } : {}) });
      if (details.failed && search.lastFailure === undefined && !search.stopped) {
        // The property itself threw: a bug of the harness, not a finding.
        search.error = { code: 'ERR_HARNESS', message: `the search failed: ${String(details.errorInstance)}` };
      }
      if (search.lastFailure && details.counterexamplePath) result.path = details.counterexamplePath;
    }
    if (search.lastFailure && !search.stopped) await confirm(runner, search.lastFailure, result, options);
  } finally {
    await runner.stop();
  }
  return finish(result, search, scenario, startedAt);
}

/** Re-runs the minimal plan (next run number, every chunk recorded) and keeps it if it fails the same way. */
async function confirm(runner: PlanRunner, minimal: FailingRun, result: CheckResult, options: CheckOptions): Promise<void> {
  const again = await runner.run(minimal.plan, { recordData: true });
  if (again.status === 'errored' || options.signal?.aborted) return;
  const agreed = anomalyKinds(again.verdict).join() === anomalyKinds(minimal.verdict).join();
  result.confirmed = agreed;
  options.onProgress?.({ type: 'confirm', agreed });
  // The confirming run has the full transport log, which is what a timeline wants.
  if (agreed && again.verdict) Object.assign(minimal, { run: again, verdict: again.verdict });
}

function finish(result: CheckResult, search: Search, scenario: Scenario, startedAt: number): CheckResult {
  const status: ScenarioStatus = search.error ? 'errored' : search.lastFailure ? 'violated' : 'passed';
  result.status = status;
  result.held = status !== 'errored' && (status === 'violated') === (scenario.expect.verdict === 'violated');
  result.runs = search.searchRuns;
  result.shrinkSteps = search.shrinkSteps;
  result.shrinkRuns = search.shrinkRuns;
  result.runsPerSecond = search.runsPerSecond;
  if (search.error) result.error = search.error;
  if (search.interrupted) result.interrupted = true;
  if (search.firstFailure) result.firstFailure = search.firstFailure;
  if (search.lastFailure) {
    result.minimal = search.lastFailure;
    result.replayPlan = planJson(search.lastFailure.plan);
    const command = replayCommand(scenario.file, result.seed, result.path);
    if (command) result.replayCommand = command;
  } else if (search.lastPlan) {
    result.lastPlan = search.lastPlan;
  }
  result.durationMs = now() - startedAt;
  return result;
}

function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]])) as Pick<T, K>;
}
