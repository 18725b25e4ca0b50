/**
 * Input of unknown shape → Scenario, or one ERR_SCENARIO_INVALID listing every problem:
 *
 *   data ─ scenarioInputSchema (zod) ─┬─ issues ─┐
 *        └ validateFault per fault ───┴─ issues ─┴─▶ scenarioInvalid (file:line:col: path: message)
 *   valid ─▶ normalizeScenario ─▶ Scenario (+ positions)
 */
import { dirname, resolve } from 'node:path';
import type { SourcePositions } from './positions.js';
import { issuesFromZod } from './issues.js';
import { checkFaults, normalizeScenario } from './normalize.js';
import { scenarioInputSchema } from './schema.js';
import { scenarioInvalid } from './scenario-error.js';
import type { Scenario, ScenarioInput } from './types.js';

/** Where a scenario came from. */
export interface ValidateOptions {
  /** The scenario file; relative paths in the scenario resolve against its folder. */
  file?: string;
  /** Folder for relative paths when there is no file. Default: the current directory. */
  dir?: string;
  /** How the file is named in messages. Default: `file`, else `<input>`. */
  label?: string;
  /** Positions of the fields in the file's text, when it was parsed from one. */
  positions?: SourcePositions;
}

/**
 * Checks a scenario of unknown shape (a parsed file, a module's export, an object from a
 * test) and fills in every default. Unknown keys are errors.
 * @throws SockfaultError ERR_SCENARIO_INVALID naming file, line:column and field path of each problem.
 */
export function validateScenario(input: unknown, options: ValidateOptions = {}): Scenario {
  const source = { label: options.label ?? options.file ?? '<input>', positions: options.positions };
  const parsed = scenarioInputSchema.safeParse(input);
  const issues = parsed.success ? [] : issuesFromZod(parsed.error.issues, input);
  const faults = (input as { faults?: unknown } | null)?.faults;
  if (Array.isArray(faults)) issues.push(...checkFaults(faults).issues);
  if (issues.length > 0 || !parsed.success) throw scenarioInvalid(issues, source, parsed.error);
  const dir = options.dir ?? (options.file === undefined ? process.cwd() : dirname(resolve(options.file)));
  const scenario = normalizeScenario(parsed.data as ScenarioInput, {
    dir,
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  if (options.positions) {
    // '' is the document itself, not a field.
    scenario.positions = Object.fromEntries([...options.positions.values].filter(([path]) => path !== ''));
  }
  return scenario;
}
