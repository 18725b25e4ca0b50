/**
 * The loop shared by `run`, `check` and `replay`:
 *
 *   route reporters ─ collect files ─ shard ─┬─ load ─ job ─ report ─┐ (bail / interrupt stop it)
 *                                            └───────────────────────┘
 *   ─ endings and report files ─ exit code
 *
 * A scenario that cannot be loaded is reported as errored (exit 2) and the others still
 * run: one bad file should not hide the results of the rest.
 */
import { resolve } from 'node:path';
import { loadScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';
import { reportFromError } from '../report/summary.js';
import type { ReportCommand, ScenarioReport } from '../report/types.js';
import { displayPath } from '../report/words.js';
import { EXIT, SIGNAL_EXIT, exitCodeOf, scenarioExitCode } from './exit-code.js';
import { collectScenarioFiles } from './files.js';
import { handleInterrupts } from './interrupt.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { planOutput, ReportSink } from './output.js';
import { selectShard } from './shard.js';

/** What a command does with one loaded scenario. */
export type ScenarioJob = (scenario: Scenario, context: { signal: AbortSignal; sink: ReportSink }) => Promise<ScenarioReport>;

/**
 * Loads a scenario under the name reports show (relative to the working folder), so that
 * its error messages read `scenarios/x.yaml:7:13: …` rather than an absolute path.
 */
export function loadScenarioFile(file: string, io: CliIo): Promise<Scenario> {
  const shown = displayPath(file, io.cwd);
  return loadScenario(resolve(shown) === file ? shown : file);
}

/** Prints a usage problem the way every command does, and returns exit code 2. */
export function usageError(io: CliIo, error: unknown): number {
  io.stderr.write(`sockfault: ${(error as Error).message ?? String(error)}\n`);
  return EXIT.usage;
}

/** Runs `job` on every scenario file named by `args`; returns the exit code. */
export async function runScenarioFiles(input: {
  io: CliIo;
  args: readonly string[];
  options: CliOptions;
  command: ReportCommand;
  job: ScenarioJob;
}): Promise<number> {
  const { io, options, command, job } = input;
  const started = Date.now();
  let sink: ReportSink;
  let files: string[];
  try {
    sink = new ReportSink(io, planOutput(options.reporter, options.outputDir, io.cwd));
    files = selectShard(await collectScenarioFiles(input.args, io.cwd), options.shard);
  } catch (error) {
    return usageError(io, error);
  }
  if (files.length === 0 && options.shard) io.stderr.write(`sockfault: shard ${options.shard.index}/${options.shard.count} has no scenario file\n`);

  const reports: ScenarioReport[] = [];
  const interrupt = handleInterrupts(io.stderr);
  try {
    for (const file of files) {
      if (interrupt.signal.aborted) break;
      const report = await runOne(file, command, job, { io, sink, signal: interrupt.signal });
      sink.scenario(report);
      reports.push(report);
      if (options.bail && scenarioExitCode(report) !== EXIT.held) break;
    }
  } finally {
    interrupt.dispose();
  }
  const signal = interrupt.received();
  await sink.finish(reports, { durationMs: Date.now() - started, total: files.length, ...(signal ? { interrupted: true } : {}) });
  return signal ? SIGNAL_EXIT[signal] : exitCodeOf(reports);
}

async function runOne(
  file: string,
  command: ReportCommand,
  job: ScenarioJob,
  context: { io: CliIo; sink: ReportSink; signal: AbortSignal },
): Promise<ScenarioReport> {
  const summary = { cwd: context.io.cwd };
  let scenario: Scenario;
  try {
    scenario = await loadScenarioFile(file, context.io);
  } catch (error) {
    return reportFromError(file, error, command, summary);
  }
  context.sink.started(scenario.name, command === 'check' ? 'calibrating…' : 'running…');
  try {
    return await job(scenario, { signal: context.signal, sink: context.sink });
  } catch (error) {
    // The library reports failures as results; an exception here is a harness bug or a bad plan.
    const report = reportFromError(scenario.file ?? file, error, command, { ...summary, interrupted: context.signal.aborted });
    return { ...report, name: scenario.name, expected: scenario.expect.verdict };
  }
}
