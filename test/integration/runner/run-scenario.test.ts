import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../../src/runner/run-scenario.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { parseScenario } from '../../../src/scenario/load.js';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

describe('runScenario', () => {
  it('the correct ledger keeps every acknowledged entry exactly once through a reset', async () => {
    const scenario = await loadScenario(`${scenarios}ledger.yaml`);
    const result = await runScenario(scenario, { seed: 3, run: 4 });
    expect(result.status).toBe('completed');
    expect(result.runId).toBe('r4');
    expect(result.history).toHaveLength(40);
    expect(result.history.every((op) => op.id.startsWith('r4-'))).toBe(true);
    expect(result.history.every((op) => op.outcome === 'ok')).toBe(true);
    // What the client saw (acks) and what the server kept agree.
    expect(new Set(result.observations!.map((entry) => entry.id))).toEqual(new Set(result.history.map((op) => op.id)));
    expect(result.observations).toHaveLength(40);
    // The planned fault fired at its offset, and the client reconnected (connection 3 exists).
    expect(result.transportLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'fault', action: 'reset', connection: 1, offset: 100 }),
        expect.objectContaining({ type: 'open', connection: 3 }),
      ]),
    );
    expect(result.verdict).toMatchObject({ ok: true, anomalies: [] });
  });

  it('the no-dedup ledger duplicates the entries whose ack was lost', async () => {
    const scenario = await loadScenario(`${scenarios}ledger-no-dedup.yaml`);
    const result = await runScenario(scenario, { seed: 1 });
    expect(result.status).toBe('completed');
    const duplicated = result.verdict!.anomalies.filter((anomaly) => anomaly.kind === 'duplicated');
    expect(duplicated.length).toBeGreaterThan(0);
    for (const anomaly of duplicated) {
      expect(result.observations!.filter((entry) => entry.id === anomaly.id)).toHaveLength(2);
      expect(anomaly.lastFault).toMatchObject({ action: 'reset', connection: 1 });
    }
  });

  it('the same plan and seed give the same history outcomes and verdict', async () => {
    const scenario = await loadScenario(`${scenarios}ledger-no-dedup.yaml`);
    const summary = async () => {
      const result = await runScenario(scenario, { seed: 9 });
      return {
        outcomes: result.history.map((op) => [op.id, op.outcome, op.payload]),
        anomalies: result.verdict!.anomalies.map((anomaly) => [anomaly.kind, anomaly.id]),
      };
    };
    expect(await summary()).toEqual(await summary());
  });

  it('a target that cannot start is an errored run with the code, not an exception', async () => {
    const scenario = await parseScenario(
      'name: broken\ntarget: { module: ./does-not-exist.js }\nworkload: { type: lines }\n',
      { file: `${scenarios}broken.yaml`, format: 'yaml' },
    );
    const result = await runScenario(scenario);
    expect(result.status).toBe('errored');
    expect(result.error?.code).toBe('ERR_TARGET_START');
    expect(result.verdict).toBeUndefined();
  });

  it('a workload that outlives the timeout is reported as hung and torn down', async () => {
    const scenario = await parseScenario(
      [
        'name: stalled',
        'target: { module: ./servers/ledger-server.js }',
        'workload: { type: lines, messages: 3, ackTimeout: 60000 }',
        'timeout: 300',
        'faults:',
        '  - { at: { connection: 1, direction: upstream, bytes: 5 }, action: stall }',
      ].join('\n'),
      { file: `${scenarios}stalled.yaml`, format: 'yaml' },
    );
    const result = await runScenario(scenario);
    expect(result.status).toBe('completed');
    expect(result.hung).toEqual({ phase: 'workload', afterMs: 300 });
    expect(result.verdict!.anomalies.map((anomaly) => anomaly.kind)).toContain('hung');
  });
});
