import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../../src/runner/run-scenario.js';
import { parseScenario } from '../../../src/scenario/load.js';

const zoo = fileURLToPath(new URL('../../../scenarios/zoo/09-no-error-listener/', import.meta.url));

describe('a target that a fault crashes', () => {
  it('is target-crashed even when it dies just as readback asks it, never a harness error', async () => {
    const scenario = parseScenario(
      [
        'name: crash-on-reset',
        'target: { command: [node, ./buggy-server.js] }',
        'workload: { type: lines, messages: 5 }',
        'faults:',
        '  - { at: { connection: 1, direction: downstream, bytes: 0 }, action: reset }',
      ].join('\n'),
      { file: `${zoo}crash-on-reset.yaml`, format: 'yaml' },
    );
    for (let run = 1; run <= 4; run++) {
      const result = await runScenario(scenario, { seed: 814, run });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe('completed');
      expect(result.verdict!.anomalies.map((anomaly) => anomaly.kind)).toContain('target-crashed');
    }
  });
});
