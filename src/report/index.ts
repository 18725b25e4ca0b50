/**
 * The reporters, in a plain name → reporter map (no registration by import side effect).
 * Three kinds, by how their output travels:
 *
 *   stream    text, github   written to stdout as each scenario finishes, then an ending
 *   document  json, junit    one document at the end: stdout, or a file in --output-dir
 *   pages     html           files only, one per scenario that did not hold
 */
import { formatGithubScenario } from './github.js';
import { formatHtmlPages } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatScenario, formatSummary } from './text.js';
import type { FormatOptions, ReportDocument, ScenarioReport } from './types.js';

/** A reporter: how it formats, by the kind of output it makes. */
export type Reporter =
  | {
      kind: 'stream';
      scenario(report: ScenarioReport, options: FormatOptions): string;
      end(reports: readonly ScenarioReport[], options: FormatOptions & { durationMs: number; interrupted?: boolean; total?: number }): string;
    }
  | { kind: 'document'; fileName: string; format(reports: readonly ScenarioReport[]): string }
  | { kind: 'pages'; pages(reports: readonly ScenarioReport[]): ReportDocument[] };

/** Every built-in reporter by its `--reporter` name. */
export const REPORTERS = {
  text: {
    kind: 'stream',
    scenario: formatScenario,
    end: (reports, options) => formatSummary(reports, options.durationMs, options),
  },
  github: { kind: 'stream', scenario: formatGithubScenario, end: () => '' },
  json: { kind: 'document', fileName: 'sockfault.json', format: formatJson },
  junit: { kind: 'document', fileName: 'junit.xml', format: formatJunit },
  html: { kind: 'pages', pages: formatHtmlPages },
} as const satisfies Record<string, Reporter>;

/** The name of a built-in reporter. */
export type ReporterName = keyof typeof REPORTERS;

/** Every reporter name, for `--reporter` choices. */
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

export { reportFromCheck, reportFromError, reportFromReplay, reportFromRun, holds, planInWords } from './summary.js';
export { formatJson, toJsonScenario, type JsonScenario, type JsonAnomaly } from './json.js';
export { formatJunit } from './junit.js';
export { formatGithub, formatGithubScenario } from './github.js';
export { formatHtml, formatHtmlPages } from './html.js';
export { formatScenario, formatScenarioLine, formatSummary, formatProgress } from './text.js';
export { timelineRows, type TimelineRow } from './timeline-rows.js';
export { timelineSvg } from './timeline-svg.js';
export type { FormatOptions, ReportCommand, ReportDocument, ScenarioReport } from './types.js';
