/**
 * Fault-plan arbitraries, built from the calibration and the scenario's `generate`.
 * fast-check's shrinkers give the order a minimal plan is preferred in:
 *
 *   plan = maxFaults slots, each a fault or nothing (fc.option), at least one fault;
 *          shrinking first tries every plan with one fault less, then shrinks the faults
 *   fault = record {                  fields shrink in key order:
 *     connection  index into the allowed connections, toward the first (earliest)
 *     position    toward 0: the byte offset, scaled into the connection's traffic
 *     direction   toward upstream
 *     action      fc.constantFrom in ACTION_NAMES order: destroy, reset, then the rest
 *   }
 *
 * Not `fc.array`: its shrinker only drops faults from the front (keeping the last ones),
 * so a plan whose first fault is the culprit never loses its second. The offset is a
 * scaled position rather than an integer chained on the connection so that every field
 * keeps shrinking on its own (fc.chain stops shrinking its source once the chained value
 * shrank, and redraws the offset at random when the connection shrinks).
 */
import fc from 'fast-check';
import { ACTIONS } from '../faults/registry.js';
import { ACTION_NAMES, type ActionName, type Direction, type FaultInput, type ParamSpec } from '../faults/types.js';
import { validateFault } from '../faults/validate.js';
import type { GenerateActionInput, Scenario } from '../scenario/types.js';
import { calibratedBytes, type Calibration } from './calibrate.js';

/** One allowed action and how its parameters are drawn. */
export interface ActionChoice {
  action: ActionName;
  /** Parameters with a range; absent ones keep the action's defaults. */
  params: Record<string, fc.Arbitrary<unknown>>;
}

/** Everything a fault is drawn from. */
export interface PlanSpace {
  /** Connections faults may hit, ascending. */
  connections: number[];
  /** Allowed actions, simplest first (ACTION_NAMES order). */
  actions: ActionChoice[];
  maxFaults: number;
  calibration: Calibration;
}

const DIRECTIONS: readonly Direction[] = ['upstream', 'downstream'];

/** The plan space of a scenario's `generate` over a calibration. */
export function planSpace(calibration: Calibration, generate: Scenario['generate']): PlanSpace {
  const listed = generate.connections ?? Array.from({ length: calibration.connections }, (_, index) => index + 1);
  const connections = [...new Set(listed)].sort((a, b) => a - b);
  const actions = generate.actions
    .map(toChoice)
    .map((choice, index) => ({ choice, index }))
    .sort((a, b) => rank(a.choice.action) - rank(b.choice.action) || a.index - b.index)
    .map(({ choice }) => choice);
  // A workload that opened no connection still has a first one to refuse or cut.
  return { connections: connections.length > 0 ? connections : [1], actions, maxFaults: generate.maxFaults, calibration };
}

/** One fault: a pair or target action at a byte offset inside the calibrated traffic, or a refusal. */
export function faultArbitrary(space: PlanSpace): fc.Arbitrary<FaultInput> {
  const widest = Math.max(0, ...space.connections.flatMap((c) => DIRECTIONS.map((d) => calibratedBytes(space.calibration, c, d))));
  return fc
    .record({
      connection: fc.integer({ min: 0, max: space.connections.length - 1 }),
      position: fc.integer({ min: 0, max: widest }),
      direction: fc.constantFrom(...DIRECTIONS),
      action: actionArbitrary(space.actions),
    })
    .map(({ connection: index, position, direction, action }) => {
      const connection = space.connections[index] as number;
      const { action: name, ...params } = action;
      if (ACTIONS[name].scope === 'listener') return checked({ at: { connection }, action: name, ...params });
      const bytes = Math.floor((position * (calibratedBytes(space.calibration, connection, direction) + 1)) / (widest + 1));
      return checked({ at: { connection, direction, bytes }, action: name, ...params });
    });
}

/** A fault plan: one to `maxFaults` faults. */
export function faultPlanArbitrary(space: PlanSpace): fc.Arbitrary<FaultInput[]> {
  // Half of the slots hold a fault on average: plans of every size up to maxFaults are common.
  const slot = fc.option(faultArbitrary(space), { nil: null, freq: 2 });
  const slots = fc.tuple(...Array.from({ length: space.maxFaults }, () => slot)).filter((value) => present(value) > 0);
  return new PlanArbitrary(slots);
}

type Slots = (FaultInput | null)[];

function present(slots: Slots): number {
  return slots.reduce((count, fault) => count + (fault === null ? 0 : 1), 0);
}

function compact(slots: Slots): FaultInput[] {
  return slots.filter((fault): fault is FaultInput => fault !== null);
}

/**
 * The plan as the faults of its slots. Shrinking walks the slots' own shrink tree (the
 * slots' Value is the context) but tries the candidates with fewer faults first.
 */
class PlanArbitrary extends fc.Arbitrary<FaultInput[]> {
  constructor(private readonly slots: fc.Arbitrary<Slots>) {
    super();
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<FaultInput[]> {
    const inner = this.slots.generate(random, biasFactor);
    return new fc.Value(compact(inner.value), inner);
  }

  canShrinkWithoutContext(_value: unknown): _value is FaultInput[] {
    return false;
  }

  shrink(value: FaultInput[], context: unknown): fc.Stream<fc.Value<FaultInput[]>> {
    if (!(context instanceof fc.Value)) return fc.Stream.nil();
    const inner = context as fc.Value<Slots>;
    const count = present(inner.value);
    const candidates = (): fc.Stream<fc.Value<Slots>> => this.slots.shrink(inner.value, inner.context);
    return candidates()
      .filter((candidate) => present(candidate.value) < count)
      .join(candidates().filter((candidate) => present(candidate.value) >= count))
      .map((candidate) => new fc.Value(compact(candidate.value), candidate));
  }
}

function actionArbitrary(choices: readonly ActionChoice[]): fc.Arbitrary<{ action: ActionName } & Record<string, unknown>> {
  // Chained only when some action has ranges: constantFrom alone shrinks toward the first choice.
  const pick = fc.constantFrom(...choices);
  if (choices.every((choice) => Object.keys(choice.params).length === 0)) return pick.map((choice) => ({ action: choice.action }));
  return pick.chain((choice) => fc.record(choice.params).map((params) => ({ ...params, action: choice.action })));
}

function toChoice(input: GenerateActionInput): ActionChoice {
  if (typeof input === 'string') return { action: input, params: {} };
  const { action, ...ranges } = input;
  const specs: Readonly<Record<string, ParamSpec>> = ACTIONS[action].params;
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, range] of Object.entries(ranges)) {
    const spec = specs[name];
    if (spec !== undefined && range !== undefined) params[name] = rangeArbitrary(spec, range);
  }
  return { action, params };
}

/** A value, a list of values (toward the first), or `{ min, max }` (toward min). */
function rangeArbitrary(spec: ParamSpec, range: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(range)) return fc.constantFrom(...(range as unknown[]));
  if (typeof range === 'object' && range !== null) {
    const { min, max } = range as { min: number; max: number };
    return spec.kind === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  }
  return fc.constant(range);
}

function rank(action: ActionName): number {
  return ACTION_NAMES.indexOf(action);
}

/** Generated faults go through the same validation as written ones: a bad range is a bug here. */
function checked(fault: FaultInput): FaultInput {
  validateFault(fault, 'generated fault');
  return fault;
}
