/**
 * What every workload test file sets up the same way: cleanups run after each test (newest
 * first), example servers and workload runs that register their own cleanup.
 */
import { afterEach } from '@jest/globals';
import type { WorkloadInput } from '../../../src/scenario/types.js';
import { runWorkload } from '../../../src/workload/index.js';
import { createTestContext, type TestContext, type TestContextOptions } from './context.js';
import { startExample, type RunningServer } from './servers.js';

export interface WorkloadFixture {
  /** Runs `cleanup` after the current test. */
  defer(cleanup: () => unknown): void;
  /** Starts `scenarios/servers/<name>`, closed after the test. */
  example(name: string): Promise<RunningServer>;
  /** Runs a workload against `address` with a fresh test context (closed after the test). */
  run(address: { host: string; port: number }, input: WorkloadInput, options?: TestContextOptions): Promise<TestContext>;
}

/** Call once at the top of a test file. */
export function workloadFixture(): WorkloadFixture {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const defer = (cleanup: () => unknown): void => void cleanups.push(cleanup);
  return {
    defer,
    async example(name) {
      const server = await startExample(name);
      defer(() => server.close());
      return server;
    },
    async run(address, input, options = {}) {
      const test = createTestContext(address, options);
      defer(() => test.close());
      await runWorkload(input, test.ctx, { dir: process.cwd() });
      return test;
    },
  };
}
