/**
 * The message a failing `faultTest` throws: what went wrong, the minimal plan in words,
 * the anomalies, and the commands that replay it — everything needed to reproduce it
 * without rerunning the search.
 */
import { describePlan } from '../faults/describe.js';
import { validateFault } from '../faults/validate.js';
import { displayPath } from '../property/replay-text.js';
import type { CheckResult } from '../property/types.js';
import type { Scenario } from '../scenario/types.js';

/** Anomalies listed in full; the rest are counted. */
const MAX_ANOMALIES = 10;

function runs(count: number): string {
  return `${count} run${count === 1 ? '' : 's'}`;
}

/** Why `result` does not hold, for a scenario that expects `violated` or not. */
export function failureMessage(result: CheckResult, scenario: Scenario, expectViolation: boolean): string {
  const where = `seed=${result.seed}${result.path === undefined ? '' : `, path=${result.path}`}`;
  if (result.status === 'errored') {
    const error = result.error;
    return `sockfault: ${scenario.name}: the harness could not run the scenario (${where}): ${error?.code ?? 'ERR_HARNESS'}: ${error?.message ?? 'unknown error'}`;
  }
  if (result.status === 'passed' && expectViolation) {
    const partial = result.interrupted ? ' (interrupted)' : '';
    return `sockfault: ${scenario.name}: expected the search to find a violation, but ${runs(result.runs)} held${partial} (${where})`;
  }
  const minimal = result.minimal;
  if (minimal === undefined) return `sockfault: ${scenario.name}: ${result.status} (${where})`;
  const plan = describePlan(minimal.plan.map((fault, index) => validateFault(fault, `plan[${index}]`)));
  const confirmed = result.confirmed === undefined ? '' : result.confirmed ? ', confirmed by a re-run' : ', NOT confirmed: a re-run did not fail the same way';
  const anomalies = minimal.verdict.anomalies;
  const lines = [
    `sockfault: ${scenario.name}: anomalies found after ${runs(result.runs)} (${where})`,
    '',
    `Minimal plan (${result.shrinkSteps} shrink step${result.shrinkSteps === 1 ? '' : 's'}${confirmed}):`,
    `  ${plan}`,
    '',
    `Anomalies (${anomalies.length}):`,
    ...anomalies.slice(0, MAX_ANOMALIES).map((anomaly) => `  - ${anomaly.kind}: ${anomaly.detail}`),
    ...(anomalies.length > MAX_ANOMALIES ? [`  … and ${anomalies.length - MAX_ANOMALIES} more`] : []),
    '',
    'Replay:',
    ...replayLines(result, scenario),
  ];
  return lines.join('\n');
}

function replayLines(result: CheckResult, scenario: Scenario): string[] {
  const lines: string[] = [];
  if (result.replayCommand !== undefined) lines.push(`  ${result.replayCommand}`);
  if (result.replayPlan !== undefined) {
    const file = scenario.file === undefined ? '<scenario file>' : displayPath(scenario.file);
    lines.push(`  or save the plan as plan.json and run: sockfault replay ${file} --seed ${result.seed} --plan plan.json`);
    lines.push(`  plan.json: ${result.replayPlan}`);
  }
  lines.push(`  in Jest: faultTest(name, scenario, { seed: ${result.seed} }) runs the same search again`);
  return lines;
}
