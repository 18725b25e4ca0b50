/** What every zoo test expects of a search, shared by both halves of the zoo. */
import { expect } from '@jest/globals';
import type { AnomalyKind, Verdict } from '../../src/checker/types.js';
import type { ActionName, FaultInput } from '../../src/faults/types.js';
import type { CheckResult } from '../../src/property/types.js';

/** Plans tried by each search; a fixed twin must hold over all of them. */
export const RUNS = 100;

/** What a buggy twin must show: its anomaly, found with faults of its family only. */
export interface Caught {
  anomaly: AnomalyKind;
  family: readonly ActionName[];
  /** A `side` every generated fault must have (entry 12 cuts the client's leg only). */
  side?: 'client' | 'server';
}

/** The distinct anomaly kinds of a verdict. */
export function anomalyKinds(verdict: Verdict): AnomalyKind[] {
  return [...new Set(verdict.anomalies.map((anomaly) => anomaly.kind))];
}

/** The search of a buggy twin found its anomaly, shrank within the family, and the re-run agreed. */
export function expectCaught(result: CheckResult, entry: Caught): void {
  expect(result.error).toBeUndefined();
  expect(result.status).toBe('violated');
  expect(result.held).toBe(true);
  expect(result.runs).toBeLessThanOrEqual(RUNS);
  const minimal = result.minimal!;
  expect(anomalyKinds(minimal.verdict)).toContain(entry.anomaly);
  expect(result.confirmed).toBe(true);
  expect(minimal.plan.length).toBeGreaterThanOrEqual(1);
  for (const fault of minimal.plan) {
    expect(entry.family).toContain(fault.action);
    if (entry.side) expect(fault.side).toBe(entry.side);
  }
}

/** The plan that broke a run, what the checker said, and what the client saw. */
function describeFailure(result: CheckResult): { plan: FaultInput[]; anomalies: string[]; history: string[]; error?: unknown } | undefined {
  const failing = result.minimal ?? result.firstFailure;
  if (failing === undefined) return result.error === undefined ? undefined : { plan: [], anomalies: [], history: [], error: result.error };
  return {
    plan: failing.plan,
    anomalies: failing.verdict.anomalies.map((anomaly) => `${anomaly.kind}: ${anomaly.detail}`),
    history: failing.run.history.map((op) => `${op.id} ${op.outcome}${op.error === undefined ? '' : ` (${op.error})`}`),
  };
}

/** The search of a fixed twin held over every plan; on failure Jest prints the failing plan and why. */
export function expectHeld(result: CheckResult): void {
  expect({ status: result.status, held: result.held, runs: result.runs, failure: describeFailure(result) }).toEqual({
    status: 'passed',
    held: true,
    runs: RUNS,
    failure: undefined,
  });
}
