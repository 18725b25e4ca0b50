/**
 * Identity helpers for custom modules: `export default defineWorkload(async (ctx) => …)`.
 * They only add types; a plain default-exported async function works the same.
 */
import type { ReadbackFn, WorkloadFn } from './types.js';

/** Declares a custom workload module's default export (identity; adds types). */
export function defineWorkload(fn: WorkloadFn): WorkloadFn {
  return fn;
}

/** Declares a custom readback module's default export (identity; adds types). */
export function defineReadback(fn: ReadbackFn): ReadbackFn {
  return fn;
}
