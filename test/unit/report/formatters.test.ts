import { describe, expect, it } from '@jest/globals';
import { formatGithub } from '../../../src/report/github.js';
import { formatJson } from '../../../src/report/json.js';
import { formatJunit } from '../../../src/report/junit.js';
import { holds, reportFromError, reportFromRun } from '../../../src/report/summary.js';
import { formatScenario, formatSummary } from '../../../src/report/text.js';
import { findAll, parseXml } from '../../e2e/xml.js';
import { failingReport, makeRun, makeScenario } from './fixtures.js';

describe('summary', () => {
  it('a run with anomalies is violated; whether it holds depends on expect.verdict', () => {
    expect(failingReport()).toMatchObject({ status: 'violated', held: false, file: 'scenarios/hand-made.yaml', line: 9, runs: 1, seed: 5 });
    const expected = reportFromRun(makeRun(), makeScenario({ expect: { ...makeScenario().expect, verdict: 'violated' } }), { cwd: '/repo' });
    expect(expected).toMatchObject({ status: 'violated', held: true, expected: 'violated' });
    expect(holds('passed', 'violated')).toBe(false);
    expect(holds('errored', 'holds')).toBe(false);
  });

  it('the plan in words, the replay command quoted for a shell', () => {
    const report = reportFromRun(makeRun(), makeScenario({ file: '/repo/my scenarios/x.yaml' }), { cwd: '/repo' });
    expect(report.planInWords).toBe('reset both sides at 30 bytes upstream on connection 1');
    expect(report.replay).toBe("sockfault run 'my scenarios/x.yaml' --seed 5");
  });

  it('a load error keeps its code and points the annotation at its line', () => {
    const error = Object.assign(new Error('bad.yaml:7:13: workload.messages: expected a positive integer'), {
      code: 'ERR_SCENARIO_INVALID',
      location: 'bad.yaml:7:13',
    });
    expect(reportFromError('/repo/dir/bad.yaml', error, 'check', { cwd: '/repo' })).toMatchObject({
      name: 'bad',
      file: 'dir/bad.yaml',
      status: 'errored',
      held: false,
      line: 7,
      error: { code: 'ERR_SCENARIO_INVALID', location: 'bad.yaml:7:13' },
    });
  });
});

describe('json', () => {
  it('exactly the documented fields, absent values as null', () => {
    const [entry] = JSON.parse(formatJson([failingReport()])) as Record<string, unknown>[];
    expect(entry).toEqual({
      name: 'hand-made',
      file: 'scenarios/hand-made.yaml',
      status: 'violated',
      anomalies: [
        { kind: 'lost', id: 'r1-m1-2', connection: 1, detail: expect.stringContaining('never kept it') },
        { kind: 'duplicated', id: 'r1-m2-1', connection: 2, detail: expect.stringContaining('2 times') },
      ],
      plan: [{ at: { connection: 1, direction: 'upstream', bytes: 30 }, action: 'reset', side: 'both' }],
      seed: 5,
      path: null,
      runs: 1,
      durationMs: 12,
      replay: 'sockfault run scenarios/hand-made.yaml --seed 5',
      held: false,
      expected: 'holds',
      error: null,
      interrupted: false,
    });
  });
});

describe('junit', () => {
  it('escapes hostile names and messages and stays well-formed', () => {
    const hostile = failingReport({ name: 'a<b>&"c"\u0001', anomalies: [{ kind: 'lost', id: 'x', detail: 'payload "</failure><x>" & ]]>' }] });
    const held = failingReport({ name: 'fine', held: true, status: 'passed', anomalies: [] });
    const xml = formatJunit([hostile, held]);
    const root = parseXml(xml);
    const cases = findAll(root, 'testcase');
    expect(cases.map((testcase) => testcase.attributes.name)).toEqual(['a<b>&"c"\uFFFD', 'fine']);
    expect(findAll(root, 'failure')).toHaveLength(1);
    expect(findAll(root, 'failure')[0]!.text).toContain('lost: payload "</failure><x>" & ]]>');
    expect(findAll(root, 'testsuite')[0]!.attributes).toMatchObject({ tests: '2', failures: '1', errors: '0' });
  });
});

describe('github', () => {
  it('one ::error per scenario that did not hold, at the faults line, escaped', () => {
    const output = formatGithub([failingReport({ file: 'dir,x/a:b.yaml' }), failingReport({ held: true })]);
    const lines = output.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=dir%2Cx\/a%3Ab\.yaml,line=9,title=sockfault%3A hand-made::violated \(expected to hold\): 2 anomalies \(1 lost, 1 duplicated\)%0Alost: /);
    expect(lines[0]).not.toContain('\r');
  });
});

describe('text', () => {
  it('a failure: status line, anomalies, the plan in words, seed and replay', () => {
    const text = formatScenario(failingReport());
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^FAIL {2}hand-made {2}violated \(expected to hold\): 2 anomalies \(1 lost, 1 duplicated\) · 1 run · 83\.3 runs\/s · 12 ms$/),
      '      lost: op r1-m1-2 (connection 1) was acknowledged (ok) but the server never kept it',
      '      duplicated: op r1-m2-1 (connection 2) was acknowledged (ok) and the server kept it 2 times',
      '      failing plan: reset both sides at 30 bytes upstream on connection 1',
      '      seed 5',
      '      replay: sockfault run scenarios/hand-made.yaml --seed 5',
      '',
    ]);
  });

  it('colours only when asked, and a summary that counts', () => {
    expect(formatScenario(failingReport(), { color: true })).toContain('\u001B[31mFAIL \u001B[0m');
    expect(formatScenario(failingReport())).not.toContain('\u001B[');
    const summary = formatSummary([failingReport(), failingReport({ held: true, status: 'passed' })], 1500);
    expect(summary).toBe('\n2 scenarios: 1 held, 1 failed (1.5 s)\n');
  });
});
