/**
 * Where each reporter writes, decided once before anything runs:
 *
 *   text, github   stdout, as each scenario finishes (they are line streams and can share it)
 *   json, junit    stdout when it is the only reporter and no --output-dir is given;
 *                  otherwise `<output-dir>/sockfault.json`, `<output-dir>/junit.xml`
 *                  (several reporters without --output-dir would mix on stdout: exit 2)
 *   html           always files: `<output-dir>/<scenario>.html` per scenario that did not
 *                  hold, in `sockfault-report/` when no --output-dir is given
 *
 * Paths of written files are listed on stderr, so stdout stays a clean document.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SockfaultError } from '../errors.js';
import type { ProgressEvent } from '../property/types.js';
import { REPORTERS, formatProgress, type ReporterName } from '../report/index.js';
import type { ReportDocument, ScenarioReport } from '../report/types.js';
import { displayPath } from '../report/words.js';
import type { CliIo } from './io.js';
import { wantsColor } from './io.js';
import { ProgressLine } from './progress.js';

/** The html reporter's folder when no --output-dir is given. */
export const DEFAULT_HTML_DIR = 'sockfault-report';

/** The routing of every requested reporter. */
export interface OutputPlan {
  streams: ReporterName[];
  /** The one document printed to stdout (json or junit alone). */
  stdoutDocument?: ReporterName;
  /** Reporters that write files, with their folder. */
  files: { name: ReporterName; dir: string }[];
}

/**
 * Routes `requested` reporters (default `text`).
 * @throws SockfaultError ERR_INVALID_ARGUMENT when documents would share stdout.
 */
export function planOutput(requested: readonly ReporterName[] | undefined, outputDir: string | undefined, cwd: string): OutputPlan {
  const names = [...new Set(requested?.length ? requested : (['text'] as ReporterName[]))];
  const plan: OutputPlan = { streams: [], files: [] };
  const dir = outputDir === undefined ? undefined : resolve(cwd, outputDir);
  for (const name of names) {
    const reporter = REPORTERS[name];
    if (reporter.kind === 'stream') plan.streams.push(name);
    else if (reporter.kind === 'pages') plan.files.push({ name, dir: dir ?? resolve(cwd, DEFAULT_HTML_DIR) });
    else if (dir !== undefined) plan.files.push({ name, dir });
    else if (names.length === 1) plan.stdoutDocument = name;
    else {
      throw new SockfaultError(
        'ERR_INVALID_ARGUMENT',
        `--reporter ${name} cannot share stdout with ${names.filter((other) => other !== name).join(', ')}: give --output-dir to write it to a file`,
      );
    }
  }
  return plan;
}

/** Receives reports as scenarios finish and writes every reporter's output. */
export class ReportSink {
  readonly #io: CliIo;
  readonly #plan: OutputPlan;
  readonly #color: boolean;
  readonly #progress: ProgressLine | undefined;

  constructor(io: CliIo, plan: OutputPlan) {
    this.#io = io;
    this.#plan = plan;
    this.#color = wantsColor(io);
    // Live progress only where a person watches the text reporter; plain lines elsewhere.
    this.#progress = plan.streams.includes('text') && io.stdout.isTTY ? new ProgressLine(io.stdout) : undefined;
  }

  /** Shows a scenario starting (TTY only). */
  started(name: string, what: string): void {
    this.#progress?.update(`${name}  ${what}`);
  }

  /** A progress event of a search (TTY only). */
  progress(name: string, event: ProgressEvent): void {
    this.#progress?.update(formatProgress(name, event));
  }

  scenario(report: ScenarioReport): void {
    this.#progress?.clear();
    for (const name of this.#plan.streams) {
      const reporter = REPORTERS[name];
      if (reporter.kind === 'stream') this.#io.stdout.write(reporter.scenario(report, { color: this.#color }));
    }
  }

  /** Writes the endings and the documents; returns the files written. */
  async finish(reports: readonly ScenarioReport[], context: { durationMs: number; interrupted?: boolean; total: number }): Promise<string[]> {
    this.#progress?.clear();
    for (const name of this.#plan.streams) {
      const reporter = REPORTERS[name];
      if (reporter.kind === 'stream') this.#io.stdout.write(reporter.end(reports, { ...context, color: this.#color }));
    }
    if (this.#plan.stdoutDocument) {
      const reporter = REPORTERS[this.#plan.stdoutDocument];
      if (reporter.kind === 'document') this.#io.stdout.write(reporter.format(reports));
    }
    const written: string[] = [];
    for (const { name, dir } of this.#plan.files) {
      const reporter = REPORTERS[name];
      let documents: ReportDocument[] = [];
      if (reporter.kind === 'document') documents = [{ fileName: reporter.fileName, content: reporter.format(reports) }];
      else if (reporter.kind === 'pages') documents = reporter.pages(reports);
      if (documents.length === 0) continue;
      await mkdir(dir, { recursive: true });
      for (const document of documents) {
        const path = join(dir, document.fileName);
        await writeFile(path, document.content);
        written.push(path);
      }
    }
    for (const path of written) this.#io.stderr.write(`report written: ${displayPath(path, this.#io.cwd)}\n`);
    return written;
  }
}
