/**
 * Loading users' workload and readback modules: `import()` of a path relative to the
 * scenario's folder, whose default export is the function (from `defineWorkload` /
 * `defineReadback`, or a plain async function).
 *
 * The file is checked before importing so that "no such file" is told apart from a
 * module that exists but fails to import (a missing dependency, a syntax error).
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importModule } from '../import-module.js';
import { SockfaultError, hasCode } from '../errors.js';
import type { Observation } from '../history/types.js';
import { toObservation } from './readback-queries.js';
import type { ReadbackContext, ReadbackFn, WorkloadContext, WorkloadFn } from './types.js';

type ModuleCode = 'ERR_WORKLOAD' | 'ERR_READBACK';

/** Imports `path` (relative to `dir`) and returns its default-exported function. */
export async function loadDefaultFunction(path: string, dir: string, code: ModuleCode): Promise<(ctx: never) => unknown> {
  const kind = code === 'ERR_WORKLOAD' ? 'workload' : 'readback';
  if (typeof path !== 'string' || path === '') {
    throw new SockfaultError(code, `${kind} module: expected a file path`);
  }
  const file = resolve(dir, path);
  try {
    await access(file);
  } catch (cause) {
    throw new SockfaultError(code, `${kind} module not found: ${file}`, { cause, location: path });
  }
  let loaded: { default?: unknown };
  try {
    loaded = (await importModule(file)) as { default?: unknown };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new SockfaultError(code, `${kind} module ${file} failed to load: ${detail}`, { cause, location: path });
  }
  if (typeof loaded.default !== 'function') {
    throw new SockfaultError(
      code,
      `${kind} module ${file} has no default-exported function (use \`export default define${kind === 'workload' ? 'Workload' : 'Readback'}(async (ctx) => …)\`)`,
      { location: path },
    );
  }
  return loaded.default as (ctx: never) => unknown;
}

/**
 * Runs a custom workload module. A rejection becomes ERR_WORKLOAD (cause kept), except
 * once the run's signal has aborted: then the run is ending anyway and the runner reports it.
 */
export async function runCustomWorkload(
  input: { module: string; options?: Record<string, unknown> },
  ctx: WorkloadContext,
  dir: string,
): Promise<void> {
  const fn = (await loadDefaultFunction(input.module, dir, 'ERR_WORKLOAD')) as WorkloadFn;
  try {
    await fn({ ...ctx, options: input.options ?? {} });
  } catch (cause) {
    if (ctx.signal.aborted) return;
    // Matched by name, not instanceof: the module may have loaded its own copy of errors.ts.
    if ((cause as { name?: unknown } | null)?.name === 'SockfaultError') throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new SockfaultError('ERR_WORKLOAD', `workload module ${input.module} threw: ${detail}`, { cause });
  }
}

/**
 * Runs a custom readback module and checks what it returned (an array of `{ id, payload? }`).
 * Its entries are kept as returned (repeats included); it gets `runId` to filter itself.
 */
export async function runCustomReadback(path: string, ctx: ReadbackContext, dir: string): Promise<Observation[]> {
  const fn = (await loadDefaultFunction(path, dir, 'ERR_READBACK')) as ReadbackFn;
  let result: unknown;
  try {
    result = await fn(ctx);
  } catch (cause) {
    if (hasCode(cause, 'ERR_READBACK')) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new SockfaultError('ERR_READBACK', `readback module ${path} threw: ${detail}`, { cause });
  }
  if (!Array.isArray(result)) {
    throw new SockfaultError('ERR_READBACK', `readback module ${path} must resolve to an array of { id, payload }`);
  }
  return result.map((entry, i) => toObservation(entry, `readback module ${path} [${i}]`));
}
