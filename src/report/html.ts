/**
 * The `html` reporter: one self-contained page per scenario that did not hold, with the
 * explanation, the timeline (inline SVG, see timeline-svg.ts), and the tables of anomalies
 * and history. Inline CSS only, no script, no external reference: it opens from a CI
 * artifact with no network. Every value from the run is escaped (see escape.ts).
 */
import { escapeHtml } from './escape.js';
import { explanationLines, headline, planLabel } from './explain.js';
import { HTML_STYLE } from './html-style.js';
import { historyTable, anomalyTable, targetOutput } from './html-tables.js';
import { timelineRows } from './timeline-rows.js';
import { timelineSvg } from './timeline-svg.js';
import type { ReportDocument, ScenarioReport } from './types.js';
import { formatDuration } from './words.js';

function section(title: string, body: string): string {
  return `<section><h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function facts(report: ScenarioReport): string {
  const rows: [string, string | undefined][] = [
    ['file', report.file === undefined ? undefined : `${report.file}:${report.line}`],
    ['command', `sockfault ${report.command}`],
    ['expected', report.expected === 'violated' ? 'a violation (expect.verdict: violated)' : 'the scenario holds'],
    ['runs', `${report.runs} in ${formatDuration(report.durationMs)}`],
    ['seed', report.seed === undefined ? undefined : String(report.seed)],
    ['path', report.path],
    ['replay', report.replay],
  ];
  const items = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${key === 'replay' ? `<code>${escapeHtml(value)}</code>` : escapeHtml(value)}</dd>`);
  return `<dl class="facts">${items.join('')}</dl>`;
}

const LEGEND = [
  ['sf-up', 'client → server bytes (upstream)'],
  ['sf-down', 'server → client bytes (downstream)'],
  ['sf-fault', 'fault fired, at its byte offset'],
  ['sf-rst', 'RST / error close'],
  ['sf-fin', 'FIN / clean close'],
]
  .map(([cls, label]) => `<span class="key ${cls}">■</span> ${escapeHtml(label ?? '')}`)
  .join(' &nbsp; ');

function timeline(report: ScenarioReport): string {
  if (!report.run) return '<p>No run to draw: the harness failed before anything ran.</p>';
  const rows = timelineRows(report.run, report.anomalies);
  if (rows.length === 0) return '<p>Nothing was recorded in this run.</p>';
  const legend = `<p class="legend">${LEGEND} &nbsp; <span class="key lost">■</span> lost op &nbsp; <span class="key duplicated">■</span> duplicated op</p>`;
  return `${legend}\n<div class="scroll">${timelineSvg(rows, report.run.timings.startedAt)}</div>`;
}

/** The page of one scenario. */
export function formatHtml(report: ScenarioReport): string {
  const status = report.held ? 'held' : report.status === 'errored' ? 'errored' : 'failed';
  const explanation = explanationLines(report)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('');
  const plan = `<p>${escapeHtml(`${planLabel(report)}: ${report.planInWords}`)}</p><pre>${escapeHtml(JSON.stringify(report.plan, null, 2))}</pre>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`sockfault: ${report.name} (${status})`)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(report.name)} <span class="badge ${status}">${escapeHtml(status)}</span></h1>`,
    `<p class="headline">${escapeHtml(headline(report))}</p>${facts(report)}</header>`,
    explanation ? section('Explanation', `<ul>${explanation}</ul>`) : '',
    section('Fault plan', plan),
    section('Timeline', timeline(report)),
    section('Anomalies', anomalyTable(report)),
    report.run ? section('History', historyTable(report.run, report.anomalies)) : '',
    report.run ? targetOutput(report.run) : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A file name from a scenario name: letters, digits, `.`, `_` and `-` only. */
export function htmlFileName(name: string): string {
  const safe = name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '');
  return `${safe === '' ? 'scenario' : safe}.html`;
}

/** A page per scenario that did not hold (interrupted ones excepted), with unique file names. */
export function formatHtmlPages(reports: readonly ScenarioReport[]): ReportDocument[] {
  const used = new Set<string>();
  return reports
    .filter((report) => !report.held && !report.interrupted)
    .map((report) => {
      const base = htmlFileName(report.name).slice(0, -'.html'.length);
      let fileName = `${base}.html`;
      for (let n = 2; used.has(fileName); n++) fileName = `${base}-${n}.html`;
      used.add(fileName);
      return { fileName, content: formatHtml(report) };
    });
}
