import { describe, expect, it } from '@jest/globals';
import { FIXTURES, runCli } from './cli.js';

const FOLDER = `${FIXTURES}/shard`;
const ALL = ['shard-a', 'shard-b', 'shard-c', 'shard-d', 'shard-e'];

async function namesOf(args: string[]): Promise<string[]> {
  const result = await runCli(['run', '--reporter', 'json', ...args]);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { name: string }[]).map((entry) => entry.name);
}

describe('--shard i/n', () => {
  it('1/2 and 2/2 together cover every scenario of a folder exactly once', async () => {
    const first = await namesOf(['--shard', '1/2', FOLDER]);
    const second = await namesOf(['--shard', '2/2', FOLDER]);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(first.filter((name) => second.includes(name))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(ALL);
  });

  it('is deterministic and independent of argument order', async () => {
    const files = ALL.map((name) => `${FOLDER}/${name}.yaml`);
    const forward = await namesOf(['--shard', '2/3', ...files]);
    const backward = await namesOf(['--shard', '2/3', ...[...files].reverse()]);
    expect(backward).toEqual(forward);
    expect(forward).toEqual(['shard-b', 'shard-e']);
  });

  it('validate takes --shard too, and globs select files', async () => {
    const result = await runCli(['validate', '--shard', '1/2', `${FOLDER}/shard-*.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 of 3 scenario files valid');
  });

  it('an empty shard runs nothing and exits 0', async () => {
    const result = await runCli(['run', '--shard', '2/2', 'scenarios/ledger.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('shard 2/2 has no scenario file');
  });
});
