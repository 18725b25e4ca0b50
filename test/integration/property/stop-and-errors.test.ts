/** A search that is cancelled, or cannot run, says so in its result and leaves nothing behind. */
import { describe, expect, it } from '@jest/globals';
import { checkScenario } from '../../../src/property/check-scenario.js';
import { replayScenario } from '../../../src/property/replay.js';
import { parseScenario } from '../../../src/scenario/load.js';
import { bundled, SCENARIOS } from './helpers.js';

describe('cancelling a search', () => {
  it('stops after the current run and reports what ran so far', async () => {
    const scenario = await bundled('ledger');
    const controller = new AbortController();
    const result = await checkScenario(scenario, {
      runs: 10_000,
      seed: 5,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'run' && event.run === 3) controller.abort();
      },
    });
    expect(result).toMatchObject({ status: 'passed', interrupted: true, runs: 3 });
    expect(result.minimal).toBeUndefined();
  });

  it('stops a shrink half way and keeps the smallest failure so far, unconfirmed', async () => {
    const scenario = await bundled('ledger-no-dedup');
    const controller = new AbortController();
    const result = await checkScenario(scenario, {
      seed: 42,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'shrink' && event.step === 1) controller.abort();
      },
    });
    expect(result).toMatchObject({ status: 'violated', interrupted: true, shrinkSteps: 1 });
    expect(result.confirmed).toBeUndefined();
    expect(result.minimal!.verdict.ok).toBe(false);
  });

  it('an already aborted replay runs nothing', async () => {
    const scenario = await bundled('ledger');
    const result = await replayScenario(scenario, { plan: [], repeat: 5, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ interrupted: true, runs: [] });
  });
});

describe('a scenario the harness cannot run', () => {
  const broken = () =>
    parseScenario('name: broken\ntarget: { module: ./servers/missing.js }\nworkload: { type: lines }\n', {
      file: `${SCENARIOS}broken.yaml`,
    });

  it('is an errored search with the error, not an exception', async () => {
    const result = await checkScenario(broken(), { runs: 5, seed: 1 });
    expect(result).toMatchObject({ status: 'errored', held: false, runs: 0 });
    expect(result.error?.code).toBe('ERR_TARGET_START');
  });

  it('is an errored replay', async () => {
    const result = await replayScenario(broken(), { plan: [{ action: 'reset' }], seed: 1 });
    expect(result).toMatchObject({ status: 'errored', held: false, runs: [] });
    expect(result.error?.code).toBe('ERR_TARGET_START');
  });

  it('rejects bad options up front', async () => {
    const scenario = await bundled('ledger');
    await expect(checkScenario(scenario, { runs: 0 })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(checkScenario(scenario, { path: 'a:b' })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(replayScenario(scenario, {})).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(replayScenario(scenario, { path: '0' })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(replayScenario(scenario, { plan: [{ action: 'explode' }] })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});

describe('a scenario that fails without any fault', () => {
  it('reports the empty plan as the minimal one, from the calibration run', async () => {
    // Every entry is acknowledged twice over: the no-dedup ledger keeps resends, and a
    // workload whose acks never match times out and resends everything.
    const scenario = parseScenario(
      [
        'name: fails-alone',
        'target: { module: ./servers/ledger-no-dedup.js }',
        'workload: { type: lines, messages: 2, ack: "NOPE {id}", ackTimeout: 50, retry: resend-unacked, maxReconnects: 1 }',
      ].join('\n'),
      { file: `${SCENARIOS}fails-alone.yaml` },
    );
    const result = await checkScenario(scenario, { runs: 5, seed: 1 });
    expect(result).toMatchObject({ status: 'violated', runs: 0, confirmed: true, replayPlan: '[]' });
    expect(result.minimal!.plan).toEqual([]);
    expect(result.replayCommand).toBeUndefined(); // no fast-check path: replay it with --plan
  });
});
