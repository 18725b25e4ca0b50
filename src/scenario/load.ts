/**
 * The entry points for scenario files:
 *
 *   loadScenario('scenarios/ledger.yaml') ─ read ─ parse (by extension) ─ validate ─▶ Scenario
 *   parseScenario(text, { file, format })  ─────── parse ──────────────── validate ─▶ Scenario
 *   defineScenario({...})                  types for `.ts` scenario modules
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { hasCode } from '../errors.js';
import { importScenarioModule, parseJsonSource, parseYamlSource, type ParsedSource } from './parse.js';
import { scenarioReadError } from './scenario-error.js';
import type { Scenario, ScenarioInput } from './types.js';
import { validateScenario } from './validate.js';

/** The text formats of scenario files. */
export type ScenarioFormat = 'yaml' | 'json';

const FORMATS: Readonly<Record<string, ScenarioFormat | 'module'>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.ts': 'module',
  '.mts': 'module',
  '.js': 'module',
  '.mjs': 'module',
};

/** Types a scenario written in TypeScript or JavaScript; returns it unchanged. */
export function defineScenario(input: ScenarioInput): ScenarioInput {
  return input;
}

function parseText(text: string, format: ScenarioFormat, label: string): ParsedSource {
  // Editors on Windows may save a byte-order mark; neither parser wants it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return format === 'json' ? parseJsonSource(body, label) : parseYamlSource(body, label);
}

/**
 * Parses and validates scenario text, for tests and tools that do not read a file.
 * @param options.file names the text in messages and anchors relative paths (it need not exist).
 * @param options.format default: from the extension of `file`, else `yaml`.
 * @throws SockfaultError ERR_SCENARIO_READ (syntax) or ERR_SCENARIO_INVALID (schema), with line:column.
 */
export function parseScenario(text: string, options: { file?: string; format?: ScenarioFormat; dir?: string } = {}): Scenario {
  const label = options.file ?? '<input>';
  const format = options.format ?? (FORMATS[extname(options.file ?? '').toLowerCase()] === 'json' ? 'json' : 'yaml');
  const { data, positions } = parseText(text, format, label);
  return validateScenario(data, {
    label,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.dir === undefined ? {} : { dir: options.dir }),
    ...(positions === undefined ? {} : { positions }),
  });
}

/**
 * Loads a scenario file (.yaml, .yml, .json, or a .ts/.mts/.js/.mjs module exporting
 * `defineScenario({...})`) and returns it with every default filled in. Relative paths in
 * it resolve against the file's folder.
 * @throws SockfaultError ERR_SCENARIO_READ (missing file, unsupported extension, syntax) or
 *   ERR_SCENARIO_INVALID (schema); messages read `<file>:<line>:<col>: <path>: <message>`.
 */
export async function loadScenario(path: string): Promise<Scenario> {
  const extension = extname(path).toLowerCase();
  const format = FORMATS[extension];
  if (format === undefined) {
    const known = Object.keys(FORMATS).join(', ');
    throw scenarioReadError(path, [{ message: `unsupported scenario file extension ${JSON.stringify(extension)} (expected one of ${known})` }]);
  }
  const file = resolve(path);
  let source: ParsedSource;
  try {
    if (format === 'module') await stat(file);
    source = format === 'module' ? await importScenarioModule(file, path) : parseText(await readFile(file, 'utf8'), format, path);
  } catch (error) {
    if (hasCode(error, 'ERR_SCENARIO_READ')) throw error;
    throw scenarioReadError(path, [{ message: `cannot read the scenario file: ${(error as Error).message}` }], error);
  }
  return validateScenario(source.data, {
    label: path,
    file,
    dir: dirname(file),
    ...(source.positions === undefined ? {} : { positions: source.positions }),
  });
}
