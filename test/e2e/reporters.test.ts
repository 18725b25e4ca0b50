import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FIXTURES, removeTempDirs, runCli, tempDir } from './cli.js';
import { findAll, parseXml } from './xml.js';

const FAILING = `${FIXTURES}/finds-anomaly.yaml`;
const HOLDING = 'scenarios/ledger.yaml';
const BROKEN = `${FIXTURES}/cannot-start.yaml`;

/** Line of `faults:`'s first item in the failing fixture (what annotations point at). */
async function faultsLine(file: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.findIndex((line) => line.startsWith('faults:')) + 2;
}

afterAll(removeTempDirs);

describe('reporters', () => {
  it('json: one object per scenario with the documented fields, alone on stdout', async () => {
    const result = await runCli(['run', '--reporter', 'json', FAILING, HOLDING, BROKEN]);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(report.map((entry) => entry.name)).toEqual(['ledger', 'cannot-start', 'finds-anomaly']);
    for (const entry of report) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['name', 'file', 'status', 'anomalies', 'plan', 'seed', 'path', 'runs', 'durationMs', 'replay']),
      );
    }
    const [holding, broken, failing] = report as Record<string, any>[];
    expect(holding).toMatchObject({ status: 'passed', held: true, anomalies: [], file: HOLDING, runs: 1, seed: 1, path: null });
    expect(broken).toMatchObject({ status: 'errored', held: false, error: { code: 'ERR_TARGET_START' } });
    expect(failing).toMatchObject({
      status: 'violated',
      held: false,
      expected: 'holds',
      file: FAILING,
      plan: [{ at: { connection: 1, direction: 'downstream', bytes: 4 }, action: 'reset' }],
      replay: `sockfault run ${FAILING} --seed 1`,
    });
    expect(failing!.anomalies.length).toBeGreaterThan(0);
    for (const anomaly of failing!.anomalies) {
      expect(Object.keys(anomaly).sort()).toEqual(['connection', 'detail', 'id', 'kind']);
      expect(anomaly).toMatchObject({ kind: 'duplicated', id: expect.stringMatching(/^r1-/), connection: expect.any(Number) });
    }
  });

  it('junit: well-formed XML, one testcase per scenario, failure and error elements', async () => {
    const result = await runCli(['run', '--reporter', 'junit', FAILING, HOLDING, BROKEN]);
    expect(result.code).toBe(3);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(result.stdout);
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]!.attributes).toMatchObject({ tests: '3', failures: '1', errors: '1' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((testcase) => [testcase.attributes.classname, testcase.attributes.name])).toEqual([
      ['sockfault', 'ledger'],
      ['sockfault', 'cannot-start'],
      ['sockfault', 'finds-anomaly'],
    ]);
    expect(cases[0]!.children).toEqual([]);
    expect(cases[1]!.children.map((child) => child.name)).toEqual(['error']);
    expect(cases[1]!.children[0]!.attributes.type).toBe('ERR_TARGET_START');
    const failure = cases[2]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.message).toMatch(/^violated \(expected to hold\): \d+ anomal/);
    expect(failure.text).toContain('failing plan: reset both sides at 4 bytes downstream on connection 1');
    expect(cases[2]!.attributes.file).toBe(FAILING);
  });

  it('github: an ::error command with file and line per scenario that did not hold', async () => {
    const result = await runCli(['run', '--reporter', 'github', FAILING, HOLDING]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const line = await faultsLine(FAILING);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${FIXTURES}/finds-anomaly\\.yaml,line=${line},title=sockfault%3A finds-anomaly::violated`));
    // Multi-line messages are escaped into one line.
    expect(lines[0]).toContain('%0Aduplicated: op r1-');
  });

  it('html: a self-contained page per failing scenario with the SVG timeline and no URL', async () => {
    const dir = await tempDir();
    const result = await runCli(['run', '--reporter', 'html', '--reporter', 'json', '--output-dir', dir, FAILING, HOLDING]);
    expect(result.code).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['finds-anomaly.html', 'sockfault.json']);
    expect(result.stderr).toContain('report written: ');
    const html = await readFile(join(dir, 'finds-anomaly.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<svg class="sf-timeline"');
    // The lanes, a data arrow with its byte range, the fault marker at its offset, the flagged ops.
    for (const text of ['>client<', '>proxy<', '>server<', 'c1 ↑ bytes 0–', '[byte 4 downstream]', 'sf-flag-band', '⚠ duplicated: r1-']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<h2>Anomalies</h2>');
    expect(html).toContain('<h2>History</h2>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|@import|url\((?!#)/i);
    const json = JSON.parse(await readFile(join(dir, 'sockfault.json'), 'utf8')) as unknown[];
    expect(json).toHaveLength(2);
    // With --output-dir and no text reporter, stdout stays empty.
    expect(result.stdout).toBe('');
  });

  it('text and github can share stdout; json goes to --output-dir then', async () => {
    const dir = await tempDir();
    const result = await runCli(['run', '-r', 'text,github', '-r', 'json', '-o', dir, FAILING]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL  finds-anomaly');
    expect(result.stdout).toMatch(/^::error file=/m);
    expect(await readdir(dir)).toEqual(['sockfault.json']);
  });
});
