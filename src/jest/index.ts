/**
 * `sockfault/jest`: a property search over fault plans as one Jest test, in the style of
 * `@fast-check/jest` — the seed is in the test name, and a failure prints the minimal
 * plan, its anomalies and the command that replays it.
 *
 *   faultTest('ledger keeps every entry once', 'scenarios/ledger.yaml', { runs: 100 });
 *   ─▶ test('ledger keeps every entry once (with seed=123)', …)  → checkScenario → held?
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@jest/globals';
import { checkScenario } from '../property/check-scenario.js';
import { drawSeed } from '../property/options.js';
import type { CheckResult } from '../property/types.js';
import { loadScenario, parseScenario } from '../scenario/load.js';
import type { Scenario, ScenarioInput } from '../scenario/types.js';
import { validateScenario } from '../scenario/validate.js';
import { failureMessage } from './failure-message.js';

/** A loaded scenario, a scenario object as written in a `.ts` file, or the path (or file URL) of a scenario file. */
export type FaultTestScenario = Scenario | ScenarioInput | string | URL;

export interface FaultTestOptions {
  /** Plans to try (default: the scenario's `generate.runs`). */
  runs?: number;
  /** Seed of the search (default: the scenario's `generate.seed`, else a fresh one — shown in the test name). */
  seed?: number;
  /** Jest timeout of the test in ms. Default 300000: a search runs many plans. */
  timeout?: number;
  /**
   * `true`: the test passes only when the search finds a violation (a known-buggy
   * server); `false`: only when it finds none. Default: the scenario's `expect.verdict`.
   */
  expectViolation?: boolean;
}

/** Jest timeout of a `faultTest` unless `options.timeout` says otherwise. */
export const DEFAULT_FAULT_TEST_TIMEOUT = 300_000;

/** The test name with its seed, as `@fast-check/jest` writes it: `name (with seed=123)`. */
export function faultTestName(name: string, seed: number): string {
  return `${name} (with seed=${seed})`;
}

/**
 * Registers a Jest test that runs the property search of `scenario` and fails with the
 * minimal plan, its anomalies and the replay command when the scenario does not hold.
 * Relative paths are resolved against the current directory (Jest's `rootDir` usually).
 */
export function faultTest(name: string, scenario: FaultTestScenario, options: FaultTestOptions = {}): void {
  const seed = options.seed ?? seedKnownAt(scenario) ?? drawSeed();
  test(
    faultTestName(name, seed),
    async () => {
      await runFaultTest(scenario, { ...options, seed });
    },
    options.timeout ?? DEFAULT_FAULT_TEST_TIMEOUT,
  );
}

/**
 * The body of a `faultTest`, usable on its own: runs the search and resolves with its
 * result when the scenario holds, else throws an Error whose message says why (see
 * {@link faultTest}).
 */
export async function runFaultTest(scenario: FaultTestScenario, options: Omit<FaultTestOptions, 'timeout'> = {}): Promise<CheckResult> {
  const loaded = await loadFaultTestScenario(scenario);
  const expectViolation = options.expectViolation ?? loaded.expect.verdict === 'violated';
  const expected: Scenario = { ...loaded, expect: { ...loaded.expect, verdict: expectViolation ? 'violated' : 'holds' } };
  const result = await checkScenario(expected, {
    ...(options.runs === undefined ? {} : { runs: options.runs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  if (!result.held) throw new Error(failureMessage(result, expected, expectViolation));
  return result;
}

/** A scenario from any of the accepted forms, validated and with every default filled in. */
export async function loadFaultTestScenario(scenario: FaultTestScenario): Promise<Scenario> {
  if (typeof scenario === 'string') return loadScenario(scenario);
  if (scenario instanceof URL) return loadScenario(fileURLToPath(scenario));
  if (isLoaded(scenario)) return scenario;
  return validateScenario(scenario, { dir: process.cwd() });
}

function isLoaded(scenario: Scenario | ScenarioInput): scenario is Scenario {
  return typeof (scenario as Partial<Scenario>).dir === 'string';
}

/**
 * The scenario's own `generate.seed`, when it can be read while Jest collects tests
 * (synchronously): from an object, or a YAML / JSON file. Module files are only loaded in
 * the test, so their seed is drawn (pass `seed` to pin it). A file that does not parse
 * fails in the test, with its error, not here.
 */
function seedKnownAt(scenario: FaultTestScenario): number | undefined {
  if (typeof scenario !== 'string' && !(scenario instanceof URL)) return scenario.generate?.seed;
  const file = typeof scenario === 'string' ? scenario : fileURLToPath(scenario);
  if (!['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase())) return undefined;
  try {
    return parseScenario(readFileSync(file, 'utf8'), { file }).generate.seed;
  } catch {
    return undefined;
  }
}

export type { CheckResult } from '../property/types.js';
