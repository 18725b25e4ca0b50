/**
 * Scenario errors, one line per problem, in the form compilers use so that editors and CI
 * annotations can jump to it:
 *
 *   scenarios/bad.yaml:7:13: workload.messages: expected a positive integer, got "ten"
 *
 * Problems are listed in file order; the first one gives the error's `location`.
 */
import { SockfaultError } from '../errors.js';
import type { ScenarioIssue } from './issues.js';
import { locate, type SourcePosition, type SourcePositions } from './positions.js';

/** Where a scenario came from, for messages: the file as the user named it, and its positions when known. */
export interface ScenarioSource {
  label: string;
  positions?: SourcePositions | undefined;
}

/** A problem found while reading or parsing a file (syntax, tags, anchors). */
export interface ReadProblem {
  position?: SourcePosition | undefined;
  message: string;
}

interface Placed {
  line: string;
  location: string;
  position: SourcePosition | undefined;
  order: number;
  cause: unknown;
}

/** `<label>:<line>:<column>`, or the bare label when the position is unknown (TypeScript modules). */
export function placeIn(label: string, position: SourcePosition | undefined): string {
  return position ? `${label}:${position.line}:${position.column}` : label;
}

function byPosition(a: Placed, b: Placed): number {
  if (a.position && b.position) return a.position.line - b.position.line || a.position.column - b.position.column || a.order - b.order;
  if (a.position || b.position) return a.position ? -1 : 1;
  return a.order - b.order;
}

function combine(code: 'ERR_SCENARIO_INVALID' | 'ERR_SCENARIO_READ', placed: Placed[], cause: unknown): SockfaultError {
  placed.sort(byPosition);
  const first = placed[0];
  if (first === undefined) throw new RangeError('a scenario error needs at least one problem');
  return new SockfaultError(code, placed.map((entry) => entry.line).join('\n'), {
    location: first.location,
    cause: first.cause ?? cause,
  });
}

/**
 * ERR_SCENARIO_INVALID listing every issue.
 * @param cause kept when the first issue has no cause of its own (the ZodError).
 */
export function scenarioInvalid(issues: readonly ScenarioIssue[], source: ScenarioSource, cause?: unknown): SockfaultError {
  const placed = issues.map((issue, order): Placed => {
    const position = source.positions && locate(issue, source.positions);
    const location = placeIn(source.label, position);
    const line = `${location}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`;
    return { line, location, position, order, cause: issue.cause };
  });
  return combine('ERR_SCENARIO_INVALID', placed, cause);
}

/** ERR_SCENARIO_READ listing every problem found in the file's text. */
export function scenarioReadError(label: string, problems: readonly ReadProblem[], cause?: unknown): SockfaultError {
  const placed = problems.map((problem, order): Placed => {
    const location = placeIn(label, problem.position);
    return { line: `${location}: ${problem.message}`, location, position: problem.position, order, cause: undefined };
  });
  return combine('ERR_SCENARIO_READ', placed, cause);
}
