import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { Order } from '../../../src/scenario/types.js';
import type { OpRecord, Outcome } from '../../../src/history/types.js';

function op(id: string, connection: number | undefined, invokedAt: number, completedAt?: number, outcome: Outcome = 'ok'): OpRecord {
  const record: OpRecord = { id, outcome, invokedAt };
  if (connection !== undefined) record.connection = connection;
  if (completedAt !== undefined) record.completedAt = completedAt;
  return record;
}
const ids = (...list: string[]) => list.map((id) => ({ id }));
const reordered = (history: OpRecord[], kept: string[], order: Order) =>
  checkHistory({ history, observations: ids(...kept), expect: { order } })
    .anomalies.filter((a) => a.kind === 'reordered')
    .map((a) => `${a.before}<${a.id}`);

describe('checkHistory reordered', () => {
  // a, b, c on connection 1 (pipelined: they overlap in time); x on connection 2.
  const pipelined = [op('a', 1, 0, 50), op('x', 2, 5, 6), op('b', 1, 10, 60), op('c', 1, 20, 70)];

  it('ignores order under order: none', () => {
    expect(reordered(pipelined, ['c', 'b', 'a', 'x'], 'none')).toEqual([]);
  });

  it('per-connection: one anomaly per op kept before an op sent earlier on its connection', () => {
    expect(reordered(pipelined, ['a', 'b', 'c', 'x'], 'per-connection')).toEqual([]);
    // Read as "earlier<later": the later op was kept before the earlier one.
    expect(reordered(pipelined, ['x', 'b', 'a', 'c'], 'per-connection')).toEqual(['a<b']);
    expect(reordered(pipelined, ['c', 'a', 'b', 'x'], 'per-connection')).toEqual(['b<c']);
    expect(reordered(pipelined, ['b', 'c', 'a', 'x'], 'per-connection')).toEqual(['a<b', 'a<c']);
  });

  it('per-connection: a swap is reported once, on the later op, naming the op it overtook', () => {
    const verdict = checkHistory({
      history: pipelined,
      observations: ids('b', 'a', 'c', 'x'),
      expect: { order: 'per-connection' },
    });
    expect(verdict.anomalies).toEqual([expect.objectContaining({ kind: 'reordered', id: 'b', before: 'a', connection: 1 })]);
    expect(verdict.anomalies[0]?.detail).toMatch(/^op b \(connection 1\) was sent after op a \(connection 1\) on the same connection, but the server kept it before that op \(per-connection order\)/);
  });

  it('total: only ops that did not overlap in time are constrained', () => {
    // a and x overlap, b starts after a and x completed.
    const history = [op('a', 1, 0, 10), op('x', 2, 5, 12), op('b', 1, 20, 30)];
    expect(reordered(history, ['x', 'a', 'b'], 'total')).toEqual([]);
    expect(reordered(history, ['b', 'a', 'x'], 'total')).toEqual(['x<b']);
    expect(reordered(history, ['a', 'b', 'x'], 'total')).toEqual(['x<b']);
    // completedAt equal to the next invokedAt is an overlap, not an order.
    expect(reordered([op('a', 1, 0, 10), op('b', 2, 10, 20)], ['b', 'a'], 'total')).toEqual([]);
  });

  it('total: ops on different connections are ordered too', () => {
    expect(reordered([op('a', 1, 0, 1), op('b', 2, 2, 3)], ['b', 'a'], 'total')).toEqual(['a<b']);
    expect(reordered([op('a', 1, 0, 1), op('b', 2, 2, 3)], ['b', 'a'], 'per-connection')).toEqual([]);
  });

  it('leaves out ops that are not ok, not kept, without a connection (per-connection) or never completed (total)', () => {
    const history = [op('a', 1, 0, 1), op('f', 1, 2, 3, 'fail'), op('i', 1, 4, 5, 'info'), op('b', 1, 6, 7)];
    expect(reordered(history, ['i', 'a', 'b'], 'per-connection')).toEqual([]);
    expect(reordered(history, ['b'], 'per-connection')).toEqual([]); // a is lost, not reordered
    expect(reordered([op('a', undefined, 0, 1), op('b', undefined, 2, 3)], ['b', 'a'], 'per-connection')).toEqual([]);
    expect(reordered([op('a', 1, 0), op('b', 1, 2, 3)], ['b', 'a'], 'total')).toEqual([]);
  });

  it('uses the first copy of a duplicated op as its position', () => {
    const history = [op('a', 1, 0, 1), op('b', 1, 2, 3)];
    expect(reordered(history, ['a', 'b', 'a'], 'total')).toEqual([]);
    expect(reordered(history, ['b', 'a', 'b'], 'total')).toEqual(['a<b']);
  });
});
