import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';
import type { TargetEvent } from '../../../src/target/types.js';

const reset: TransportEvent = {
  type: 'fault',
  at: 100,
  connection: 2,
  direction: 'upstream',
  action: 'reset',
  offset: 1534,
  description: 'reset both sides at 1534 bytes upstream',
};
const exit = (expected: boolean, extra: Partial<Extract<TargetEvent, { type: 'exit' }>> = {}): TargetEvent => ({
  type: 'exit',
  at: 120,
  code: 1,
  signal: null,
  expected,
  stderrTail: 'Error: read ECONNRESET\n    at TCP.onStreamRead\n',
  ...extra,
});
const run = (targetLog: TargetEvent[], target?: 'may-crash' | 'must-not-crash') =>
  checkHistory({ history: [], observations: [], targetLog, transportLog: [reset], expect: target ? { target } : {} });

describe('checkHistory target-crashed', () => {
  it('reports an exit nobody asked for with the code, the stderr tail and the last fault', () => {
    const verdict = run([{ type: 'start', at: 0, host: '127.0.0.1', port: 1 }, exit(false)]);
    expect(verdict.anomalies).toHaveLength(1);
    const [anomaly] = verdict.anomalies;
    expect(anomaly).toMatchObject({ kind: 'target-crashed', connection: 2, lastFault: { action: 'reset', offset: 1534 } });
    expect(anomaly?.detail).toBe(
      'the target exited unexpectedly with code 1; stderr tail: "Error: read ECONNRESET\\n    at TCP.onStreamRead"; ' +
        'last fault before it (connection 2): reset both sides at 1534 bytes upstream',
    );
  });

  it('names the signal and says when stderr was empty', () => {
    const verdict = run([exit(false, { code: null, signal: 'SIGSEGV', stderrTail: '' })]);
    expect(verdict.anomalies[0]?.detail).toMatch(/^the target exited unexpectedly on signal SIGSEGV; stderr was empty;/);
  });

  it('reports an uncaught exception of a module target', () => {
    const verdict = run([{ type: 'crash', at: 50, error: 'Error: write EPIPE', code: 'EPIPE' }]);
    // The only fault fired at 100, after the crash: it cannot be the cause.
    expect(verdict.anomalies).toEqual([
      {
        kind: 'target-crashed',
        detail: 'the target threw an uncaught exception (EPIPE): "Error: write EPIPE"; no fault had fired',
      },
    ]);
  });

  it('ignores expected exits and everything under target: may-crash', () => {
    expect(run([exit(true), { type: 'kill', at: 3 }, { type: 'restart', at: 4 }]).ok).toBe(true);
    expect(run([exit(false), { type: 'crash', at: 1, error: 'x' }], 'may-crash').ok).toBe(true);
    expect(run([exit(false), { type: 'crash', at: 1, error: 'x' }], 'must-not-crash').counts['target-crashed']).toBe(2);
  });
});

describe('checkHistory hung', () => {
  it('reports one anomaly naming the phase, the time and the last fault of the run', () => {
    const verdict = checkHistory({
      history: [],
      observations: [],
      transportLog: [reset, { type: 'fault', at: 200, action: 'stall', description: 'stall forever on open on any connection' }],
      hung: { phase: 'readback', afterMs: 5000 },
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.anomalies).toEqual([
      expect.objectContaining({
        kind: 'hung',
        detail: 'the readback did not finish within 5000 ms; last fault before it: stall forever on open on any connection',
      }),
    ]);
  });

  it('is absent when the run did not hang', () => {
    expect(checkHistory({ history: [], observations: [] }).counts.hung).toBe(0);
  });
});
