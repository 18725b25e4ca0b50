import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FIXTURES, eventually, finished, isAlive, removeTempDirs, startCli, stop, tempDir } from './cli.js';

afterAll(removeTempDirs);

async function pidsIn(file: string): Promise<number[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map(Number);
}

describe('SIGINT', () => {
  it('during a check: stops cleanly, exits 130 and leaves no target process', async () => {
    const dir = await tempDir();
    const pidFile = join(dir, 'pids');
    const { child, output } = startCli(['check', `${FIXTURES}/slow-command.yaml`], { env: { SOCKFAULT_TEST_PID_FILE: pidFile } });
    try {
      // Wait until a target process runs (it records its pid), and a few runs went by.
      await eventually(async () => (await pidsIn(pidFile)).length > 0, 20_000, 'a target process');
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGINT');
      const result = await finished(child, output, 30_000);
      expect(result.code).toBe(130);
      expect(result.stderr).toContain('SIGINT: stopping after teardown');
      expect(result.stdout).toMatch(/^STOP {2}slow-command {2}interrupted/m);
      expect(result.stdout).toMatch(/interrupted — 0 of 1 scenario finished/);
      const all = await pidsIn(pidFile);
      expect(all.length).toBeGreaterThan(0);
      // Every target the CLI started is gone once the CLI has exited.
      expect(all.filter(isAlive)).toEqual([]);
    } finally {
      stop(child);
      for (const pid of await pidsIn(pidFile)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
