/**
 * The words of an outcome, shared by every reporter so that the console, JUnit, GitHub
 * annotations and the HTML page tell a failure the same way:
 *
 *   headline     "violated (expected to hold): 2 anomalies (1 lost, 1 duplicated)"
 *   explanation  the anomalies' details, the plan in words, seed/path, the replay command
 */
import { ANOMALY_KINDS } from '../checker/types.js';
import type { ScenarioReport } from './types.js';
import { plural } from './words.js';

/** `3 anomalies (2 lost, 1 duplicated)`, kinds in the checker's order. */
export function anomalyTally(report: ScenarioReport): string {
  const byKind = ANOMALY_KINDS.map((kind) => [kind, report.anomalies.filter((anomaly) => anomaly.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return `${plural(report.anomalies.length, 'anomaly', 'anomalies')}${byKind.length ? ` (${byKind.join(', ')})` : ''}`;
}

/** The status against the expectation, in a few words. */
export function outcomeWords(report: ScenarioReport): string {
  if (report.interrupted) return 'interrupted';
  if (report.status === 'errored') return `errored (${report.error?.code ?? 'ERR_HARNESS'})`;
  if (report.held) return report.status === 'violated' ? 'violated as expected' : 'held';
  return report.status === 'violated' ? 'violated (expected to hold)' : 'passed (expected a violation)';
}

/** One line for a summary or a CI title: the outcome and what it rests on. */
export function headline(report: ScenarioReport): string {
  if (report.status === 'errored') return `${outcomeWords(report)}: ${firstLine(report.error?.message ?? 'unknown error')}`;
  if (report.status === 'violated') return `${outcomeWords(report)}: ${anomalyTally(report)}`;
  return `${outcomeWords(report)} after ${plural(report.runs, 'run')}`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

/** Label of the plan: the search shrank it, or it is simply the plan that ran. */
export function planLabel(report: ScenarioReport): string {
  if (!report.failingPlan) return report.command === 'check' ? 'last plan' : 'plan';
  return report.command === 'check' ? 'minimal plan' : 'failing plan';
}

/**
 * Everything needed to understand and reproduce the outcome, one item per line (no
 * indentation: callers indent). Empty for a plain pass.
 * @param maxAnomalies details listed before "… and N more".
 */
export function explanationLines(report: ScenarioReport, maxAnomalies = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  if (report.status === 'errored') {
    const error = report.error;
    lines.push(...(error ? `${error.code}: ${error.message}`.split('\n') : ['the harness failed']));
    return lines;
  }
  if (report.status === 'passed' && report.held) return lines;
  if (report.status === 'passed') {
    lines.push(`no anomaly found in ${plural(report.runs, 'run')}, but the scenario expects a violation`);
  }
  for (const anomaly of report.anomalies.slice(0, maxAnomalies)) lines.push(`${anomaly.kind}: ${anomaly.detail}`);
  const hidden = report.anomalies.length - Math.min(report.anomalies.length, maxAnomalies);
  if (hidden > 0) lines.push(`… and ${plural(hidden, 'more anomaly', 'more anomalies')}`);
  lines.push(`${planLabel(report)}: ${report.planInWords}`);
  const replayable = [
    report.seed === undefined ? undefined : `seed ${report.seed}`,
    report.path === undefined ? undefined : `path ${report.path}`,
    report.shrinkSteps ? plural(report.shrinkSteps, 'shrink step') : undefined,
    report.agreed === undefined ? undefined : `${report.agreed}/${report.runs} runs agreed`,
  ].filter((part) => part !== undefined);
  if (replayable.length) lines.push(replayable.join(', '));
  if (report.replay) lines.push(`replay: ${report.replay}`);
  return lines;
}
