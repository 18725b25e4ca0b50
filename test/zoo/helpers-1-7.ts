/** The zoo entries 1–7 as data for zoo-1-7.test.ts, and the bits of setup they share. */
import type { Caught } from './expectations.js';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

/** The seed of every search and run in these tests (fast-check seed and run seed). */
export const SEED = 1707;

/** One entry: its folder, the anomaly its bug produces, the fault family its `generate` uses. */
export interface ZooEntry extends Caught {
  dir: string;
  /**
   * Runs of the scenario's own `faults:` plan allowed to find the bug (default 1). Entry 1's
   * kill races the server's 20 ms flush timer: a flush can land between the acks and the
   * SIGKILL, and then nothing acknowledged is lost in that run.
   */
  planAttempts?: number;
}

export const ENTRIES: readonly ZooEntry[] = [
  { dir: '01-ack-before-store', anomaly: 'lost', family: ['kill-target'], planAttempts: 3 },
  { dir: '02-retry-without-idempotency-key', anomaly: 'duplicated', family: ['destroy', 'reset'] },
  { dir: '03-write-callback-as-delivery', anomaly: 'lost', family: ['destroy', 'reset'] },
  { dir: '04-one-data-event-one-message', anomaly: 'unexpected', family: ['fragment'] },
  { dir: '05-utf8-split-across-chunks', anomaly: 'unexpected', family: ['fragment'] },
  { dir: '06-partial-frame-on-end', anomaly: 'unexpected', family: ['destroy', 'half-close'] },
  { dir: '07-flush-on-end-and-close', anomaly: 'duplicated', family: ['destroy', 'half-close'] },
];

const ZOO = fileURLToPath(new URL('../../scenarios/zoo/', import.meta.url));

/** Loads `buggy.yaml` or `fixed.yaml` of an entry. */
export function loadEntry(entry: ZooEntry, twin: 'buggy' | 'fixed'): Promise<Scenario> {
  return loadScenario(join(ZOO, entry.dir, `${twin}.yaml`));
}


/**
 * Entry 1's servers keep their log in `$TMPDIR/sockfault-zoo-01-<parent pid>.jsonl` (this
 * process is their parent) and remove it on SIGTERM. A server stopped while it was still
 * booting cannot, so the tests remove it before and after, for the next search to start clean.
 */
export function removeEntry1Log(): Promise<void> {
  return rm(join(tmpdir(), `sockfault-zoo-01-${process.pid}.jsonl`), { force: true });
}

