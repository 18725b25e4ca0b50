/**
 * The search over real loopback runs of the bundled ledgers: the buggy one is caught and
 * shrunk to a plan that fails every time it is replayed; the correct one holds.
 */
import { describe, expect, it } from '@jest/globals';
import { verdictSignature } from '../../../src/property/replay-text.js';
import { checkScenario } from '../../../src/property/check-scenario.js';
import { replayScenario } from '../../../src/property/replay.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { bundled, recorder } from './helpers.js';

describe('checkScenario on the no-dedup ledger', () => {
  it('finds the duplicate within 200 runs, shrinks it to at most 2 faults, and 20 replays agree', async () => {
    const scenario = await bundled('ledger-no-dedup');
    const progress = recorder();
    const result = await checkScenario(scenario, { runs: 200, seed: 42, onProgress: progress.onProgress });

    expect(result).toMatchObject({ status: 'violated', held: true, seed: 42, confirmed: true });
    expect(result.runs).toBeGreaterThanOrEqual(1);
    expect(result.runs).toBeLessThanOrEqual(200);
    const minimal = result.minimal!;
    expect(minimal.plan.length).toBeGreaterThanOrEqual(1);
    expect(minimal.plan.length).toBeLessThanOrEqual(2);
    expect(minimal.verdict.anomalies.map((anomaly) => anomaly.kind)).toContain('duplicated');
    expect(result.firstFailure!.verdict.ok).toBe(false);
    expect(result.replayCommand).toBe(`sockfault replay scenarios/ledger-no-dedup.yaml --seed 42 --path ${result.path}`);
    expect(JSON.parse(result.replayPlan!)).toEqual(minimal.plan);

    // Progress: calibration, one event per run of the search, shrink steps, confirmation.
    expect(progress.events[0]).toMatchObject({ type: 'calibrated', connections: 2 });
    const runs = progress.events.filter((event) => event.type === 'run');
    expect(runs.map((event) => event.run)).toEqual(Array.from({ length: result.runs }, (_, index) => index + 1));
    expect(runs.at(-1)).toMatchObject({ failed: true, runs: 200 });
    expect(progress.events.filter((event) => event.type === 'shrink')).toHaveLength(result.shrinkSteps);
    expect(progress.events.at(-1)).toEqual({ type: 'confirm', agreed: true });

    const replay = await replayScenario(scenario, { plan: minimal.plan, seed: 42, repeat: 20 });
    expect(replay).toMatchObject({ status: 'violated', held: true, agreed: 20 });
    expect(replay.runs).toHaveLength(20);
    for (const run of replay.runs) expect(verdictSignature(run.verdict)).toBe(verdictSignature(minimal.verdict));
  });

  it('replays the counterexample from seed + path alone', async () => {
    const scenario = await bundled('ledger-no-dedup');
    const result = await checkScenario(scenario, { runs: 200, seed: 7 });
    expect(result.status).toBe('violated');

    const replay = await replayScenario(scenario, { seed: 7, path: result.path!, repeat: 3 });
    expect(replay.plan).toEqual(result.minimal!.plan);
    expect(replay).toMatchObject({ status: 'violated', agreed: 3 });
    expect(verdictSignature(replay.runs[0]!.verdict)).toBe(verdictSignature(result.minimal!.verdict));

    // The same path given to the search starts from that counterexample: nothing smaller to find.
    const again = await checkScenario(scenario, { seed: 7, path: result.path! });
    expect(again.minimal!.plan).toEqual(result.minimal!.plan);
    expect(again.runs).toBe(1);
  });

  it('tries the same plans and reaches the same minimal plan for the same seed', async () => {
    // One request at a time: each plan's verdict is then fixed by its bytes (see
    // determinism.test.ts), so the whole search, shrinking included, repeats exactly.
    const bundledScenario = await bundled('ledger-no-dedup');
    const scenario = { ...bundledScenario, workload: { ...bundledScenario.workload, pipeline: 1 } } as Scenario;
    const first = recorder();
    const second = recorder();
    const a = await checkScenario(scenario, { runs: 200, seed: 1234, onProgress: first.onProgress });
    const b = await checkScenario(scenario, { runs: 200, seed: 1234, onProgress: second.onProgress });
    expect(a.status).toBe('violated');
    expect(second.plans).toEqual(first.plans);
    expect(first.plans.length).toBe(a.runs + a.shrinkSteps);
    expect(b.minimal!.plan).toEqual(a.minimal!.plan);
    expect(b.path).toBe(a.path);
  });
});

describe('checkScenario on the correct ledger', () => {
  it('finds nothing in 100 runs on one reused server', async () => {
    const scenario = await bundled('ledger');
    const progress = recorder();
    const result = await checkScenario(scenario, { runs: 100, seed: 99, onProgress: progress.onProgress });
    expect(result).toMatchObject({ status: 'passed', held: true, runs: 100, seed: 99, shrinkSteps: 0 });
    expect(result.minimal).toBeUndefined();
    expect(result.lastPlan).toEqual(progress.plans.at(-1));
    expect(result.runsPerSecond).toBeGreaterThan(0);
    // The same seed draws the same plans, also when nothing fails.
    const again = recorder();
    await checkScenario(scenario, { runs: 10, seed: 99, onProgress: again.onProgress });
    expect(again.plans).toEqual(progress.plans.slice(0, 10));
  });

  it('draws a seed when none is given, and reports it', async () => {
    const scenario = await bundled('ledger');
    const result = await checkScenario({ ...scenario, generate: { ...scenario.generate, seed: undefined } }, { runs: 2 });
    expect(Number.isInteger(result.seed)).toBe(true);
    expect(result.status).toBe('passed');
  });
});
