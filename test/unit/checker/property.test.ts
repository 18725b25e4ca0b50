/**
 * Properties: build a random history that holds, with observations consistent with it,
 * inject k anomalies of known kinds, and check that the checker reports exactly those.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkHistory } from '../../../src/checker/index.js';
import type { Observation, OpRecord, Outcome } from '../../../src/history/types.js';
import type { TargetEvent } from '../../../src/target/types.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';
import type { Delivery } from '../../../src/scenario/types.js';

const DELIVERIES: Delivery[] = ['exactly-once', 'at-least-once', 'at-most-once'];

/** A deterministic shuffle (the seed comes from fast-check, so failures replay). */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const opArb = fc.record({
  outcome: fc.constantFrom<Outcome>('ok', 'ok', 'info', 'fail'),
  connection: fc.integer({ min: 1, max: 3 }),
  payload: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
  extra: fc.integer({ min: 0, max: 2 }), // extra copies where duplicates are fine, or whether an info op was kept
});

type Kind = 'lost' | 'duplicated' | 'failed-but-applied' | 'unexpected';

/** The kinds that can be injected on one op without causing any other anomaly. */
function applicable(delivery: Delivery, op: OpRecord): Kind[] {
  if (op.outcome === 'fail') return ['failed-but-applied'];
  const kinds: Kind[] = [];
  if (op.outcome === 'ok' || delivery === 'at-least-once') kinds.push('lost');
  if (delivery !== 'at-least-once') kinds.push('duplicated');
  if (op.payload !== undefined) kinds.push('unexpected');
  return kinds;
}

describe('checkHistory properties', () => {
  for (const delivery of DELIVERIES) {
    it(`reports exactly the injected anomalies (${delivery})`, () => {
      fc.assert(
        fc.property(
          fc.array(opArb, { maxLength: 40 }),
          fc.array(fc.record({ target: fc.nat(), pick: fc.nat() }), { maxLength: 6 }),
          fc.record({
            neverInvoked: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
            crash: fc.boolean(),
            mayCrash: fc.boolean(),
            hung: fc.boolean(),
            leaks: fc.integer({ min: 0, max: 2 }),
          }),
          fc.integer(),
          (specs, injections, run, seed) => {
            const history: OpRecord[] = specs.map((spec, i) => ({
              id: `r1-m${i}`,
              outcome: spec.outcome,
              connection: spec.connection,
              invokedAt: i * 10,
              completedAt: i * 10 + 5,
              ...(spec.payload === undefined ? {} : { payload: spec.payload }),
            }));
            // Copies the server keeps for each op in a run that holds.
            const copies = specs.map((spec) => {
              if (spec.outcome === 'fail') return 0;
              if (delivery === 'at-least-once') return 1 + spec.extra;
              return spec.outcome === 'ok' ? 1 : spec.extra % 2;
            });
            const corrupted = new Set<number>();
            const expected: string[] = [];
            const used = new Set<number>();
            for (const { target, pick } of history.length === 0 ? [] : injections) {
              const index = target % history.length;
              if (used.has(index)) continue;
              used.add(index);
              const op = history[index] as OpRecord;
              const kinds = applicable(delivery, op);
              const kind = kinds[pick % kinds.length] as Kind;
              if (kind === 'lost') copies[index] = 0;
              if (kind === 'duplicated') copies[index] = 2;
              if (kind === 'failed-but-applied') copies[index] = 1;
              if (kind === 'unexpected') {
                copies[index] = Math.max(1, copies[index] as number);
                corrupted.add(index);
              }
              expected.push(`${kind}:${op.id}`);
            }
            const observations: Observation[] = [];
            history.forEach((op, i) => {
              for (let c = 0; c < (copies[i] as number); c++) {
                const payload = corrupted.has(i) && c === 0 ? `${op.payload}!` : op.payload;
                observations.push(payload === undefined ? { id: op.id } : { id: op.id, payload });
              }
            });
            run.neverInvoked.forEach((n, j) => {
              for (let c = 0; c < n; c++) observations.push({ id: `r0-x${j}` });
              expected.push(`unexpected:r0-x${j}`);
            });
            const targetLog: TargetEvent[] = [{ type: 'exit', at: 1, code: 0, signal: null, expected: true, stderrTail: '' }];
            if (run.crash) targetLog.push({ type: 'exit', at: 2, code: 1, signal: null, expected: false, stderrTail: 'x' });
            if (run.crash && !run.mayCrash) expected.push('target-crashed:');
            if (run.hung) expected.push('hung:');
            const transportLog: TransportEvent[] = [
              { type: 'close', at: 0, connection: 1, side: 'client', by: 'peer', how: 'fin' },
              { type: 'fin', at: 50, connection: 1, side: 'server', by: 'peer' },
            ];
            for (let j = 0; j < run.leaks; j++) {
              transportLog.push({ type: 'close', at: 0, connection: 100 + j, side: 'client', by: 'peer', how: 'fin' });
              expected.push('leaked:');
            }

            const verdict = checkHistory({
              history,
              observations: shuffle(observations, seed),
              targetLog,
              transportLog,
              expect: { delivery, closeWithin: 50, target: run.mayCrash ? 'may-crash' : 'must-not-crash' },
              ...(run.hung ? { hung: { phase: 'workload' as const, afterMs: 1000 } } : {}),
            });
            const found = verdict.anomalies.map((a) => `${a.kind}:${a.kind === 'leaked' ? '' : (a.id ?? '')}`);
            expect(found.sort()).toEqual(expected.sort());
            expect(verdict.ok).toBe(expected.length === 0);
            // Every per-op anomaly says how many entries the server kept for its op.
            for (const anomaly of verdict.anomalies) {
              const index = history.findIndex((op) => op.id === anomaly.id);
              if (index >= 0) expect(anomaly.observed).toBe(copies[index]);
            }
            const recovered = history.filter(
              (op, i) => op.outcome === 'info' && (copies[i] === 1 || (delivery === 'at-least-once' && (copies[i] as number) > 1)),
            ).length;
            expect(verdict.counts.recovered).toBe(recovered);
            // The log above opens no connection and its client leaves first: it shows nothing about
            // any op's reply path, so no kept `info` op may be called `unanswered`.
            expect(verdict.counts.unanswered).toBe(0);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
