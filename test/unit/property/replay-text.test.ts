/** What a failure is printed with, and what counts as the same failure again. */
import { describe, expect, it } from '@jest/globals';
import type { Anomaly, Verdict } from '../../../src/checker/types.js';
import { anomalyKinds, displayPath, planJson, replayCommand, verdictSignature } from '../../../src/property/replay-text.js';

function verdict(...anomalies: Partial<Anomaly>[]): Verdict {
  return { ok: anomalies.length === 0, anomalies: anomalies.map((a) => ({ kind: 'lost', detail: '', ...a })), counts: {} as Verdict['counts'] };
}

describe('replayCommand', () => {
  it('names the file relative to the working directory, with seed and path', () => {
    expect(replayCommand('/work/app/scenarios/ledger.yaml', -12, '3:0:1', '/work/app')).toBe(
      'sockfault replay scenarios/ledger.yaml --seed -12 --path 3:0:1',
    );
    expect(replayCommand('/work/app/scenarios/ledger.yaml', 5, '0', '/work/app/test')).toBe('sockfault replay ../scenarios/ledger.yaml --seed 5 --path 0');
  });

  it('quotes a file name the shell would split, and has nothing to say without a file or path', () => {
    expect(replayCommand("/w/my scenario's.yaml", 1, '0', '/w')).toBe(`sockfault replay 'my scenario'\\''s.yaml' --seed 1 --path 0`);
    expect(replayCommand(undefined, 1, '0')).toBeUndefined();
    expect(replayCommand('/w/a.yaml', 1, undefined)).toBeUndefined();
    expect(displayPath('/w/a.yaml', '/w')).toBe('a.yaml');
  });

  it('writes the plan as one line of JSON', () => {
    expect(planJson([{ at: { connection: 1, direction: 'downstream', bytes: 4 }, action: 'reset' }])).toBe(
      '[{"at":{"connection":1,"direction":"downstream","bytes":4},"action":"reset"}]',
    );
  });
});

describe('verdictSignature', () => {
  it('is equal for the same anomalies in runs with different run numbers, in any order', () => {
    const first = verdict({ kind: 'duplicated', id: 'r1003-m1-2' }, { kind: 'lost', id: 'r1003-m2-1' }, { kind: 'hung' });
    const again = verdict({ kind: 'lost', id: 'r1017-m2-1' }, { kind: 'hung' }, { kind: 'duplicated', id: 'r1017-m1-2' });
    expect(verdictSignature(again)).toBe(verdictSignature(first));
    expect(verdictSignature(verdict({ kind: 'duplicated', id: 'r1003-m1-3' }))).not.toBe(verdictSignature(verdict({ kind: 'duplicated', id: 'r1003-m1-2' })));
    expect(verdictSignature(verdict())).toBe('');
    expect(verdictSignature(undefined)).toBe('');
  });

  it('lists each anomaly kind once, in the verdict’s order', () => {
    expect(anomalyKinds(verdict({ kind: 'lost', id: 'a' }, { kind: 'lost', id: 'b' }, { kind: 'target-crashed' }))).toEqual(['lost', 'target-crashed']);
  });
});
