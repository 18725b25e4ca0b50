/** The tables of the HTML report: anomalies, history (one row per op), the target's output. */
import type { Anomaly } from '../checker/types.js';
import type { RunResult } from '../runner/types.js';
import { escapeHtml } from './escape.js';
import { ANOMALY_COLOURS } from './timeline-svg.js';
import type { ScenarioReport } from './types.js';

/** History rows drawn at most; a longer history is cut with a note (the JSON has it all). */
const MAX_HISTORY_ROWS = 2000;
/** Lines of the target's output shown (its end: where a crash is). */
const OUTPUT_TAIL = 80;

function table(headers: readonly string[], rows: readonly string[]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function cells(values: readonly (string | number | undefined)[]): string {
  return values.map((value) => `<td>${value === undefined ? '—' : escapeHtml(String(value))}</td>`).join('');
}

function colourStyle(kind: string | undefined): string {
  const colour = kind === undefined ? undefined : ANOMALY_COLOURS[kind];
  return colour ? ` style="border-left: 6px solid ${colour}"` : '';
}

/** Kind, op id, connection, and the checker's sentence for each anomaly. */
export function anomalyTable(report: ScenarioReport): string {
  if (report.anomalies.length === 0) return '<p>None.</p>';
  const rows = report.anomalies.map((anomaly) => {
    const values = cells([anomaly.kind, anomaly.id, anomaly.connection, anomaly.detail]);
    return `<tr class="${escapeHtml(anomaly.kind)}"${colourStyle(anomaly.kind)}>${values}</tr>`;
  });
  return table(['kind', 'id', 'connection', 'detail'], rows);
}

function relative(at: number | undefined, origin: number): string | undefined {
  return at === undefined ? undefined : `+${(at - origin).toFixed(1)} ms`;
}

function shorten(text: string | undefined, max = 40): string | undefined {
  return text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** One row per op: outcome, connection, times, how often the server kept it, its anomalies. */
export function historyTable(run: RunResult, anomalies: readonly Anomaly[]): string {
  if (run.history.length === 0) return '<p>The workload recorded no operation.</p>';
  const kept = new Map<string, number>();
  for (const entry of run.observations ?? []) kept.set(entry.id, (kept.get(entry.id) ?? 0) + 1);
  const kinds = new Map<string, string[]>();
  for (const anomaly of anomalies) if (anomaly.id !== undefined) kinds.set(anomaly.id, [...(kinds.get(anomaly.id) ?? []), anomaly.kind]);
  const origin = run.timings.startedAt;
  const rows = run.history.slice(0, MAX_HISTORY_ROWS).map((op) => {
    const flagged = kinds.get(op.id);
    const values = [
      op.id,
      op.outcome,
      op.connection,
      relative(op.invokedAt, origin),
      relative(op.completedAt, origin),
      run.observations === undefined ? 'no readback' : (kept.get(op.id) ?? 0),
      flagged?.join(', '),
      shorten(op.payload),
      op.error,
    ];
    return `<tr${flagged ? ` class="flagged ${escapeHtml(flagged[0] ?? '')}"${colourStyle(flagged[0])}` : ''}>${cells(values)}</tr>`;
  });
  const cut = run.history.length > MAX_HISTORY_ROWS ? `<p>First ${MAX_HISTORY_ROWS} of ${run.history.length} ops shown.</p>` : '';
  return `${cut}${table(['id', 'outcome', 'connection', 'invoked', 'completed', 'kept', 'anomaly', 'payload', 'error'], rows)}`;
}

/** The target's output lines, `stdout: …` / `stderr: …`, and what it said when it died. */
function outputLines(run: RunResult): string[] {
  const lines: string[] = [];
  for (const event of run.targetLog) {
    if (event.type === 'output') {
      for (const line of event.text.split('\n')) if (line !== '') lines.push(`${event.stream}: ${line}`);
    }
  }
  const last = lines.slice(-OUTPUT_TAIL);
  for (const event of run.targetLog) {
    if (event.type === 'crash') last.push(`crash: ${event.stack ?? event.error}`);
    else if (event.type === 'exit' && event.stderrTail) last.push(`exit stderr: ${event.stderrTail}`);
  }
  return last;
}

/** The end of what the target printed, and the workload's log, when there is any. */
export function targetOutput(run: RunResult): string {
  const parts: string[] = [];
  const lines = outputLines(run);
  if (lines.length) parts.push(`<section><h2>Target output</h2><pre>${escapeHtml(lines.join('\n'))}</pre></section>`);
  if (run.workloadLog.length) {
    parts.push(`<section><h2>Workload log</h2><pre>${escapeHtml(run.workloadLog.slice(-OUTPUT_TAIL).join('\n'))}</pre></section>`);
  }
  return parts.join('\n');
}
