/**
 * Properties of `reordered`: the server keeps ops in invocation order (which satisfies
 * both orders), then k disjoint swaps are injected; each must be reported exactly once,
 * on the later op, naming the earlier one — and only where the order asks for it.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkHistory } from '../../../src/checker/index.js';
import type { OpRecord, Outcome } from '../../../src/history/types.js';
import type { Delivery } from '../../../src/scenario/types.js';

const opsArb = fc.array(
  fc.record({
    outcome: fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'fail', 'info'),
    connection: fc.integer({ min: 1, max: 3 }),
    gap: fc.integer({ min: 0, max: 5 }), // 0: invoked at the same instant as the previous op
    duration: fc.integer({ min: 0, max: 20 }),
  }),
  { minLength: 2, maxLength: 40 },
);
const swapsArb = fc.array(fc.nat(), { maxLength: 6 });

type OpSpec = { outcome: Outcome; connection: number; gap: number; duration: number };

function build(specs: OpSpec[]): { history: OpRecord[]; kept: OpRecord[] } {
  let at = 0;
  const history = specs.map((spec, i): OpRecord => {
    at += spec.gap;
    return { id: `m${i}`, outcome: spec.outcome, connection: spec.connection, invokedAt: at, completedAt: at + spec.duration };
  });
  // The ok ops are kept in order; `info` ops (which no order constrains) are kept after
  // them, since at-least-once requires them; `fail` ops are not kept.
  return { history, kept: history.filter((op) => op.outcome === 'ok') };
}

/** Swaps disjoint pairs of positions in `kept`; `candidates` lists pairs [i, j] with i < j. */
function swap(kept: OpRecord[], candidates: [number, number][], picks: number[]): [OpRecord, OpRecord][] {
  const used = new Set<number>();
  const swapped: [OpRecord, OpRecord][] = [];
  for (const pick of candidates.length === 0 ? [] : picks) {
    const [i, j] = candidates[pick % candidates.length] as [number, number];
    if (used.has(i) || used.has(j)) continue;
    used.add(i).add(j);
    const earlier = kept[i] as OpRecord;
    const later = kept[j] as OpRecord;
    kept[i] = later;
    kept[j] = earlier;
    swapped.push([earlier, later]);
  }
  return swapped;
}

const reported = (history: OpRecord[], kept: OpRecord[], order: 'per-connection' | 'total' | 'none', delivery: Delivery) =>
  checkHistory({
    history,
    observations: [...kept, ...history.filter((op) => op.outcome === 'info')].map((op) => ({ id: op.id })),
    expect: { order, delivery },
  })
    .anomalies.map((a) => `${a.kind}:${a.before}<${a.id}`)
    .sort();

describe('checkHistory reordered properties', () => {
  for (const delivery of ['exactly-once', 'at-least-once', 'at-most-once'] as Delivery[]) {
    it(`per-connection: each swap of neighbours on one connection is reported once (${delivery})`, () => {
      fc.assert(
        fc.property(opsArb, swapsArb, (specs, picks) => {
          const { history, kept } = build(specs);
          // Neighbours on one connection: consecutive ok ops of that connection.
          const last = new Map<number, number>();
          const candidates: [number, number][] = [];
          kept.forEach((op, index) => {
            const previous = last.get(op.connection as number);
            if (previous !== undefined) candidates.push([previous, index]);
            last.set(op.connection as number, index);
          });
          const swapped = swap(kept, candidates, picks);
          const expected = swapped.map(([earlier, later]) => `reordered:${earlier.id}<${later.id}`).sort();
          expect(reported(history, kept, 'per-connection', delivery)).toEqual(expected);
          expect(reported(history, kept, 'none', delivery)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });

    it(`total: each swap of neighbours is reported once iff they did not overlap (${delivery})`, () => {
      fc.assert(
        fc.property(opsArb, swapsArb, (specs, picks) => {
          const { history, kept } = build(specs);
          const candidates = kept.slice(1).map((_, i): [number, number] => [i, i + 1]);
          const swapped = swap(kept, candidates, picks);
          const expected = swapped
            .filter(([earlier, later]) => (earlier.completedAt as number) < later.invokedAt)
            .map(([earlier, later]) => `reordered:${earlier.id}<${later.id}`)
            .sort();
          expect(reported(history, kept, 'total', delivery)).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  }
});
