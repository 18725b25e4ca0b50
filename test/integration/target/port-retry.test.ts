import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTarget } from '../../../src/target/index.js';

const fixtures = fileURLToPath(new URL('../../fixtures/targets/', import.meta.url));

describe('command target start', () => {
  it('tries a fresh port when the server reports EADDRINUSE (the port was taken after get-port chose it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sockfault-port-'));
    const attempts = join(dir, 'attempts');
    try {
      const target = await startTarget(
        { command: [process.execPath, 'busy-port-once.js'], env: { ATTEMPTS_FILE: attempts }, ready: { log: 'listening' } },
        { dir: fixtures },
      );
      try {
        const ports = (await readFile(attempts, 'utf8')).trim().split('\n').map(Number);
        expect(ports).toHaveLength(2);
        expect(ports[0]).not.toBe(ports[1]);
        expect(target.port).toBe(ports[1]);
      } finally {
        await target.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
