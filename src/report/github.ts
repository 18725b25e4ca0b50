/**
 * The `github` reporter: workflow commands that GitHub Actions turns into annotations on
 * the scenario file, one per scenario that did not hold:
 *
 *   ::error file=scenarios/ledger.yaml,line=24,title=sockfault%3A ledger::violated …%0Alost: …
 *
 * Escaping follows the runner's rules: in the message `%`, CR and LF; in properties also
 * `:` and `,` (they delimit properties).
 */
import { escapeGithubData, escapeGithubProperty } from './escape.js';
import { explanationLines, headline } from './explain.js';
import type { ScenarioReport } from './types.js';

/** The workflow command of one scenario, or `''` when it held (or was interrupted). */
export function formatGithubScenario(report: ScenarioReport): string {
  if (report.held || report.interrupted) return '';
  const properties = [
    ...(report.file === undefined ? [] : [`file=${escapeGithubProperty(report.file)}`, `line=${report.line}`]),
    `title=${escapeGithubProperty(`sockfault: ${report.name}`)}`,
  ];
  // An error's explanation starts with its code and message: a headline would repeat it.
  const lines = explanationLines(report);
  const message = (report.status === 'errored' ? lines : [headline(report), ...lines]).join('\n');
  return `::error ${properties.join(',')}::${escapeGithubData(message)}\n`;
}

/** Every scenario's command, in order. */
export function formatGithub(reports: readonly ScenarioReport[]): string {
  return reports.map(formatGithubScenario).join('');
}
