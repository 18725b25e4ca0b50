import { describe, expect, it } from '@jest/globals';
import { HistoryRecorder, PENDING_AT_END, describeError } from '../../../src/history/recorder.js';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return undefined;
}

describe('HistoryRecorder', () => {
  it('records invoke then ok, with the run id in the op id and ordered timestamps', () => {
    const history = new HistoryRecorder('r17');
    const op = history.invoke('m3', 'abc', { connection: 2 });
    expect(op.id).toBe('r17-m3');
    op.ok();
    const [record] = history.records();
    expect(record).toMatchObject({ id: 'r17-m3', payload: 'abc', outcome: 'ok', connection: 2 });
    expect(record?.error).toBeUndefined();
    expect(record?.completedAt).toBeGreaterThanOrEqual(record?.invokedAt ?? Infinity);
  });

  it('keeps records in invoke order and leaves payload out when none was given', () => {
    const history = new HistoryRecorder('r1');
    history.invoke('b').ok();
    history.invoke('a').fail();
    expect(history.records().map((r) => r.id)).toEqual(['r1-b', 'r1-a']);
    expect('payload' in (history.records()[0] ?? {})).toBe(false);
  });

  it('throws ERR_HISTORY when a local id is invoked twice', () => {
    const history = new HistoryRecorder('r1');
    history.invoke('m1');
    expect(codeOf(() => history.invoke('m1'))).toBe('ERR_HISTORY');
    expect(history.records()).toHaveLength(1);
  });

  it('lets the first outcome win: a late ack after info does not complete the op again', () => {
    const history = new HistoryRecorder('r1');
    const op = history.invoke('m1');
    op.info(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    const before = history.records()[0];
    op.ok();
    op.fail('later');
    expect(history.records()[0]).toEqual(before);
    expect(before).toMatchObject({ outcome: 'info', error: 'ECONNRESET' });
  });

  it('reports ops still pending as info "pending at end of run", without completedAt', () => {
    const history = new HistoryRecorder('r1');
    const op = history.invoke('m1', 'x');
    op.connection = 4;
    const [record] = history.records();
    expect(record).toMatchObject({ outcome: 'info', error: PENDING_AT_END, connection: 4 });
    expect(record?.completedAt).toBeUndefined();
    op.ok(); // still completable after a snapshot
    expect(history.records()[0]?.outcome).toBe('ok');
  });

  it('keeps the connection of the last attempt and freezes it at completion', () => {
    const history = new HistoryRecorder('r1');
    const op = history.invoke('m1', undefined, { connection: 1 });
    op.connection = 3; // resent on connection 3
    op.ok();
    op.connection = 9;
    expect(history.records()[0]?.connection).toBe(3);
  });

  it('returns copies, so callers cannot edit the history', () => {
    const history = new HistoryRecorder('r1');
    history.invoke('m1').ok();
    const first = history.records()[0];
    if (first) first.outcome = 'fail';
    expect(history.records()[0]?.outcome).toBe('ok');
  });

  it('rejects a bad run id or local id with ERR_INVALID_ARGUMENT', () => {
    expect(codeOf(() => new HistoryRecorder(''))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => new HistoryRecorder('r1').invoke(''))).toBe('ERR_INVALID_ARGUMENT');
    expect(codeOf(() => new HistoryRecorder('r1').invoke('m1', 5 as unknown as string))).toBe('ERR_INVALID_ARGUMENT');
  });
});

describe('describeError', () => {
  it('prefers the code, then the message, then the string form', () => {
    expect(describeError(Object.assign(new Error('boom'), { code: 'EPIPE' }))).toBe('EPIPE');
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('plain')).toBe('plain');
    expect(describeError(42)).toBe('42');
    expect(describeError(undefined)).toBeUndefined();
  });
});
