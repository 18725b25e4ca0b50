import { describe, expect, it } from '@jest/globals';
import { ANOMALY_KINDS, checkHistory } from '../../../src/checker/index.js';
import type { CheckHistoryInput } from '../../../src/checker/index.js';
import { hasCode } from '../../../src/errors.js';
import type { OpRecord, Outcome } from '../../../src/history/types.js';

const op = (id: string, outcome: Outcome = 'ok'): OpRecord => ({ id, outcome, connection: 1, invokedAt: 1, completedAt: 2 });

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('checkHistory', () => {
  it('throws ERR_HISTORY naming an op id used twice (a workload bug, not an anomaly)', () => {
    const error = thrown(() => checkHistory({ history: [op('r1-m1'), op('r1-m2'), op('r1-m1', 'info')], observations: [] }));
    expect(hasCode(error, 'ERR_HISTORY')).toBe(true);
    expect((error as Error).name).toBe('SockfaultError');
    expect((error as Error).message).toMatch(/op id r1-m1 appears twice in the history \(history\[2\]\)/);
  });

  it('throws ERR_HISTORY for an op or observation without an id, or an unknown outcome', () => {
    const noId = { outcome: 'ok', invokedAt: 1 } as unknown as OpRecord;
    expect(hasCode(thrown(() => checkHistory({ history: [noId], observations: [] })), 'ERR_HISTORY')).toBe(true);
    const badOutcome = { ...op('m1'), outcome: 'done' } as unknown as OpRecord;
    const error = thrown(() => checkHistory({ history: [badOutcome], observations: [] }));
    expect((error as Error).message).toMatch(/op m1 .* outcome "done"/);
    const noIdSeen = [{ payload: 'x' }] as unknown as CheckHistoryInput['observations'];
    expect(hasCode(thrown(() => checkHistory({ history: [], observations: noIdSeen })), 'ERR_HISTORY')).toBe(true);
  });

  it('throws ERR_INVALID_ARGUMENT for a bad call or a bad expect', () => {
    const bad = [
      undefined,
      { history: 'x', observations: [] },
      { history: [], observations: {} },
      { history: [], observations: [], expect: { delivery: 'twice' } },
      { history: [], observations: [], expect: { order: 'random' } },
      { history: [], observations: [], expect: { closeWithin: -1 } },
    ];
    for (const input of bad) {
      expect(hasCode(thrown(() => checkHistory(input as unknown as CheckHistoryInput)), 'ERR_INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('is ok iff there are no anomalies, and counts every kind (0 when absent)', () => {
    const good = checkHistory({ history: [op('a'), op('b', 'info'), op('c', 'fail')], observations: [{ id: 'a' }] });
    expect(good.ok).toBe(true);
    for (const kind of ANOMALY_KINDS) expect(good.counts[kind]).toBe(0);
    const bad = checkHistory({ history: [op('a')], observations: [] });
    expect(bad.ok).toBe(false);
    expect(bad.counts.lost).toBe(1);
  });

  it('lists anomalies by kind, then in history order', () => {
    const verdict = checkHistory({
      history: [op('d1'), op('l1'), op('f1', 'fail'), op('l2'), op('d2')],
      observations: [{ id: 'zz' }, { id: 'd2' }, { id: 'd1' }, { id: 'd2' }, { id: 'f1' }, { id: 'd1' }],
      targetLog: [{ type: 'crash', at: 1, error: 'boom' }],
      hung: { phase: 'workload', afterMs: 10 },
    });
    expect(verdict.anomalies.map((a) => `${a.kind}:${a.id ?? ''}`)).toEqual([
      'lost:l1',
      'lost:l2',
      'duplicated:d1',
      'duplicated:d2',
      'unexpected:zz',
      'failed-but-applied:f1',
      'target-crashed:',
      'hung:',
    ]);
  });

  it('does not change its inputs', () => {
    const input: CheckHistoryInput = { history: [op('a'), op('b')], observations: [{ id: 'b' }, { id: 'a' }], expect: { order: 'total' } };
    const copy = structuredClone(input);
    checkHistory(input);
    expect(input).toEqual(copy);
  });
});
