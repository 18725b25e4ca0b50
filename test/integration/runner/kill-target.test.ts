import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../../src/runner/run-scenario.js';
import { parseScenario } from '../../../src/scenario/load.js';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

describe('kill-target in a run', () => {
  it('readback waits for the restart a kill started, and asks that server (no second target)', async () => {
    const scenario = parseScenario(
      [
        'name: kill-at-the-end',
        'target: { command: [node, ./servers/ledger-server.js], ready: { log: listening } }',
        'workload: { type: lines, messages: 10, pipeline: 5, retry: resend-unacked }',
        'faults:',
        // The last ack: the kill lands while the workload is finishing, the restart after it.
        '  - { at: { connection: 1, direction: downstream, bytes: 110 }, action: kill-target, restartAfterMs: 50 }',
      ].join('\n'),
      { file: `${scenarios}kill-at-the-end.yaml`, format: 'yaml' },
    );
    for (let i = 0; i < 3; i++) {
      const result = await runScenario(scenario, { seed: 1, run: i + 1 });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe('completed');
      const lifecycle = result.targetLog.filter((event) => ['start', 'kill', 'exit', 'restart'].includes(event.type)).map((event) => event.type);
      // One process killed and restarted on its port, then stopped: never a third process.
      expect(lifecycle).toEqual(['start', 'kill', 'exit', 'restart', 'start', 'exit']);
      // The server kept nothing across the kill (memory only): what it acked is lost, and said so.
      expect(result.observations).toBeDefined();
    }
  });
});
