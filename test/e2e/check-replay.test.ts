import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FIXTURES, removeTempDirs, runCli, tempDir } from './cli.js';

const FAILING = `${FIXTURES}/finds-anomaly.yaml`;

/** Splits a printed command line into words (the CLI quotes only with single quotes). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

afterAll(removeTempDirs);

describe('sockfault check and replay', () => {
  it('the bundled examples: the correct ledger holds and the buggy one is caught (npm start)', async () => {
    const result = await runCli(['check', '--seed', '1', 'scenarios/ledger.yaml', 'scenarios/ledger-no-dedup.yaml'], { timeout: 120_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS {2}ledger {2}held · 50 runs · [\d.]+ runs\/s · /m);
    expect(result.stdout).toMatch(/^PASS {2}ledger-no-dedup {2}violated as expected/m);
    expect(result.stdout).toMatch(/minimal plan: (destroy|reset) /);
    expect(result.stdout).toContain('2 scenarios: 2 held');
  });

  it('a failure prints the minimal plan, seed, path and a replay command that reproduces it', async () => {
    const check = await runCli(['check', FAILING]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^FAIL {2}finds-anomaly {2}violated \(expected to hold\)/m);
    expect(check.stdout).toMatch(/minimal plan: (destroy|reset) both sides at [\d,]+ bytes (upstream|downstream) on connection 1/);
    expect(check.stdout).toMatch(/seed 7, path [\d:]+/);
    const replayLine = /replay: (sockfault replay .*)$/m.exec(check.stdout)?.[1];
    expect(replayLine).toMatch(new RegExp(`^sockfault replay ${FAILING} --seed 7 --path [\\d:]+$`));
    const [, ...args] = words(replayLine!);
    const replay = await runCli(args);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/^FAIL {2}finds-anomaly {2}violated/m);
  });

  it('replay --plan takes the plan of a json report, and --repeat counts agreeing runs', async () => {
    const dir = await tempDir();
    const check = await runCli(['check', '--reporter', 'json', '--output-dir', dir, FAILING]);
    expect(check.code).toBe(1);
    const [entry] = JSON.parse(await readFile(join(dir, 'sockfault.json'), 'utf8')) as { plan: unknown[]; seed: number; path: string }[];
    expect(entry!.plan).toHaveLength(1);
    expect(entry!.path).toMatch(/^[\d:]+$/);
    const plan = join(dir, 'plan.json');
    await writeFile(plan, JSON.stringify(entry!.plan));
    const replay = await runCli(['replay', FAILING, '--plan', plan, '--seed', String(entry!.seed), '--repeat', '3']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/^FAIL {2}finds-anomaly {2}violated \(expected to hold\): .* · 3 runs · /m);
    expect(replay.stdout).toMatch(/seed 7, [0-3]\/3 runs agreed/);
    expect(replay.stdout).toContain(`replay: sockfault replay ${FAILING} --seed 7 --plan ${plan} --repeat 3`);
  });
});
