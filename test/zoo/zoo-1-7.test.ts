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
import { runScenario } from '../../src/runner/run-scenario.js';
import { liveChildCount } from '../../src/target/child-registry.js';
import { RUNS, anomalyKinds, expectCaught, expectHeld } from './expectations.js';
import { ENTRIES, SEED, loadEntry, removeEntry1Log } from './helpers-1-7.js';


beforeEach(removeEntry1Log);
afterAll(async () => {
  await removeEntry1Log();
  // Every target of every run was stopped: no server process is left behind.
  expect(liveChildCount()).toBe(0);
});


describe.each(ENTRIES)('zoo $dir', (entry) => {
  it(`buggy: the search finds ${entry.anomaly} (seed ${SEED}, at most ${RUNS} runs)`, async () => {
    const scenario = await loadEntry(entry, 'buggy');
    expect(scenario.expect.verdict).toBe('violated');
    expectCaught(await checkScenario(scenario, { runs: RUNS, seed: SEED }), entry);
  });

  it(`fixed: holds over ${RUNS} generated plans (seed ${SEED})`, async () => {
    const scenario = await loadEntry(entry, 'fixed');
    expectHeld(await checkScenario(scenario, { runs: RUNS, seed: SEED }));
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
