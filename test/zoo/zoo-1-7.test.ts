/**
 * The bug zoo, entries 1–7 (scenarios/zoo/01-… … 07-…): every buggy twin must be caught
 * by the property search, with the anomaly its README names, and every fixed twin must
 * hold over 100 generated plans. The scenario's own `faults:` plan (what `sockfault run`
 * uses) must expose the bug too, and the fixed twin must hold on it.
 *
 * Entry 1 runs a real process (`kill-target` needs one); the others run in-process.
 */
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { checkScenario } from '../../src/property/check-scenario.js';
import type { CheckResult } from '../../src/property/types.js';
import { runScenario } from '../../src/runner/run-scenario.js';
import { liveChildCount } from '../../src/target/child-registry.js';
import { ENTRIES, SEED, anomalyKinds, describeFailure, loadEntry, removeEntry1Log, type ZooEntry } from './helpers-1-7.js';

/** Plans tried by each search; a fixed twin must hold over all of them. */
const RUNS = 100;

beforeEach(removeEntry1Log);
afterAll(async () => {
  await removeEntry1Log();
  // Every target of every run was stopped: no server process is left behind.
  expect(liveChildCount()).toBe(0);
});

/** Expectations on a search of a buggy twin. */
function expectCaught(result: CheckResult, entry: ZooEntry): void {
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('violated');
  expect(result.held).toBe(true);
  expect(result.runs).toBeLessThanOrEqual(RUNS);
  const minimal = result.minimal!;
  expect(anomalyKinds(minimal.verdict)).toContain(entry.anomaly);
  // The shrunk plan stays within the family the scenario's `generate` allows.
  expect(minimal.plan.length).toBeGreaterThanOrEqual(1);
  for (const fault of minimal.plan) expect(entry.family).toContain(fault.action);
}

describe.each(ENTRIES)('zoo $dir', (entry) => {
  it(`buggy: the search finds ${entry.anomaly} (seed ${SEED}, at most ${RUNS} runs)`, async () => {
    const scenario = await loadEntry(entry, 'buggy');
    expect(scenario.expect.verdict).toBe('violated');
    expectCaught(await checkScenario(scenario, { runs: RUNS, seed: SEED }), entry);
  });

  it(`fixed: holds over ${RUNS} generated plans (seed ${SEED})`, async () => {
    const scenario = await loadEntry(entry, 'fixed');
    const result = await checkScenario(scenario, { runs: RUNS, seed: SEED });
    // On failure, Jest prints the received object: the failing plan and what went wrong.
    expect({ status: result.status, held: result.held, runs: result.runs, failure: describeFailure(result) }).toEqual({
      status: 'passed',
      held: true,
      runs: RUNS,
      failure: undefined,
    });
  });

  it('the fixed plan of `sockfault run` exposes the buggy twin, and the fixed twin holds on it', async () => {
    // No seed: the run seed `sockfault run` uses by default.
    const buggy = await loadEntry(entry, 'buggy');
    const found: string[][] = [];
    for (let attempt = 0; attempt < (entry.planAttempts ?? 1) && !found.at(-1)?.includes(entry.anomaly); attempt++) {
      const run = await runScenario(buggy);
      expect(run.status).toBe('completed');
      found.push(anomalyKinds(run.verdict!));
    }
    expect(found.at(-1)).toContain(entry.anomaly);
    const fixed = await runScenario(await loadEntry(entry, 'fixed'));
    expect(fixed.status).toBe('completed');
    expect(fixed.verdict!.anomalies).toEqual([]);
  });
});
