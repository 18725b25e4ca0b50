/**
 * The `text` reporter (default): a block per scenario as it finishes, a summary at the
 * end, and the words of the live progress line (the CLI draws it on a TTY).
 *
 *   PASS  ledger  held · 50 runs · 41.2 runs/s · 1.2 s
 *   FAIL  ledger-ack-first  violated (expected to hold): 1 anomaly (1 lost) · 7 runs · …
 *         lost: op r3-m2 (connection 1) was acknowledged (ok) but the server never kept it; …
 *         minimal plan: reset both sides at 1,534 bytes upstream on connection 1
 *         seed 42, path 3:1:0
 *         replay: sockfault replay scenarios/ledger-ack-first.yaml --seed 42 --path 3:1:0
 */
import type { ProgressEvent } from '../property/types.js';
import { anomalyTally, explanationLines, headline, outcomeWords, planLabel } from './explain.js';
import type { FormatOptions, ScenarioReport } from './types.js';
import { formatDuration, formatRate, plural } from './words.js';

const INDENT = '      ';
const ANSI = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

function paint(options: FormatOptions, style: keyof typeof ANSI, text: string): string {
  return options.color ? `\u001B[${ANSI[style]}m${text}\u001B[0m` : text;
}

/** `PASS` / `FAIL` / `ERROR` / `STOP`, padded so that names line up. */
function badge(report: ScenarioReport, options: FormatOptions): string {
  if (report.interrupted) return paint(options, 'yellow', 'STOP ');
  if (report.status === 'errored') return paint(options, 'red', 'ERROR');
  return report.held ? paint(options, 'green', 'PASS ') : paint(options, 'red', 'FAIL ');
}

/** The first line of a scenario: status, outcome, runs, runs/s and time. */
export function formatScenarioLine(report: ScenarioReport, options: FormatOptions = {}): string {
  // An error is explained on the lines below; its runs and rate would say nothing.
  const brief = report.held || report.interrupted || report.status === 'errored';
  const counted = report.status !== 'errored' && report.runs > 0;
  const facts = [
    brief ? outcomeWords(report) : headline(report),
    ...(counted ? [plural(report.runs, 'run'), formatRate(report.runsPerSecond)] : []),
    formatDuration(report.durationMs),
  ];
  return `${badge(report, options)} ${paint(options, 'bold', report.name)}  ${facts.join(' · ')}`;
}

/** A scenario's block: its line, then what explains it (indented). */
export function formatScenario(report: ScenarioReport, options: FormatOptions = {}): string {
  const lines = [formatScenarioLine(report, options)];
  if (report.held && report.status === 'violated') {
    // A buggy example caught as expected: say what was caught, briefly.
    lines.push(`${INDENT}caught: ${anomalyTally(report)}`);
    const first = report.anomalies[0];
    if (first) lines.push(`${INDENT}${paint(options, 'dim', `${first.kind}: ${first.detail}`)}`);
    lines.push(`${INDENT}${planLabel(report)}: ${report.planInWords}`);
  } else if (!report.held && !report.interrupted) {
    for (const line of explanationLines(report, options.maxAnomalies ?? 5)) lines.push(`${INDENT}${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The closing line: how many held, failed, errored, and the total time. */
export function formatSummary(
  reports: readonly ScenarioReport[],
  durationMs: number,
  options: FormatOptions & { interrupted?: boolean; total?: number } = {},
): string {
  const held = reports.filter((report) => report.held).length;
  const errored = reports.filter((report) => report.status === 'errored' && !report.interrupted).length;
  const failed = reports.filter((report) => !report.held && report.status !== 'errored' && !report.interrupted).length;
  const parts = [`${held} held`];
  if (failed) parts.push(paint(options, 'red', `${failed} failed`));
  if (errored) parts.push(paint(options, 'red', `${errored} errored`));
  const total = options.total ?? reports.length;
  const finished = reports.filter((report) => !report.interrupted).length;
  const head = options.interrupted
    ? `${paint(options, 'yellow', 'interrupted')} — ${finished} of ${plural(total, 'scenario')} finished`
    : plural(total, 'scenario');
  return `\n${head}: ${parts.join(', ')} (${formatDuration(durationMs)})\n`;
}

/** The live progress line of a search (no newline: the CLI rewrites it in place). */
export function formatProgress(name: string, event: ProgressEvent): string {
  switch (event.type) {
    case 'calibrated':
      return `${name}  calibrated: ${plural(event.connections, 'connection')}`;
    case 'run':
      return `${name}  run ${event.run}/${event.runs} · ${formatRate(event.runsPerSecond)}${event.failed ? ' · failure found' : ''}`;
    case 'shrink':
      return `${name}  shrinking: step ${event.step}, ${plural(event.faults, 'fault')}`;
    case 'confirm':
      return `${name}  confirming the minimal plan: ${event.agreed ? 'it fails again' : 'it did not fail again'}`;
  }
}
