/** The zoo entries 8–14 as data for zoo-8-14.test.ts, and the bits of setup they share. */
import type { Caught } from './expectations.js';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

/** The seed of every search and run in these tests (fast-check seed and run seed). */
export const SEED = 814;

/** One entry: its folder, the anomaly its bug produces, the faults its `generate` may use. */
export interface ZooEntry extends Caught {
  dir: string;
}

/** The entries that share one shape of test; 11 and 14 have their own (see the test file). */
export const ENTRIES: readonly ZooEntry[] = [
  { dir: '08-double-reconnect', anomaly: 'duplicated', family: ['reset'] },
  { dir: '09-no-error-listener', anomaly: 'target-crashed', family: ['reset'] },
  { dir: '10-resend-acked', anomaly: 'duplicated', family: ['reset'] },
  { dir: '12-no-idle-timeout', anomaly: 'leaked', family: ['destroy', 'reset'], side: 'client' },
  { dir: '13-pipeline-drops-accepted', anomaly: 'lost', family: ['reset'] },
];

export const ZOO = fileURLToPath(new URL('../../scenarios/zoo/', import.meta.url));

/** Loads `buggy.yaml` or `fixed.yaml` of an entry folder. */
export function loadEntry(dir: string, twin: 'buggy' | 'fixed'): Promise<Scenario> {
  return loadScenario(join(ZOO, dir, `${twin}.yaml`));
}


/** Entry 14's servers keep their log in `$TMPDIR/sockfault-zoo-14-<parent pid>.jsonl` (this process). */
export function removeEntry14Log(): Promise<void> {
  return rm(join(tmpdir(), `sockfault-zoo-14-${process.pid}.jsonl`), { force: true });
}

