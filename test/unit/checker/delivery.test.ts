import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { Delivery } from '../../../src/scenario/types.js';
import type { Observation, OpRecord, Outcome } from '../../../src/history/types.js';

let clock = 0;
function op(id: string, outcome: Outcome, extra: Partial<OpRecord> = {}): OpRecord {
  clock += 10;
  return { id, outcome, connection: 1, invokedAt: clock, completedAt: clock + 5, ...extra };
}
const seen = (...ids: string[]): Observation[] => ids.map((id) => ({ id }));

/** The kinds of anomalies for a single op of `outcome` kept `kept` times. */
function kindsFor(delivery: Delivery, outcome: Outcome, kept: number): string[] {
  const observations = seen(...Array.from({ length: kept }, () => 'r1-m1'));
  const verdict = checkHistory({ history: [op('r1-m1', outcome)], observations, expect: { delivery } });
  return verdict.anomalies.map((a) => a.kind);
}

describe('checkHistory delivery rules', () => {
  // outcome × times kept → anomaly kinds, one row per delivery mode.
  const table: Record<Delivery, Record<Outcome, [string[], string[], string[]]>> = {
    'exactly-once': {
      ok: [['lost'], [], ['duplicated']],
      info: [[], [], ['duplicated']],
      fail: [[], ['failed-but-applied'], ['duplicated', 'failed-but-applied']],
    },
    'at-least-once': {
      ok: [['lost'], [], []],
      info: [['lost'], [], []],
      fail: [[], ['failed-but-applied'], ['failed-but-applied']],
    },
    'at-most-once': {
      ok: [['lost'], [], ['duplicated']],
      info: [[], [], ['duplicated']],
      fail: [[], ['failed-but-applied'], ['duplicated', 'failed-but-applied']],
    },
  };
  for (const [delivery, rows] of Object.entries(table) as [Delivery, Record<Outcome, string[][]>][]) {
    for (const [outcome, byKept] of Object.entries(rows) as [Outcome, string[][]][]) {
      it(`${delivery}: ${outcome} kept 0 / 1 / 2 times`, () => {
        expect([0, 1, 2].map((kept) => kindsFor(delivery, outcome, kept))).toEqual(byKept);
      });
    }
  }

  it('defaults to exactly-once', () => {
    const verdict = checkHistory({ history: [op('a', 'ok')], observations: seen('a', 'a') });
    expect(verdict.anomalies.map((a) => a.kind)).toEqual(['duplicated']);
  });

  it('an empty history with no observations holds', () => {
    const verdict = checkHistory({ history: [], observations: [], expect: {} });
    expect(verdict.ok).toBe(true);
    expect(verdict.anomalies).toEqual([]);
    expect(verdict.counts).toMatchObject({ ops: 0, observations: 0, observed: 0, recovered: 0, lost: 0 });
  });

  it('an info op observed twice is duplicated, not recovered (exactly-once)', () => {
    const verdict = checkHistory({ history: [op('m1', 'info', { error: 'ECONNRESET' })], observations: seen('m1', 'm1') });
    expect(verdict.anomalies).toHaveLength(1);
    expect(verdict.anomalies[0]).toMatchObject({ kind: 'duplicated', id: 'm1', outcome: 'info', observed: 2 });
    expect(verdict.counts.recovered).toBe(0);
  });

  it('an info op observed twice is recovered under at-least-once', () => {
    const verdict = checkHistory({
      history: [op('m1', 'info')],
      observations: seen('m1', 'm1'),
      expect: { delivery: 'at-least-once' },
    });
    expect(verdict.ok).toBe(true);
    expect(verdict.counts.recovered).toBe(1);
  });

  it('a fail op observed is failed-but-applied with the error in the detail', () => {
    const verdict = checkHistory({
      history: [op('m2', 'fail', { connection: 3, error: 'ECONNREFUSED' })],
      observations: seen('m2'),
    });
    expect(verdict.anomalies).toEqual([
      expect.objectContaining({ kind: 'failed-but-applied', id: 'm2', connection: 3, outcome: 'fail', observed: 1 }),
    ]);
    expect(verdict.anomalies[0]?.detail).toContain('failed (fail: ECONNREFUSED)');
    expect(verdict.anomalies[0]?.detail).toContain('kept it once');
  });

  it('counts outcomes, observations and recovered ops', () => {
    const history = [op('a', 'ok'), op('b', 'ok'), op('c', 'info'), op('d', 'info'), op('e', 'fail')];
    const verdict = checkHistory({ history, observations: seen('a', 'c', 'zz', 'b') });
    expect(verdict.ok).toBe(false); // zz was never invoked
    expect(verdict.counts).toMatchObject({
      ops: 5,
      ok: 2,
      fail: 1,
      info: 2,
      observations: 4,
      observed: 3,
      recovered: 1,
      lost: 0,
      unexpected: 1,
      duplicated: 0,
    });
  });

  it('lost under at-least-once explains why an info op had to be kept', () => {
    const verdict = checkHistory({ history: [op('m9', 'info')], observations: [], expect: { delivery: 'at-least-once' } });
    expect(verdict.anomalies[0]?.detail).toMatch(/ended unknown \(info\) but the server never kept it \(at-least-once/);
  });
});
