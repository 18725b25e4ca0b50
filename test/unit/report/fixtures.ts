/**
 * Hand-made results for the formatter tests: a run on two connections where a reset at
 * upstream byte 30 of connection 1 loses one acknowledged op and duplicates another.
 */
import type { Anomaly } from '../../../src/checker/types.js';
import type { RunResult } from '../../../src/runner/types.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { reportFromRun } from '../../../src/report/summary.js';
import type { ScenarioReport } from '../../../src/report/types.js';

export const T0 = 1_700_000_000_000;

export const LOST: Anomaly = {
  kind: 'lost',
  id: 'r1-m1-2',
  connection: 1,
  outcome: 'ok',
  observed: 0,
  detail: 'op r1-m1-2 (connection 1) was acknowledged (ok) but the server never kept it',
};

export const DUPLICATED: Anomaly = {
  kind: 'duplicated',
  id: 'r1-m2-1',
  connection: 2,
  outcome: 'ok',
  observed: 2,
  detail: 'op r1-m2-1 (connection 2) was acknowledged (ok) and the server kept it 2 times',
};

export function makeRun(overrides: Partial<RunResult> = {}): RunResult {
  return {
    scenario: 'hand-made',
    file: '/repo/scenarios/hand-made.yaml',
    runId: 'r1',
    seed: 5,
    plan: [{ at: { connection: 1, direction: 'upstream', bytes: 30 }, action: 'reset', side: 'both' }],
    status: 'completed',
    history: [
      { id: 'r1-m1-1', payload: 'a', outcome: 'ok', connection: 1, invokedAt: T0 + 1, completedAt: T0 + 4 },
      { id: 'r1-m1-2', payload: '<b & "c">', outcome: 'ok', connection: 1, invokedAt: T0 + 1.5, completedAt: T0 + 5 },
      { id: 'r1-m2-1', payload: 'd', outcome: 'ok', connection: 2, invokedAt: T0 + 1.8, completedAt: T0 + 9 },
    ],
    observations: [{ id: 'r1-m1-1', payload: 'a' }, { id: 'r1-m2-1', payload: 'd' }, { id: 'r1-m2-1', payload: 'd' }],
    transportLog: [
      { type: 'listen', at: T0, host: '127.0.0.1', port: 4000 },
      { type: 'open', at: T0 + 0.5, connection: 1 },
      { type: 'open', at: T0 + 0.6, connection: 2 },
      { type: 'data', at: T0 + 2, connection: 1, direction: 'upstream', offset: 0, length: 10 },
      { type: 'data', at: T0 + 2.1, connection: 1, direction: 'upstream', offset: 10, length: 12 },
      { type: 'data', at: T0 + 2.2, connection: 2, direction: 'upstream', offset: 0, length: 7 },
      { type: 'data', at: T0 + 2.3, connection: 1, direction: 'upstream', offset: 22, length: 8 },
      {
        type: 'fault',
        at: T0 + 3,
        connection: 1,
        direction: 'upstream',
        action: 'reset',
        offset: 30,
        description: 'reset both sides at 30 bytes upstream on connection 1',
      },
      { type: 'close', at: T0 + 3.1, connection: 1, side: 'client', by: 'proxy', how: 'rst' },
      { type: 'fin', at: T0 + 8, connection: 2, side: 'client', by: 'peer' },
      { type: 'close', at: T0 + 8.5, connection: 2, side: 'server', by: 'peer', how: 'fin' },
    ],
    targetLog: [{ type: 'output', at: T0 + 1, stream: 'stdout', text: 'listening on http://127.0.0.1:4000\n' }],
    verdict: {
      ok: false,
      anomalies: [LOST, DUPLICATED],
      counts: {
        ops: 3, ok: 3, fail: 0, info: 0, observations: 3, observed: 2, recovered: 0,
        lost: 1, duplicated: 1, unexpected: 0, 'failed-but-applied': 0, unanswered: 0, reordered: 0, leaked: 0, 'target-crashed': 0, hung: 0,
      },
    },
    workloadLog: [],
    timings: { startedAt: T0, targetMs: 1, workloadMs: 8, readbackMs: 1, totalMs: 12 },
    ...overrides,
  };
}

export function makeScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'hand-made',
    file: '/repo/scenarios/hand-made.yaml',
    dir: '/repo/scenarios',
    target: { module: './server.js' },
    workload: { type: 'lines' },
    readback: 'builtin',
    expect: { delivery: 'exactly-once', order: 'none', target: 'must-not-crash', verdict: 'holds' },
    faults: [],
    generate: { actions: ['destroy', 'reset'], maxFaults: 2, runs: 100 },
    timeout: 30_000,
    positions: { name: { line: 1, column: 7 }, faults: { line: 9, column: 5 }, generate: { line: 12, column: 3 } },
    ...overrides,
  };
}

/** The report of the hand-made failing run, as `sockfault run` in /repo would build it. */
export function failingReport(overrides: Partial<ScenarioReport> = {}): ScenarioReport {
  return { ...reportFromRun(makeRun(), makeScenario(), { cwd: '/repo' }), ...overrides };
}
