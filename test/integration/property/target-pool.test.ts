/**
 * One target serves the runs of a search: a module server is started once, a spawned one
 * too, and a target a fault killed is replaced so its kill never counts against a later run.
 */
import { describe, expect, it } from '@jest/globals';
import { RUN_BASE, PlanRunner } from '../../../src/property/plan-runner.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { bundled, SCENARIOS } from './helpers.js';

const reset = [{ at: { connection: 1, direction: 'upstream', bytes: 50 }, action: 'reset' }];

async function runAll(scenario: Scenario, plans: unknown[][]): Promise<{ starts: number; ok: boolean[]; runIds: string[] }> {
  const runner = new PlanRunner(scenario, { seed: 3 });
  try {
    const results = [];
    for (const plan of plans) results.push(await runner.run(plan as never));
    for (const result of results) expect(result.status).toBe('completed');
    return { starts: runner.pool.starts, ok: results.map((result) => result.verdict!.ok), runIds: results.map((result) => result.runId) };
  } finally {
    await runner.stop();
  }
}

describe('TargetPool through PlanRunner', () => {
  it('starts a module target once for many runs, numbered from RUN_BASE + 1', async () => {
    const { starts, ok, runIds } = await runAll(await bundled('ledger'), [[], reset, [], reset]);
    expect(starts).toBe(1);
    expect(ok).toEqual([true, true, true, true]);
    expect(runIds).toEqual([1, 2, 3, 4].map((n) => `r${RUN_BASE + n}`));
  });

  it('starts a fresh module server every run when the scenario says reuse: false', async () => {
    const scenario = await bundled('ledger');
    const { starts } = await runAll({ ...scenario, target: { module: `${SCENARIOS}servers/ledger-server.js`, reuse: false } }, [[], []]);
    expect(starts).toBe(0); // runScenario starts and stops each one itself
  });

  it('replaces a target that kill-target took down, and the next run is clean', async () => {
    const kill = [{ at: { connection: 1, direction: 'upstream', bytes: 50 }, action: 'kill-target' }];
    const { starts, ok } = await runAll(await bundled('ledger'), [[], kill, [], []]);
    expect(starts).toBe(2);
    expect(ok[2]).toBe(true);
    expect(ok[3]).toBe(true);
  });

  it('keeps a spawned command target across runs', async () => {
    const scenario = await bundled('ledger');
    const spawned: Scenario = {
      ...scenario,
      target: { command: [process.execPath, `${SCENARIOS}servers/ledger-server.js`], shell: false, env: {}, cwd: SCENARIOS, ready: 'port', readyTimeout: 10_000, stopGrace: 2000 },
    };
    const { starts, ok } = await runAll(spawned, [[], reset, []]);
    expect(starts).toBe(1);
    expect(ok).toEqual([true, true, true]);
  });
});
