/**
 * `unanswered`: kept, never answered, and nothing on the transport log could have cut the
 * reply. Hand-written histories and logs, built around zoo 11's run: the client's FIN reaches
 * the server (a `half-close` upstream), the server ends its side at once, and the answers it
 * writes afterwards are lost.
 */
import { describe, expect, it } from '@jest/globals';
import { ANOMALY_KINDS, checkHistory } from '../../../src/checker/index.js';
import type { CheckHistoryInput } from '../../../src/checker/index.js';
import type { ActionName, Direction } from '../../../src/faults/types.js';
import type { OpRecord, Outcome } from '../../../src/history/types.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';
import type { TargetEvent } from '../../../src/target/types.js';
import type { Delivery } from '../../../src/scenario/types.js';

type Leg = 'client' | 'server';
const open = (connection: number, at = 0): TransportEvent => ({ type: 'open', at, connection });
const fin = (connection: number, side: Leg, by: 'peer' | 'proxy', at: number): TransportEvent => ({
  type: 'fin',
  at,
  connection,
  side,
  by,
});
const close = (connection: number, side: Leg, by: 'peer' | 'proxy', at: number): TransportEvent => ({
  type: 'close',
  at,
  connection,
  side,
  by,
  how: 'fin',
});
function fault(action: ActionName, at: number, connection?: number, direction: Direction = 'upstream'): TransportEvent {
  const event: TransportEvent = { type: 'fault', at, action, description: `${action} at ${at} ${direction}` };
  if (connection === undefined) return event;
  return { ...event, connection, direction, offset: 100 };
}

const ENDED = 'the server ended the connection before every ack';
/** An op sent on connection 1 at 5 that ended `info` at 20. */
const op = (id = 'r1-m1', outcome: Outcome = 'info', extra: Partial<OpRecord> = {}): OpRecord => ({
  id,
  outcome,
  connection: 1,
  invokedAt: 5,
  completedAt: 20,
  ...(outcome === 'info' ? { error: ENDED } : {}),
  ...extra,
});

/** Zoo 11 on connection 1: half-close toward the server at 10, the server ends its side at 12. */
const halfClosedThenEnded = (): TransportEvent[] => [
  open(1, 0),
  fault('half-close', 10, 1, 'upstream'),
  fin(1, 'server', 'proxy', 10),
  fin(1, 'server', 'peer', 12),
  fin(1, 'client', 'proxy', 12.5),
  close(1, 'server', 'peer', 13),
  // The client destroys its socket once it saw the end: after the server, after the op.
  fin(1, 'client', 'peer', 25),
  close(1, 'client', 'peer', 26),
];

function check(input: Partial<CheckHistoryInput> = {}) {
  return checkHistory({
    history: [op()],
    observations: [{ id: 'r1-m1' }],
    transportLog: halfClosedThenEnded(),
    ...input,
  });
}
const unanswered = (input: Partial<CheckHistoryInput> = {}): string[] =>
  check(input)
    .anomalies.filter((anomaly) => anomaly.kind === 'unanswered')
    .map((anomaly) => anomaly.id ?? '');

describe('checkHistory unanswered', () => {
  it('is listed after failed-but-applied and before reordered', () => {
    const kinds = ANOMALY_KINDS as readonly string[];
    expect(kinds.indexOf('unanswered')).toBe(kinds.indexOf('failed-but-applied') + 1);
    expect(kinds.indexOf('reordered')).toBe(kinds.indexOf('unanswered') + 1);
  });

  it('flags an info op the server kept after a half-close upstream and a FIN from the server', () => {
    const verdict = check();
    expect(verdict.ok).toBe(false);
    expect(verdict.anomalies).toEqual([
      expect.objectContaining({
        kind: 'unanswered',
        id: 'r1-m1',
        connection: 1,
        outcome: 'info',
        observed: 1,
        lastFault: expect.objectContaining({ action: 'half-close', direction: 'upstream', connection: 1 }),
      }),
    ]);
    expect(verdict.anomalies[0]?.detail).toBe(
      `op r1-m1 (connection 1) ended unknown (info: ${ENDED}), but the server kept it once: ` +
        'the server closed its side without answering, and no fault cut the reply path; ' +
        'last fault on connection 1: half-close at 10 upstream',
    );
    expect(verdict.counts).toMatchObject({ unanswered: 1, recovered: 0, info: 1, observed: 1 });
  });

  it('is no longer counted recovered, while a kept info op on a cut connection still is', () => {
    const history = [op('r1-m1'), op('r1-m2', 'info', { connection: 2 })];
    const transportLog = [...halfClosedThenEnded(), open(2, 0), fault('reset', 10, 2), fin(2, 'server', 'peer', 12)];
    const verdict = check({ history, observations: [{ id: 'r1-m1' }, { id: 'r1-m2' }], transportLog });
    expect(verdict.anomalies.map((anomaly) => `${anomaly.kind}:${anomaly.id}`)).toEqual(['unanswered:r1-m1']);
    expect(verdict.counts.recovered).toBe(1);
  });

  it('applies in every delivery mode (a lost reply is a protocol bug whatever the mode)', () => {
    for (const delivery of ['exactly-once', 'at-least-once', 'at-most-once'] as Delivery[]) {
      expect(unanswered({ expect: { delivery } })).toEqual(['r1-m1']);
    }
    // Kept twice: a duplicate too, except under at-least-once; never recovered.
    const twice = { observations: [{ id: 'r1-m1' }, { id: 'r1-m1' }] };
    const exactly = check(twice);
    expect(exactly.anomalies.map((anomaly) => anomaly.kind)).toEqual(['duplicated', 'unanswered']);
    const atLeast = check({ ...twice, expect: { delivery: 'at-least-once' } });
    expect(atLeast.anomalies.map((anomaly) => anomaly.kind)).toEqual(['unanswered']);
    expect(atLeast.anomalies[0]?.detail).toContain('the server kept it 2 times');
    expect(atLeast.counts.recovered).toBe(0);
  });

  it('also holds with fragment and coalesce on the connection, in either direction', () => {
    for (const action of ['fragment', 'coalesce'] as const) {
      for (const direction of ['upstream', 'downstream'] as const) {
        expect(unanswered({ transportLog: [...halfClosedThenEnded(), fault(action, 3, 1, direction)] })).toEqual(['r1-m1']);
      }
    }
  });

  it('excludes an op whose connection saw a fault that can cut, delay or drop the reply before it completed', () => {
    for (const action of ['reset', 'destroy', 'blackhole', 'stall', 'delay', 'throttle'] as const) {
      for (const direction of ['upstream', 'downstream'] as const) {
        const verdict = check({ transportLog: [...halfClosedThenEnded(), fault(action, 11, 1, direction)] });
        expect({ action, direction, kinds: verdict.anomalies.map((anomaly) => anomaly.kind) }).toEqual({ action, direction, kinds: [] });
        expect(verdict.counts.recovered).toBe(1);
      }
    }
  });

  it('excludes a half-close downstream: the proxy, not the server, ended the client side', () => {
    const transportLog = [open(1, 0), fault('half-close', 10, 1, 'downstream'), fin(1, 'client', 'proxy', 10), fin(1, 'server', 'peer', 12)];
    expect(unanswered({ transportLog })).toEqual([]);
  });

  it('still flags it when the disqualifying fault fired only after the op completed', () => {
    expect(unanswered({ transportLog: [...halfClosedThenEnded(), fault('reset', 30, 1)] })).toEqual(['r1-m1']);
  });

  it('excludes every op once a target fault or a target exit or crash came before it completed', () => {
    const kill = fault('kill-target', 15);
    const pauseOnAPair = fault('pause-target', 15, 2);
    expect(unanswered({ transportLog: [...halfClosedThenEnded(), kill] })).toEqual([]);
    expect(unanswered({ transportLog: [...halfClosedThenEnded(), pauseOnAPair] })).toEqual([]);
    const troubles: TargetEvent[] = [
      { type: 'exit', at: 15, code: 1, signal: null, expected: false, stderrTail: '' },
      { type: 'crash', at: 15, error: 'boom' },
      { type: 'kill', at: 15 },
      { type: 'pause', at: 15 },
    ];
    for (const trouble of troubles) {
      expect(unanswered({ targetLog: [trouble], expect: { target: 'may-crash' } })).toEqual([]);
    }
    // After the op completed, they explain nothing about it.
    expect(unanswered({ transportLog: [...halfClosedThenEnded(), fault('kill-target', 30)] })).toEqual(['r1-m1']);
    // A refuse on the listener has no connection and touches no accepted pair.
    expect(unanswered({ transportLog: [fault('refuse', 1), ...halfClosedThenEnded()] })).toEqual(['r1-m1']);
  });

  it('only judges info ops that the server kept', () => {
    expect(unanswered({ observations: [] })).toEqual([]);
    expect(check({ observations: [] }).counts.recovered).toBe(0);
    expect(unanswered({ history: [op('r1-m1', 'ok')] })).toEqual([]);
    const failed = check({ history: [op('r1-m1', 'fail', { error: 'ECONNREFUSED' })] });
    expect(failed.anomalies.map((anomaly) => anomaly.kind)).toEqual(['failed-but-applied']);
  });

  it('needs the op to have completed and its connection to be known and in the log', () => {
    const { completedAt: _, ...pending } = op();
    expect(unanswered({ history: [{ ...pending, error: 'pending at end of run' }] })).toEqual([]);
    const { connection: __, ...nowhere } = op();
    expect(unanswered({ history: [nowhere] })).toEqual([]);
    expect(unanswered({ history: [op('r1-m1', 'info', { connection: 7 })] })).toEqual([]);
    // A log that never opened the connection cannot tell whether the op came from an earlier one.
    expect(unanswered({ transportLog: halfClosedThenEnded().filter((event) => event.type !== 'open') })).toEqual([]);
    // No transport log: nothing shows the reply path was whole.
    expect(unanswered({ transportLog: [] })).toEqual([]);
    expect(unanswered({ transportLog: undefined })).toEqual([]);
  });

  it('excludes an op on a connection the client let go of before the server ended it', () => {
    // The client destroyed its socket (say, on a malformed reply), then the server answered the close.
    const transportLog = [open(1, 0), fin(1, 'client', 'peer', 11), close(1, 'client', 'peer', 11.5), fin(1, 'server', 'peer', 12)];
    expect(unanswered({ transportLog })).toEqual([]);
  });

  it('excludes an op that completed before the server ended the connection', () => {
    const transportLog = [open(1, 0), fault('half-close', 10, 1), fin(1, 'server', 'peer', 21)];
    expect(unanswered({ transportLog })).toEqual([]);
  });

  it('excludes an op that was neither ended by the server nor timed out', () => {
    const transportLog = [open(1, 0), fault('half-close', 10, 1)];
    expect(unanswered({ transportLog, history: [op('r1-m1', 'info', { error: 'ECONNRESET' })] })).toEqual([]);
  });

  describe('ack timeout', () => {
    const timedOut = (error = 'no ack within 2000 ms'): OpRecord => op('r1-m1', 'info', { error, completedAt: 2010 });
    // The half-close reached the server, which kept the request and then said nothing at all.
    const silent = (): TransportEvent[] => [open(1, 0), fault('half-close', 10, 1), fin(1, 'server', 'proxy', 10), fin(1, 'client', 'peer', 2011)];

    it('flags a kept op that ran into the ack timeout of a built-in workload', () => {
      const verdict = check({ history: [timedOut()], transportLog: silent() });
      expect(verdict.anomalies.map((anomaly) => anomaly.kind)).toEqual(['unanswered']);
      expect(verdict.anomalies[0]?.detail).toContain('no answer within the ack timeout, and no fault cut the reply path');
      expect(unanswered({ history: [timedOut('no response within 500 ms')], transportLog: silent() })).toEqual(['r1-m1']);
      // With no fault at all, too (a server that stopped answering).
      expect(unanswered({ history: [timedOut()], transportLog: [open(1, 0)] })).toEqual(['r1-m1']);
    });

    it('excludes it after a coalesce on its connection (it may hold the reply past the timeout)', () => {
      expect(unanswered({ history: [timedOut()], transportLog: [...silent(), fault('coalesce', 5, 1, 'downstream')] })).toEqual([]);
      expect(unanswered({ history: [timedOut()], transportLog: [...silent(), fault('fragment', 5, 1, 'downstream')] })).toEqual(['r1-m1']);
    });

    it('excludes it after a stall or a delay, and other errors than the ack timeout', () => {
      for (const action of ['stall', 'delay', 'blackhole'] as const) {
        expect(unanswered({ history: [timedOut()], transportLog: [...silent(), fault(action, 5, 1, 'downstream')] })).toEqual([]);
      }
      expect(unanswered({ history: [timedOut('connect: no answer within 2000 ms')], transportLog: silent() })).toEqual([]);
      expect(unanswered({ history: [timedOut('no ack')], transportLog: silent() })).toEqual([]);
    });
  });

  describe('an op resent on a later connection', () => {
    // Invoked at 5 on connection 1; its last attempt ran on connection 2, opened at 8.
    const resent = (): OpRecord => op('r1-m1', 'info', { connection: 2 });
    const secondEnded = (): TransportEvent[] => [open(2, 8), fault('half-close', 10, 2), fin(2, 'server', 'peer', 12)];

    it('is excluded when a fault on any connection could have cut its earlier reply', () => {
      const transportLog = [open(1, 0), fault('reset', 6, 1), ...secondEnded()];
      expect(unanswered({ history: [resent()], transportLog })).toEqual([]);
    });

    it('is flagged when no connection saw such a fault', () => {
      const transportLog = [open(1, 0), fault('half-close', 6, 1), fin(1, 'server', 'peer', 7), ...secondEnded()];
      expect(unanswered({ history: [resent()], transportLog })).toEqual(['r1-m1']);
    });

    it('an op invoked on its own connection ignores the other connections', () => {
      const transportLog = [open(1, 0), fault('reset', 6, 1), ...secondEnded()];
      expect(unanswered({ history: [op('r1-m1', 'info', { connection: 2, invokedAt: 9 })], transportLog })).toEqual(['r1-m1']);
    });
  });
});
