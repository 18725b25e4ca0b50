/**
 * zod issues → scenario issues: one per problem, each with the field path as written in
 * the file (`faults[1].at.bytes`), a human message, and which source position fits it
 * (the value, the key itself for unknown keys, the enclosing object for missing keys).
 *
 * Unions: when one option clearly fits the input (nothing wrong at its top level, none of
 * its required keys missing), that option's own issues are reported, so `target.reuse:
 * expected true or false` beats `target: expected one of command, module or address`.
 */
import type { z } from 'zod';

/** One problem in a scenario, before it is placed in the file. */
export interface ScenarioIssue {
  /** Field path: `workload.messages`, `faults[0].at.bytes`; `''` is the whole scenario. */
  path: string;
  message: string;
  /** Which position to report: the value, the key (unknown keys), or the object missing the key. */
  at: 'value' | 'key' | 'missing';
  /** The original error, when another validator raised it (validateFault). */
  cause?: unknown;
}

type Segment = PropertyKey;

/** `faults[1].at.bytes` — the same spelling `validateFault` uses. */
export function formatPath(path: readonly Segment[]): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** True when `path` names a key that the object holding it does not have. */
function isMissing(root: unknown, path: readonly Segment[]): boolean {
  const key = path.at(-1);
  const parent = valueAt(root, path.slice(0, -1));
  return key !== undefined && isPlainObject(parent) && !Object.hasOwn(parent, key);
}

/** The single option with the fewest issues among `candidates`, or undefined on a tie. */
function single(candidates: readonly z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const fewest = Math.min(...candidates.map((issues) => issues.length));
  const best = candidates.filter((issues) => issues.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

/**
 * The option of a failed union that fits `value`, or undefined when none clearly does.
 * First choice: an option whose type matches and whose required keys are all there. Else
 * the one option whose type matches at all (`payload: { min: 1 }` → `payload.max` is
 * missing). Several equal candidates (`{ module, command }`) fit none: the union's own
 * "expected one of ..." is the better message then.
 */
function fittingOption(options: readonly z.core.$ZodIssue[][], value: unknown): z.core.$ZodIssue[] | undefined {
  const typeMatches = options.filter((issues) => issues.every((issue) => issue.path.length > 0 || issue.code === 'unrecognized_keys'));
  const complete = typeMatches.filter((issues) => issues.every((issue) => !(issue.path.length === 1 && isMissing(value, issue.path))));
  if (complete.length > 0) return single(complete);
  return typeMatches.length === 1 ? typeMatches[0] : undefined;
}

/**
 * Converts zod issues found in `input` (relative to `base`) into scenario issues.
 * @param input the whole value zod parsed, to look up offending values and missing keys.
 */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[], input: unknown, base: readonly Segment[] = []): ScenarioIssue[] {
  const result: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const where = path.length === 0 ? 'the scenario' : formatPath(path);
      for (const key of issue.keys) {
        result.push({ path: formatPath([...path, key]), message: `unknown key "${key}" in ${where} (${issue.message})`, at: 'key' });
      }
    } else if (path.length > 0 && isMissing(input, path)) {
      result.push({ path: formatPath(path), message: 'required key is missing', at: 'missing' });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const option = fittingOption(issue.errors, valueAt(input, path));
      if (option) result.push(...issuesFromZod(option, input, path));
      else result.push({ path: formatPath(path), message: issue.message, at: 'value' });
    } else {
      result.push({ path: formatPath(path), message: issue.message, at: 'value' });
    }
  }
  return result;
}
