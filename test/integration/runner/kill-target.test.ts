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

describe('a target fault at a byte offset', () => {
  it('holds the connection until the kill landed: the server only ever saw the requests before the offset', async () => {
    // "PUT r1-m1-1 abcd\n" is 17 bytes: the kill fires after the third request, while the
    // client has all six in flight. At most three can be acknowledged, however fast the server is.
    const scenario = parseScenario(
      [
        'name: kill-after-three-acks',
        'target: { command: [node, ./servers/ledger-server.js], ready: { log: listening } }',
        'workload: { type: lines, messages: 6, pipeline: 6, payload: 4, retry: none }',
        'faults:',
        '  - { at: { connection: 1, direction: upstream, bytes: 51 }, action: kill-target }',
      ].join('\n'),
      { file: `${scenarios}kill-after-three-acks.yaml`, format: 'yaml' },
    );
    for (let run = 1; run <= 3; run++) {
      const result = await runScenario(scenario, { seed: 2, run: 1 });
      expect(result.status).toBe('completed');
      expect(result.transportLog).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'fault', action: 'kill-target', offset: 51 })]));
      // How many of the three the server answered before the SIGKILL landed is a race (a
      // process killed with unread bytes resets its connection); more than three never.
      const acked = result.history.filter((op) => op.outcome === 'ok').map((op) => op.id);
      expect(['r1-m1-1', 'r1-m1-2', 'r1-m1-3'].slice(0, acked.length)).toEqual(acked);
    }
  });
});
