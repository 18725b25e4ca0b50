/** Argument checks and defaults shared by `checkScenario` and `replayScenario`. */
import { SockfaultError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';

/** The range of seeds a scenario file accepts (`generate.seed`), and fast-check's. */
const SEED_MIN = -(2 ** 31);
const SEED_MAX = 2 ** 31 - 1;
const PATH = /^\d+(:\d+)*$/;

function fail(name: string, message: string): never {
  throw new SockfaultError('ERR_INVALID_ARGUMENT', `${name}: ${message}`);
}

function checkPositive(name: string, field: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1)) {
    fail(name, `${field} must be an integer ≥ 1, got ${String(value)}`);
  }
}

/** Checks the options both entry points share; throws ERR_INVALID_ARGUMENT with a plain message. */
export function checkArguments(
  name: string,
  scenario: Scenario,
  options: { runs?: unknown; seed?: unknown; path?: unknown; timeout?: unknown; repeat?: unknown },
): void {
  if (typeof scenario !== 'object' || scenario === null || typeof scenario.dir !== 'string' || typeof scenario.generate !== 'object') {
    fail(name, 'expected a loaded scenario (loadScenario, parseScenario or normalizeScenario)');
  }
  if (typeof options !== 'object' || options === null) fail(name, 'options must be an object');
  checkPositive(name, 'runs', options.runs);
  checkPositive(name, 'timeout', options.timeout);
  checkPositive(name, 'repeat', options.repeat);
  const { seed, path } = options;
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < SEED_MIN || seed > SEED_MAX)) {
    fail(name, `seed must be a 32-bit integer, got ${String(seed)}`);
  }
  if (path !== undefined && (typeof path !== 'string' || !PATH.test(path))) {
    fail(name, `path must look like "12:0:3" (from an earlier search), got ${JSON.stringify(path)}`);
  }
  if (scenario.generate.actions.length === 0) fail(name, 'generate.actions must list at least one action');
}

/** A fresh seed for a search that was given none; it is reported so the search can be replayed. */
export function drawSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x8000_0000)) | 0;
}

/** The seed given, else the scenario's `generate.seed`, else a fresh one. */
export function resolveSeed(seed: number | undefined, scenario: Scenario): number {
  return seed ?? scenario.generate.seed ?? drawSeed();
}

/** The scenario with `timeout` (ms per run) overridden, when one is given. */
export function withTimeout(scenario: Scenario, timeout: number | undefined): Scenario {
  return timeout === undefined ? scenario : { ...scenario, timeout };
}
