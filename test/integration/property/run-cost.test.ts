/**
 * What a run of a search costs: the target is not restarted, and a run does not wait out
 * the runner's settle timeout (1 s) once every connection is closed — with a hundred
 * runs per search, that wait would be the whole cost. The server here acks without
 * Nagle's delay, so the workload is over before a reset's RST went out, which is when
 * the settle wait matters.
 */
import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { PlanRunner } from '../../../src/property/plan-runner.js';
import { bundled } from './helpers.js';

const fastLedger = fileURLToPath(new URL('./fast-ledger.js', import.meta.url));

describe('a run of the search', () => {
  it('ends as soon as the last connection a reset cut is closed', async () => {
    const scenario = { ...(await bundled('ledger')), target: { module: fastLedger, reuse: true } };
    const runner = new PlanRunner(scenario, { seed: 2 });
    try {
      for (const [connection, direction, bytes] of [
        [1, 'upstream', 60],
        [1, 'upstream', 300],
        [1, 'downstream', 4],
        [1, 'downstream', 100],
        [2, 'downstream', 4],
        [2, 'downstream', 200],
      ] as const) {
        const run = await runner.run([{ at: { connection, direction, bytes }, action: 'reset' }]);
        expect(run.verdict?.ok).toBe(true);
        // Generous for a loaded machine, yet well under the 1000 ms settle timeout.
        expect(run.timings.totalMs).toBeLessThan(700);
      }
      expect(runner.pool.starts).toBe(1);
    } finally {
      await runner.stop();
    }
  });
});
