/**
 * Benchmark: runs per second of the property search on the bundled ledger scenario, with
 * the server in-process (`module` target, one server reused across runs) and spawned
 * (`command` target: `node scenarios/servers/ledger-server.js`, restarted only when a
 * fault killed it). Targets on 2 cores: ≥ 50 runs/s in-process, ≥ 10 runs/s spawned.
 *
 * Every plan is run (the correct ledger never fails, so nothing is shrunk); the rate
 * excludes the calibration run and the first target start.
 *
 *   node --import tsx bench/search.ts [--runs N] [--seed S]
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkScenario } from '../src/property/check-scenario.js';
import type { CheckResult } from '../src/property/types.js';
import { loadScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/types.js';

const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));

export interface SearchBenchOptions {
  runs: number;
  seed: number;
}

const DEFAULTS: SearchBenchOptions = { runs: 200, seed: 1 };

/** The ledger scenario with its server spawned as a child process instead of imported. */
export function spawnedLedger(scenario: Scenario): Scenario {
  return {
    ...scenario,
    name: `${scenario.name} (spawned)`,
    target: {
      command: [process.execPath, `${SCENARIOS}servers/ledger-server.js`],
      shell: false,
      env: {},
      cwd: SCENARIOS,
      ready: { log: 'listening on' },
      readyTimeout: 10_000,
      stopGrace: 2000,
    },
  };
}

interface Row {
  target: string;
  result: CheckResult;
}

function parseArgs(argv: readonly string[]): SearchBenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--runs' && Number.isInteger(value) && value > 0) options.runs = value;
    else if (argv[i] === '--seed' && Number.isInteger(value)) options.seed = value;
    else throw new Error(`usage: bench/search.ts [--runs N] [--seed S] (got ${argv[i]} ${argv[i + 1] ?? ''})`);
  }
  return options;
}

function print(rows: readonly Row[]): void {
  console.log('target        runs   runs/s   total s   status');
  for (const { target, result } of rows) {
    const total = (result.durationMs / 1000).toFixed(1);
    console.log(
      `${target.padEnd(12)} ${String(result.runs).padStart(5)} ${result.runsPerSecond.toFixed(1).padStart(8)} ${total.padStart(9)}   ${result.status}`,
    );
  }
}

/** Runs the search on both targets and prints one row each. */
export async function main(options: SearchBenchOptions = DEFAULTS): Promise<Row[]> {
  const ledger = await loadScenario(`${SCENARIOS}ledger.yaml`);
  const rows: Row[] = [];
  for (const [target, scenario] of [
    ['in-process', ledger],
    ['spawned', spawnedLedger(ledger)],
  ] as const) {
    const result = await checkScenario(scenario, { runs: options.runs, seed: options.seed });
    if (result.status === 'errored') throw new Error(`${target}: ${result.error?.code} ${result.error?.message}`);
    rows.push({ target, result });
  }
  print(rows);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(parseArgs(process.argv.slice(2)));
}
