/**
 * The `junit` reporter: JUnit XML as CI servers read it (Jenkins, GitLab, the common
 * test-report actions). One `<testsuite>` for the command, one `<testcase>` per scenario:
 *
 *   held          <testcase .../>
 *   not held      <testcase ...><failure message="headline" type="violated">explanation</failure>
 *   errored       <testcase ...><error message="headline" type="ERR_…">explanation</error>
 *   interrupted   <testcase ...><skipped message="interrupted"/>
 */
import { escapeXml } from './escape.js';
import { explanationLines, headline } from './explain.js';
import type { ScenarioReport } from './types.js';

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

function testcase(report: ScenarioReport): string {
  const open = `    <testcase${attributes({
    classname: 'sockfault',
    name: report.name,
    file: report.file,
    time: seconds(report.durationMs),
  })}`;
  if (report.interrupted) return `${open}>\n      <skipped message="interrupted"/>\n    </testcase>`;
  if (report.held) return `${open}/>`;
  const element = report.status === 'errored' ? 'error' : 'failure';
  const type = report.status === 'errored' ? (report.error?.code ?? 'ERR_HARNESS') : report.status;
  const body = escapeXml(explanationLines(report).join('\n'));
  return `${open}>\n      <${element}${attributes({ message: headline(report), type })}>${body}</${element}>\n    </testcase>`;
}

/** The whole document, with the XML declaration and a final newline. */
export function formatJunit(reports: readonly ScenarioReport[]): string {
  const failures = reports.filter((report) => !report.held && !report.interrupted && report.status !== 'errored').length;
  const errors = reports.filter((report) => !report.interrupted && report.status === 'errored').length;
  const skipped = reports.filter((report) => report.interrupted).length;
  const time = seconds(reports.reduce((sum, report) => sum + report.durationMs, 0));
  const command = reports[0]?.command ?? 'check';
  const counts = { tests: reports.length, failures, errors, skipped, time };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'sockfault', ...counts })}>`,
    `  <testsuite${attributes({ name: `sockfault ${command}`, ...counts })}>`,
    ...reports.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
