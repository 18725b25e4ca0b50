import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FIXTURES, removeTempDirs, runCli, tempDir } from './cli.js';

afterAll(removeTempDirs);

describe('sockfault exit codes', () => {
  it('0: the correct ledger holds under its fixed plan', async () => {
    const result = await runCli(['run', 'scenarios/ledger.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS {2}ledger {2}held · 1 run · /m);
    expect(result.stdout).toContain('1 scenario: 1 held');
  });

  it('0: a buggy example holds when the anomaly it expects is found (expect.verdict: violated)', async () => {
    const result = await runCli(['run', 'scenarios/ledger-no-dedup.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS {2}ledger-no-dedup {2}violated as expected/m);
    expect(result.stdout).toContain('caught: ');
  });

  it('1: anomalies in a scenario that should hold, explained with the plan in words and the replay command', async () => {
    const result = await runCli(['run', `${FIXTURES}/finds-anomaly.yaml`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}finds-anomaly {2}violated \(expected to hold\): \d+ anomal(y|ies) \(\d+ duplicated\)/m);
    expect(result.stdout).toMatch(/duplicated: op r1-m\S+ \(connection \d+\) was acknowledged/);
    expect(result.stdout).toContain('failing plan: reset both sides at 4 bytes downstream on connection 1');
    expect(result.stdout).toContain(`replay: sockfault run ${FIXTURES}/finds-anomaly.yaml --seed 1`);
  });

  it('2: an invalid scenario, with file:line:col', async () => {
    const result = await runCli(['run', `${FIXTURES}/invalid.yaml`]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${FIXTURES}/invalid.yaml:7:13: workload.messages: expected a positive integer`);
  });

  it.each([
    ['an unknown flag', ['run', '--bogus', 'scenarios/ledger.yaml'], /unknown option '--bogus'/],
    ['a missing file', ['run', 'no/such/scenario.yaml'], /no such file or folder: no\/such\/scenario\.yaml/],
    ['no command', [], /Usage: sockfault/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['a bad --shard', ['run', '--shard', '3/2', 'scenarios/'], /--shard must be i\/n with 1 ≤ i ≤ n/],
    ['a bad --seed', ['run', '--seed', 'abc', 'scenarios/ledger.yaml'], /--seed must be an integer/],
    ['an unknown reporter', ['run', '--reporter', 'xml', 'scenarios/ledger.yaml'], /unknown reporter "xml"/],
    ['two documents on stdout', ['run', '--reporter', 'json', '--reporter', 'junit', 'scenarios/ledger.yaml'], /give --output-dir/],
    ['a glob with no match', ['run', 'scenarios/*.toml'], /no scenario file matches scenarios\/\*\.toml/],
    ['replay without --plan or --path', ['replay', 'scenarios/ledger.yaml'], /replay needs either --seed S --path P or --plan/],
    ['replay --path without --seed', ['replay', 'scenarios/ledger.yaml', '--path', '0:1'], /--path needs the --seed/],
    ['a missing --plan file', ['run', '--plan', 'no-such-plan.json', 'scenarios/ledger.yaml'], /--plan: cannot read no-such-plan\.json/],
  ])('2: %s', async (_, args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('3: a target that cannot start is a harness error, with its stderr', async () => {
    const result = await runCli(['run', `${FIXTURES}/cannot-start.yaml`]);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^ERROR cannot-start {2}errored \(ERR_TARGET_START\)/m);
    expect(result.stdout).toContain('fatal: the example config file is missing');
  });

  it('several scenarios: the most severe code wins, 2 > 3 > 1 > 0, and every scenario still runs', async () => {
    const all = await runCli(['run', `${FIXTURES}/finds-anomaly.yaml`, `${FIXTURES}/cannot-start.yaml`, `${FIXTURES}/invalid.yaml`, 'scenarios/ledger.yaml']);
    expect(all.code).toBe(2);
    expect(all.stdout).toContain('4 scenarios: 1 held, 1 failed, 2 errored');
    const harness = await runCli(['run', `${FIXTURES}/finds-anomaly.yaml`, `${FIXTURES}/cannot-start.yaml`]);
    expect(harness.code).toBe(3);
    const notHeld = await runCli(['run', `${FIXTURES}/finds-anomaly.yaml`, 'scenarios/ledger.yaml']);
    expect(notHeld.code).toBe(1);
  });

  it('--bail stops after the first scenario that does not hold', async () => {
    // Files run sorted: scenarios/ before test/.
    const result = await runCli(['run', '--bail', `${FIXTURES}/finds-anomaly.yaml`, `${FIXTURES}/shard/shard-a.yaml`, 'scenarios/ledger.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PASS  ledger');
    expect(result.stdout).toContain('FAIL  finds-anomaly');
    expect(result.stdout).not.toContain('shard-a');
  });

  it('--plan replaces the fixed plan; an invalid fault in it is exit 2', async () => {
    const plan = join(await tempDir(), 'plan.json');
    await writeFile(plan, JSON.stringify([{ at: { connection: 1, direction: 'downstream', bytes: 4 }, action: 'reset' }]));
    const failing = await runCli(['run', '--plan', plan, 'scenarios/ledger-no-dedup.yaml']);
    expect(failing.code).toBe(0);
    await writeFile(plan, JSON.stringify([]));
    const clean = await runCli(['run', '--plan', plan, 'scenarios/ledger-no-dedup.yaml']);
    expect(clean.code).toBe(1);
    expect(clean.stdout).toContain('passed (expected a violation)');
    await writeFile(plan, JSON.stringify([{ action: 'explode' }]));
    const invalid = await runCli(['run', '--plan', plan, 'scenarios/ledger.yaml']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('plan[0].action');
  });
});
