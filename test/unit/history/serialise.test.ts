import { describe, expect, it } from '@jest/globals';
import { HistoryRecorder } from '../../../src/history/recorder.js';
import { fromJsonLines, toJsonLines } from '../../../src/history/serialise.js';
import type { OpRecord } from '../../../src/history/types.js';

function errorOf(fn: () => unknown): { code?: unknown; message?: unknown } {
  try {
    fn();
  } catch (error) {
    return error as { code?: unknown; message?: unknown };
  }
  throw new Error('expected a throw');
}

const line = (record: Record<string, unknown>): string => JSON.stringify(record);

describe('JSON lines', () => {
  it('round-trips every outcome and optional field', () => {
    const history = new HistoryRecorder('r2');
    history.invoke('m1', 'a b', { connection: 1 }).ok();
    history.invoke('m2').fail(new Error('refused'));
    history.invoke('m3', '"quoted"\n').info({ code: 'ECONNRESET' });
    history.invoke('m4');
    const records = history.records();
    const text = toJsonLines(records);
    expect(text.split('\n')).toHaveLength(records.length + 1); // one line each, newline-terminated
    expect(fromJsonLines(text)).toEqual(records);
  });

  it('writes nothing for no records and skips blank lines when reading', () => {
    expect(toJsonLines([])).toBe('');
    const record: OpRecord = { id: 'r1-m1', outcome: 'ok', invokedAt: 1 };
    expect(fromJsonLines(`\n${line({ ...record })}\n\n`)).toEqual([record]);
  });

  it('drops keys it does not know', () => {
    expect(fromJsonLines(line({ id: 'r1-m1', outcome: 'ok', invokedAt: 1, extra: true }))).toEqual([
      { id: 'r1-m1', outcome: 'ok', invokedAt: 1 },
    ]);
  });

  it('names the line of invalid JSON with ERR_HISTORY', () => {
    const text = `${line({ id: 'r1-m1', outcome: 'ok', invokedAt: 1 })}\n{"id":`;
    const error = errorOf(() => fromJsonLines(text));
    expect(error.code).toBe('ERR_HISTORY');
    expect(error.message).toMatch(/line 2/);
  });

  it.each([
    ['an array', '[1]', /JSON object/],
    ['a missing id', line({ outcome: 'ok', invokedAt: 1 }), /"id"/],
    ['an unknown outcome', line({ id: 'x', outcome: 'maybe', invokedAt: 1 }), /"outcome"/],
    ['a missing invokedAt', line({ id: 'x', outcome: 'ok' }), /"invokedAt"/],
    ['a non-string payload', line({ id: 'x', outcome: 'ok', invokedAt: 1, payload: 3 }), /"payload"/],
    ['connection 0', line({ id: 'x', outcome: 'ok', invokedAt: 1, connection: 0 }), /"connection"/],
    ['a string completedAt', line({ id: 'x', outcome: 'ok', invokedAt: 1, completedAt: 'now' }), /"completedAt"/],
    ['a non-string error', line({ id: 'x', outcome: 'info', invokedAt: 1, error: {} }), /"error"/],
  ])('rejects %s with ERR_HISTORY and the line number', (_, bad, pattern) => {
    const text = `${line({ id: 'ok-1', outcome: 'ok', invokedAt: 1 })}\n\n${bad}\n`;
    const error = errorOf(() => fromJsonLines(text));
    expect(error.code).toBe('ERR_HISTORY');
    expect(error.message).toMatch(/line 3/);
    expect(error.message).toMatch(pattern);
  });

  it('rejects an op id that repeats (one record per op)', () => {
    const record = line({ id: 'r1-m1', outcome: 'ok', invokedAt: 1 });
    const error = errorOf(() => fromJsonLines(`${record}\n${record}\n`));
    expect(error.code).toBe('ERR_HISTORY');
    expect(error.message).toMatch(/line 2.*repeats line 1/);
  });
});
