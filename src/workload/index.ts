/**
 * Workloads drive client traffic through the fault proxy and record it in the history;
 * readback then asks the server directly what it kept. The runner calls exactly
 * {@link runWorkload} and {@link readBack}.
 */
import { SockfaultError } from '../errors.js';
import type { WorkloadInput } from '../scenario/types.js';
import { runCustomWorkload } from './custom-module.js';
import { runFrames } from './frames.js';
import { runHttp } from './http.js';
import { runLines } from './lines.js';
import type { WorkloadContext } from './types.js';

export type { WorkloadContext, WorkloadFn, ReadbackContext, ReadbackFn } from './types.js';
export { defineWorkload, defineReadback } from './define-workload.js';
export { readBack } from './readback.js';

/**
 * Runs one workload to its end: a built-in (`lines`, `frames`, `http`) or a custom module
 * (path relative to `options.dir`). Built-ins resolve once every op has an outcome, also
 * when `ctx.signal` aborts (ops cut short end `info` or `fail`).
 */
export async function runWorkload(input: WorkloadInput, ctx: WorkloadContext, options: { dir: string }): Promise<void> {
  if ('module' in input) return runCustomWorkload(input, ctx, options.dir);
  switch (input.type) {
    case 'lines':
      return runLines(input, ctx);
    case 'frames':
      return runFrames(input, ctx);
    case 'http':
      return runHttp(input, ctx);
    default:
      throw new SockfaultError('ERR_WORKLOAD', `unknown workload type: ${JSON.stringify((input as { type?: unknown }).type)}`, {
        location: 'workload.type',
      });
  }
}
