/**
 * Readback: what did the server really keep? Runs after the workload ended and the faults
 * were cleared, over a direct connection to the server.
 *
 *   'none'              → undefined (the checker then judges acks only)
 *   'builtin'           → the query of the built-in workload (lines / frames / http)
 *   { lines: {…} }      → the lines query with custom query / entry / end
 *   { module }          → the user's function, entries kept as returned
 *   { file }            → JSON lines of { id, payload? } written by the server
 *
 * Built-in and file readbacks keep only this run's ids (`${runId}-…`): a server reused
 * across the runs of a search still holds earlier runs' entries, which are not this
 * run's anomalies. A module gets `runId` and filters for itself.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SockfaultError } from '../errors.js';
import { parseJsonLines } from '../history/serialise.js';
import type { Observation } from '../history/types.js';
import type { ReadbackInput, WorkloadInput } from '../scenario/types.js';
import { runCustomReadback } from './custom-module.js';
import { readFrames, readHttp, readLines, toObservation } from './readback-queries.js';
import type { ReadbackContext } from './types.js';

/** Keeps the entries whose id belongs to `runId`. */
export function keepRun(observations: Observation[], runId: string): Observation[] {
  const prefix = `${runId}-`;
  return observations.filter((o) => o.id.startsWith(prefix));
}

/** Reads a JSON-lines file of `{ id, payload? }` (path relative to `dir`). */
export async function readObservationFile(file: string, dir: string): Promise<Observation[]> {
  const path = resolve(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new SockfaultError('ERR_READBACK', `readback file could not be read: ${path}`, { cause, location: file });
  }
  return parseJsonLines(text, 'ERR_READBACK', file).map(({ line, value }) =>
    toObservation(value, `${file} line ${line}`),
  );
}

async function builtin(workload: WorkloadInput, ctx: ReadbackContext): Promise<Observation[]> {
  if (!('type' in workload)) {
    throw new SockfaultError(
      'ERR_READBACK',
      'readback "builtin" needs a built-in workload (lines, frames or http); use { module } or { file } with a custom workload',
      { location: 'readback' },
    );
  }
  switch (workload.type) {
    case 'lines':
      return readLines(ctx);
    case 'frames':
      return readFrames(ctx);
    case 'http':
      return readHttp(ctx, workload.path ?? '/entries');
  }
}

/**
 * Learns what the server kept. Resolves `undefined` for `none`; throws ERR_READBACK when
 * the server cannot be read or its answer does not parse.
 */
export async function readBack(
  input: ReadbackInput,
  workload: WorkloadInput,
  ctx: ReadbackContext,
  options: { dir: string },
): Promise<Observation[] | undefined> {
  if (input === 'none') return undefined;
  if (input === 'builtin') return keepRun(await builtin(workload, ctx), ctx.runId);
  if (typeof input === 'object' && input !== null) {
    if ('module' in input) return runCustomReadback(input.module, ctx, options.dir);
    if ('file' in input) return keepRun(await readObservationFile(input.file, options.dir), ctx.runId);
    if ('lines' in input) return keepRun(await readLines(ctx, input.lines ?? {}), ctx.runId);
  }
  throw new SockfaultError('ERR_READBACK', `unknown readback: ${JSON.stringify(input)}`, { location: 'readback' });
}
