/** Shared by the property integration tests: the bundled scenarios and a plan recorder. */
import { fileURLToPath } from 'node:url';
import type { FaultInput } from '../../../src/faults/types.js';
import type { ProgressEvent } from '../../../src/property/types.js';
import { loadScenario } from '../../../src/scenario/load.js';
import type { Scenario } from '../../../src/scenario/types.js';

export const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** A bundled scenario (`ledger`, `ledger-no-dedup`). */
export function bundled(name: string): Promise<Scenario> {
  return loadScenario(`${SCENARIOS}${name}.yaml`);
}

/** Records every progress event, and the plans of the `run` and `shrink` events in order. */
export function recorder(): { events: ProgressEvent[]; plans: FaultInput[][]; onProgress(event: ProgressEvent): void } {
  const events: ProgressEvent[] = [];
  const plans: FaultInput[][] = [];
  return {
    events,
    plans,
    onProgress(event) {
      events.push(event);
      if ((event.type === 'run' || event.type === 'shrink') && event.plan) plans.push(event.plan);
    },
  };
}
