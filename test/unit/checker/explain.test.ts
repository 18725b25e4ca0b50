import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { OpRecord } from '../../../src/history/types.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';

type FaultEvent = Extract<TransportEvent, { type: 'fault' }>;
const fault = (at: number, connection: number | undefined, description: string, extra: Partial<FaultEvent> = {}): FaultEvent => ({
  type: 'fault',
  at,
  action: 'reset',
  description,
  ...(connection === undefined ? {} : { connection }),
  ...extra,
});
const lostOp = (completedAt: number, connection = 2): OpRecord => ({
  id: 'r3-m7',
  outcome: 'ok',
  connection,
  invokedAt: completedAt - 1,
  completedAt,
});
const explain = (op: OpRecord, transportLog: TransportEvent[]) =>
  checkHistory({ history: [op], observations: [], transportLog }).anomalies[0];

describe('anomaly explanations', () => {
  it('reads as one sentence with the op, its connection, its outcome and the last fault', () => {
    const log = [
      fault(10, 2, 'delay 5 ms per chunk on open on connection 2', { action: 'delay' }),
      fault(90, 2, 'reset both sides at 1534 bytes upstream', { offset: 1534, direction: 'upstream' }),
      fault(95, 1, 'destroy both sides at 10 bytes upstream', { action: 'destroy' }),
    ];
    const anomaly = explain(lostOp(100), log);
    expect(anomaly).toEqual({
      kind: 'lost',
      id: 'r3-m7',
      connection: 2,
      outcome: 'ok',
      observed: 0,
      lastFault: {
        action: 'reset',
        offset: 1534,
        direction: 'upstream',
        description: 'reset both sides at 1534 bytes upstream',
        at: 90,
        connection: 2,
      },
      detail:
        'op r3-m7 (connection 2) was acknowledged (ok) but the server never kept it; ' +
        'last fault on connection 2: reset both sides at 1534 bytes upstream',
    });
  });

  it('takes the last fault at or before the op completed, not a later one', () => {
    const log = [fault(50, 2, 'early'), fault(100, 2, 'at completion'), fault(150, 2, 'later')];
    expect(explain(lostOp(100), log)?.lastFault?.description).toBe('at completion');
    expect(explain(lostOp(99), log)?.lastFault?.description).toBe('early');
  });

  it('falls back to the first fault after the op when none fired before (an acked op lost later)', () => {
    const anomaly = explain(lostOp(10), [fault(200, 2, 'late'), fault(300, 2, 'later')]);
    expect(anomaly?.lastFault).toMatchObject({ description: 'late', after: true });
    expect(anomaly?.detail).toMatch(/; first fault, after it, on connection 2: late$/);
  });

  it('counts a target fault as hitting every connection, and says where it fired', () => {
    const log = [fault(40, 2, 'reset on 2'), fault(60, undefined, 'kill the target', { action: 'kill-target' })];
    const anomaly = explain(lostOp(100), log);
    expect(anomaly?.lastFault).toMatchObject({ action: 'kill-target', at: 60 });
    expect(anomaly?.lastFault?.connection).toBeUndefined();
    expect(anomaly?.detail).toMatch(/; last fault on connection 2 \(on the target\): kill the target$/);
  });

  it('says so when no fault fired on the connection, and names the fault that sent a resend elsewhere', () => {
    expect(explain(lostOp(100, 3), [])?.detail).toMatch(/; no fault fired on connection 3$/);
    // A resend on connection 3 was caused by a fault on an earlier connection: name it.
    const resent = explain(lostOp(100, 3), [fault(1, 2, 'elsewhere')]);
    expect(resent?.detail).toMatch(/; no fault fired on connection 3; last fault before it, on connection 2: elsewhere$/);
    expect(resent?.lastFault).toMatchObject({ connection: 2, description: 'elsewhere' });
    const bare: OpRecord = { id: 'm1', outcome: 'ok', invokedAt: 1, completedAt: 2 };
    const anomaly = explain(bare, [fault(1, 2, 'elsewhere')]);
    expect(anomaly?.detail).toBe('op m1 was acknowledged (ok) but the server never kept it; last fault on connection 2: elsewhere');
    expect(anomaly).not.toHaveProperty('connection');
  });

  it('judges an op that never completed against every fault on its connection', () => {
    const op: OpRecord = { id: 'm1', outcome: 'ok', connection: 2, invokedAt: 1 };
    expect(explain(op, [fault(5, 2, 'first'), fault(500, 2, 'last')])?.lastFault?.description).toBe('last');
  });
});
