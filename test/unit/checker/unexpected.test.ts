import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { OpRecord } from '../../../src/history/types.js';

const op = (id: string, payload?: string, extra: Partial<OpRecord> = {}): OpRecord => ({
  id,
  outcome: 'ok',
  connection: 1,
  invokedAt: 1,
  completedAt: 2,
  ...(payload === undefined ? {} : { payload }),
  ...extra,
});

describe('checkHistory unexpected', () => {
  it('reports an id that was never invoked once, with how many entries carry it', () => {
    const verdict = checkHistory({
      history: [op('r1-m1')],
      observations: [{ id: 'r1-m1' }, { id: 'r9-m1' }, { id: 'r9-m1' }, { id: 'r9-m1' }],
    });
    expect(verdict.anomalies).toEqual([
      {
        kind: 'unexpected',
        id: 'r9-m1',
        observed: 3,
        differing: 3,
        detail: 'the server kept 3 entries with id r9-m1, which the workload never invoked',
      },
    ]);
  });

  it('lists never-invoked ids in the order the server holds them', () => {
    const verdict = checkHistory({ history: [], observations: [{ id: 'b' }, { id: 'a' }, { id: 'b' }] });
    expect(verdict.anomalies.map((a) => [a.id, a.observed])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
  });

  it('reports a differing payload once per id with the count of differing copies', () => {
    const verdict = checkHistory({
      history: [op('m1', 'hello', { connection: 2 })],
      observations: [{ id: 'm1', payload: 'hel' }, { id: 'm1', payload: 'hello' }, { id: 'm1', payload: 'hexlo' }],
      expect: { delivery: 'at-least-once' },
    });
    expect(verdict.anomalies).toHaveLength(1);
    const [anomaly] = verdict.anomalies;
    expect(anomaly).toMatchObject({ kind: 'unexpected', id: 'm1', connection: 2, outcome: 'ok', observed: 3, differing: 2 });
    expect(anomaly?.detail).toBe(
      'op m1 (connection 2) was acknowledged (ok), but 2 of the 3 entries the server kept for it carry another ' +
        'payload than the one sent "hello" (e.g. "hel"); no fault fired on connection 2',
    );
  });

  it('a corrupted copy still counts as kept: the op is not also lost', () => {
    const verdict = checkHistory({ history: [op('m1', 'abc')], observations: [{ id: 'm1', payload: 'abd' }] });
    expect(verdict.anomalies.map((a) => a.kind)).toEqual(['unexpected']);
  });

  it('compares payloads only when both sides have one', () => {
    const verdict = checkHistory({
      history: [op('m1', 'abc'), op('m2')],
      observations: [{ id: 'm1' }, { id: 'm2', payload: 'anything' }],
    });
    expect(verdict.ok).toBe(true);
  });

  it('cuts a long payload short in the detail', () => {
    const sent = 'x'.repeat(100);
    const verdict = checkHistory({ history: [op('m1', sent)], observations: [{ id: 'm1', payload: 'y'.repeat(100) }] });
    expect(verdict.anomalies[0]?.detail).toContain(`"${'x'.repeat(40)}…"`);
    expect(verdict.anomalies[0]?.detail.length).toBeLessThan(300);
  });
});
