/**
 * A byte-triggered plan gives the same anomalies on every run, whichever run number it
 * gets: op ids travel in the requests, so a run number of another width would move every
 * byte offset to another op (the plan runner numbers runs from RUN_BASE for that).
 *
 * The workload here sends one request at a time (`pipeline: 1`): every ack has arrived
 * before the next request leaves, so what a cut at a byte offset loses is fixed by the
 * bytes alone. With a pipeline window, replies race the next requests and, under CPU
 * load, a few plans change which acks were lost (see the replay `agreed` count).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { faultPlanArbitrary, planSpace } from '../../../src/property/arbitraries.js';
import { calibrate } from '../../../src/property/calibrate.js';
import { PlanRunner, RUN_BASE } from '../../../src/property/plan-runner.js';
import { verdictSignature } from '../../../src/property/replay-text.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { bundled } from './helpers.js';

describe('replaying generated plans of the no-dedup ledger', () => {
  it('gives the same verdict on every run, early or late in a search', async () => {
    const bundledScenario = await bundled('ledger-no-dedup');
    const scenario = { ...bundledScenario, workload: { ...bundledScenario.workload, pipeline: 1 } } as Scenario;
    const seed = 8;
    const early = new PlanRunner(scenario, { seed });
    const late = new PlanRunner(scenario, { seed, firstRun: RUN_BASE + 8_000 });
    try {
      const { calibration } = await calibrate(early);
      const plans = fc.sample(faultPlanArbitrary(planSpace(calibration, scenario.generate)), { seed, numRuns: 8 });
      let failing = 0;
      for (const plan of plans) {
        const signatures = new Set<string>();
        for (const runner of [early, early, late, late]) {
          const run = await runner.run(plan);
          expect(run.status).toBe('completed');
          signatures.add(verdictSignature(run.verdict));
        }
        expect({ plan, signatures: [...signatures] }).toEqual({ plan, signatures: [expect.any(String)] });
        if ([...signatures][0] !== '') failing++;
      }
      expect(failing).toBeGreaterThan(0);
    } finally {
      await early.stop();
      await late.stop();
    }
  });
});
