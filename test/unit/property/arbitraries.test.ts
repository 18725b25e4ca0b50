/**
 * The fault-plan arbitraries: what they generate stays inside the calibration and the
 * scenario's `generate`, every plan validates, and fast-check's shrinking ends on the
 * plan the search prefers (fewer faults, earlier connection, smaller offset, simpler action).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ACTIONS } from '../../../src/faults/registry.js';
import type { FaultInput } from '../../../src/faults/types.js';
import { validateFault } from '../../../src/faults/validate.js';
import { faultPlanArbitrary, planSpace } from '../../../src/property/arbitraries.js';
import type { Calibration } from '../../../src/property/calibrate.js';
import type { Scenario } from '../../../src/scenario/types.js';

const calibration: Calibration = {
  connections: 3,
  bytes: [
    { connection: 1, upstream: 900, downstream: 231 },
    { connection: 2, upstream: 40, downstream: 0 },
    { connection: 3, upstream: 1200, downstream: 77 },
  ],
};

function generate(overrides: Partial<Scenario['generate']> = {}): Scenario['generate'] {
  return { actions: ['destroy', 'reset'], maxFaults: 2, runs: 100, ...overrides };
}

function sample(space: ReturnType<typeof planSpace>, numRuns = 500, seed = 7): FaultInput[][] {
  return fc.sample(faultPlanArbitrary(space), { seed, numRuns });
}

function trafficOf(connection: number, direction: 'upstream' | 'downstream'): number {
  return calibration.bytes.find((entry) => entry.connection === connection)![direction];
}

describe('faultPlanArbitrary', () => {
  it('draws offsets inside the calibrated traffic of the fault connection and direction', () => {
    const offsets = new Map<string, number[]>();
    for (const plan of sample(planSpace(calibration, generate()))) {
      for (const fault of plan) {
        const { connection, direction, bytes } = fault.at as { connection: number; direction: 'upstream' | 'downstream'; bytes: number };
        expect(Number.isInteger(bytes)).toBe(true);
        expect(bytes).toBeGreaterThanOrEqual(0);
        expect(bytes).toBeLessThanOrEqual(trafficOf(connection, direction));
        offsets.set(`${connection}/${direction}`, [...(offsets.get(`${connection}/${direction}`) ?? []), bytes]);
      }
    }
    // The whole traffic is reachable, and a direction without traffic only gets 0.
    const upstream = offsets.get('1/upstream') ?? [];
    expect(Math.min(...upstream)).toBe(0);
    expect(Math.max(...upstream)).toBeGreaterThan(850);
    expect(new Set(offsets.get('2/downstream'))).toEqual(new Set([0]));
  });

  it('hits only the allowed connections, every one of them, with 1 to maxFaults faults', () => {
    const all = sample(planSpace(calibration, generate({ maxFaults: 3 })));
    expect(new Set(all.flatMap((plan) => plan.map((fault) => fault.at?.connection)))).toEqual(new Set([1, 2, 3]));
    expect(new Set(all.map((plan) => plan.length))).toEqual(new Set([1, 2, 3]));
    const listed = sample(planSpace(calibration, generate({ connections: [3, 2] })));
    expect(new Set(listed.flatMap((plan) => plan.map((fault) => fault.at?.connection)))).toEqual(new Set([2, 3]));
  });

  it('generates plans that validate, with parameters inside the given ranges', () => {
    const space = planSpace(
      calibration,
      generate({
        actions: ['refuse', 'kill-target', { action: 'delay', ms: { min: 5, max: 50 }, jitter: 3 }, { action: 'reset', side: ['client', 'server'] }],
        maxFaults: 3,
      }),
    );
    const actions = new Set<string>();
    for (const plan of sample(space)) {
      for (const [index, fault] of plan.entries()) {
        expect(() => validateFault(fault, `plan[${index}]`)).not.toThrow();
        actions.add(fault.action);
        if (ACTIONS[fault.action as 'refuse'].scope === 'listener') expect(Object.keys(fault.at ?? {})).toEqual(['connection']);
        else expect(fault.at).toEqual(expect.objectContaining({ bytes: expect.any(Number) }));
        if (fault.action === 'delay') {
          expect(fault.ms).toBeGreaterThanOrEqual(5);
          expect(fault.ms).toBeLessThanOrEqual(50);
          expect(fault.jitter).toBe(3);
        }
        if (fault.action === 'reset') expect(['client', 'server']).toContain(fault.side);
        if (fault.action === 'kill-target') expect(Object.keys(fault)).toEqual(['at', 'action']);
      }
    }
    expect(actions).toEqual(new Set(['refuse', 'kill-target', 'delay', 'reset']));
  });

  it('shrinks a plan that fails on any reset to one reset, on connection 1, at offset 0', () => {
    const space = planSpace(calibration, generate({ actions: ['reset', 'destroy', 'half-close'], maxFaults: 3 }));
    for (const seed of [1, 2, 3, 4, 5]) {
      const details = fc.check(
        fc.property(faultPlanArbitrary(space), (plan) => !plan.some((fault) => fault.action === 'reset')),
        { seed },
      );
      expect(details.counterexample).toEqual([[{ at: { connection: 1, direction: 'upstream', bytes: 0 }, action: 'reset' }]]);
    }
  });

  it('drops a fault that does not matter, whichever slot the culprit is in', () => {
    const space = planSpace(calibration, generate({ maxFaults: 3 }));
    // Fails when connection 3 is cut upstream at byte 500 or later.
    const culprit = (fault: FaultInput) => fault.at?.connection === 3 && fault.at.direction === 'upstream' && (fault.at.bytes ?? 0) >= 500;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const details = fc.check(fc.property(faultPlanArbitrary(space), (plan) => !plan.some(culprit)), { seed, numRuns: 1000 });
      expect(details.failed).toBe(true);
      expect(details.counterexample).toEqual([[{ at: { connection: 3, direction: 'upstream', bytes: 500 }, action: 'destroy' }]]);
    }
  });

  it('shrinks toward simpler actions in ACTION_NAMES order, whatever order generate lists them in', () => {
    const space = planSpace(calibration, generate({ actions: ['stall', 'half-close', 'reset'], maxFaults: 1 }));
    expect(space.actions.map((choice) => choice.action)).toEqual(['reset', 'half-close', 'stall']);
    // Any plan fails: the minimal one is the simplest action at the earliest place.
    const details = fc.check(fc.property(faultPlanArbitrary(space), () => false), { seed: 3 });
    expect(details.counterexample).toEqual([[{ at: { connection: 1, direction: 'upstream', bytes: 0 }, action: 'reset' }]]);
  });

  it('gives a connection the calibration never saw the widest traffic seen', () => {
    const space = planSpace(calibration, generate({ connections: [5] }));
    const offsets = sample(space).flatMap((plan) => plan.map((fault) => fault.at!.bytes as number));
    expect(Math.max(...offsets)).toBeLessThanOrEqual(1200);
    expect(Math.max(...offsets)).toBeGreaterThan(900);
  });
});
