/**
 * The Jest helper's body (`runFaultTest`, what `faultTest` registers): it passes on the
 * correct ledger and fails on the buggy one with the anomalies, the minimal plan in words
 * and the replay command in the message.
 */
import { describe, expect, it } from '@jest/globals';
import { faultTestName, loadFaultTestScenario, runFaultTest } from '../../../src/jest/index.js';
import { SCENARIOS } from './helpers.js';

describe('runFaultTest', () => {
  it('passes on the correct ledger', async () => {
    const result = await runFaultTest(`${SCENARIOS}ledger.yaml`, { runs: 20, seed: 3 });
    expect(result).toMatchObject({ status: 'passed', held: true, runs: 20, seed: 3 });
  });

  it('fails on the buggy ledger with the anomalies, the minimal plan and the replay command', async () => {
    let message = '';
    try {
      await runFaultTest(`${SCENARIOS}ledger-no-dedup.yaml`, { seed: 42, expectViolation: false });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^sockfault: ledger-no-dedup: anomalies found after \d+ runs? \(seed=42, path=[\d:]+\)/);
    expect(message).toMatch(/Minimal plan \(\d+ shrink steps?, confirmed by a re-run\):\n {2}(destroy|reset) both sides at [\d,]+ bytes? (up|down)stream on connection \d/);
    expect(message).toMatch(/ {2}- duplicated: .*r\d+-m\d+-\d+/);
    expect(message).toMatch(/sockfault replay scenarios\/ledger-no-dedup\.yaml --seed 42 --path [\d:]+\n/);
    expect(message).toMatch(/--seed 42 --plan plan\.json\n {2}plan\.json: \[\{"at":\{"connection":\d/);
  });

  it('passes on the buggy ledger when the scenario expects the violation, and fails when it finds none', async () => {
    await expect(runFaultTest(`${SCENARIOS}ledger-no-dedup.yaml`, { seed: 42 })).resolves.toMatchObject({ status: 'violated', held: true });
    await expect(runFaultTest(`${SCENARIOS}ledger.yaml`, { runs: 3, seed: 3, expectViolation: true })).rejects.toThrow(
      'sockfault: ledger: expected the search to find a violation, but 3 runs held (seed=3)',
    );
  });

  it('reports a scenario the harness cannot run', async () => {
    const scenario = { name: 'broken', target: { module: './no-such-server.js' }, workload: { type: 'lines' as const } };
    await expect(runFaultTest(scenario, { runs: 1, seed: 1 })).rejects.toThrow(/broken: the harness could not run the scenario \(seed=1\): ERR_TARGET_START/);
  });
});

describe('faultTest helpers', () => {
  it('names the test with its seed, as @fast-check/jest does', () => {
    expect(faultTestName('ledger holds', 123)).toBe('ledger holds (with seed=123)');
  });

  it('loads a scenario from a path, a file URL, an input object or a loaded scenario', async () => {
    const fromPath = await loadFaultTestScenario(`${SCENARIOS}ledger.yaml`);
    const fromUrl = await loadFaultTestScenario(new URL('../../../scenarios/ledger.yaml', import.meta.url));
    expect(fromUrl).toEqual(fromPath);
    expect(await loadFaultTestScenario(fromPath)).toBe(fromPath);
    const inline = await loadFaultTestScenario({ name: 'inline', target: { module: `${SCENARIOS}servers/ledger-server.js` }, workload: { type: 'lines' } });
    expect(inline.generate).toEqual({ actions: ['destroy', 'reset'], maxFaults: 2, runs: 100 });
    await expect(loadFaultTestScenario({ name: 'bad' } as never)).rejects.toMatchObject({ code: 'ERR_SCENARIO_INVALID' });
  });
});
