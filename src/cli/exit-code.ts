/**
 * Exit codes of the CLI, and how several scenarios combine into one:
 *
 *   0  every scenario held (as its `expect.verdict` says)
 *   1  a scenario did not hold (anomalies found where it should hold, or none where a
 *      violation was expected)
 *   2  bad usage: unknown flag, missing file, invalid scenario or plan file
 *   3  harness error: a scenario could not be run (target did not start, broken module)
 *   130 / 143  interrupted by SIGINT / SIGTERM (128 + signal number), after teardown
 *
 * With several scenarios the most severe wins, in the order 2 > 3 > 1 > 0: a usage error
 * means the run itself is wrong and must be fixed first; a harness error means some
 * results are missing, which is worse than a result that says "violated".
 */
import type { ScenarioReport } from '../report/types.js';

/** The exit codes by meaning. */
export const EXIT = { held: 0, notHeld: 1, usage: 2, harness: 3 } as const;

/** 128 + the signal number, as shells report a process ended by that signal. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

/** Error codes that mean the user asked for something wrong, not that the harness broke. */
export const USAGE_ERROR_CODES: ReadonlySet<string> = new Set([
  'ERR_SCENARIO_INVALID',
  'ERR_SCENARIO_READ',
  'ERR_INVALID_ARGUMENT',
  'ERR_INVALID_FAULT',
  'ERR_REMOTE_TARGET',
]);

/** Severity order: a higher rank wins when combining. */
const RANK: Readonly<Record<number, number>> = { 0: 0, 1: 1, 3: 2, 2: 3 };

/** The exit code one scenario asks for. */
export function scenarioExitCode(report: ScenarioReport): number {
  if (report.status === 'errored') return report.error && USAGE_ERROR_CODES.has(report.error.code) ? EXIT.usage : EXIT.harness;
  return report.held ? EXIT.held : EXIT.notHeld;
}

/** The most severe of `codes` (2 > 3 > 1 > 0); 0 for none. */
export function combineExitCodes(codes: Iterable<number>): number {
  let worst: number = EXIT.held;
  for (const code of codes) if ((RANK[code] ?? 0) > (RANK[worst] ?? 0)) worst = code;
  return worst;
}

/** The exit code of a whole command. */
export function exitCodeOf(reports: readonly ScenarioReport[]): number {
  return combineExitCodes(reports.map(scenarioExitCode));
}
