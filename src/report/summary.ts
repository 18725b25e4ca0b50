/**
 * Result → {@link ScenarioReport}: one function per result type, all pure. The CLI calls
 * these as each scenario finishes; reporters only ever see the reports.
 */
import type { Anomaly } from '../checker/types.js';
import { describePlan } from '../faults/describe.js';
import type { FaultInput } from '../faults/types.js';
import { validateFault } from '../faults/validate.js';
import type { CheckResult, ReplayResult, ScenarioStatus } from '../property/types.js';
import type { RunResult } from '../runner/types.js';
import type { Scenario } from '../scenario/types.js';
import { displayPath, shellQuote } from './words.js';
import type { ReportCommand, ScenarioReport } from './types.js';

/** What every builder needs besides the result. */
export interface SummaryContext {
  /** Folder that file paths in the report are made relative to. */
  cwd: string;
  /** True when SIGINT/SIGTERM cancelled the work. */
  interrupted?: boolean;
}

/** True when `status` is what the scenario expects; an errored scenario never holds. */
export function holds(status: ScenarioStatus, expected: 'holds' | 'violated'): boolean {
  if (status === 'errored') return false;
  return expected === 'violated' ? status === 'violated' : status === 'passed';
}

/** A plan in words; a plan that does not validate is shown as JSON rather than hidden. */
export function planInWords(plan: readonly FaultInput[]): string {
  try {
    return describePlan(plan.map((fault, index) => validateFault(fault, `plan[${index}]`)));
  } catch {
    return JSON.stringify(plan);
  }
}

/** The line CI annotations point at: the plan's place in the file (`faults`, or `generate` for a search). */
function annotationLine(scenario: Scenario, command: ReportCommand): number {
  const positions = scenario.positions ?? {};
  const order = command === 'check' ? ['generate', 'faults', 'name'] : ['faults', 'name'];
  for (const key of order) {
    const position = positions[key];
    if (position) return position.line;
  }
  return 1;
}

function base(scenario: Scenario, command: ReportCommand, context: SummaryContext) {
  return {
    name: scenario.name,
    ...(scenario.file === undefined ? {} : { file: displayPath(scenario.file, context.cwd) }),
    command,
    expected: scenario.expect.verdict,
    line: annotationLine(scenario, command),
    ...(context.interrupted ? { interrupted: true } : {}),
  };
}

function statusOf(run: RunResult): ScenarioStatus {
  if (run.status === 'errored' || run.verdict === undefined) return 'errored';
  return run.verdict.ok ? 'passed' : 'violated';
}

function anomaliesOf(run: RunResult | undefined): Anomaly[] {
  return run?.verdict?.anomalies ?? [];
}

/**
 * One fixed-plan run (`sockfault run`).
 * @param options.planFile the `--plan` file the plan came from, for the replay command.
 */
export function reportFromRun(
  run: RunResult,
  scenario: Scenario,
  context: SummaryContext & { planFile?: string },
): ScenarioReport {
  const status = statusOf(run);
  const file = scenario.file === undefined ? undefined : displayPath(scenario.file, context.cwd);
  const planFlag = context.planFile === undefined ? '' : ` --plan ${shellQuote(displayPath(context.planFile, context.cwd))}`;
  return {
    ...base(scenario, 'run', context),
    status,
    held: !context.interrupted && holds(status, scenario.expect.verdict),
    anomalies: anomaliesOf(run),
    plan: run.plan,
    failingPlan: status === 'violated',
    planInWords: planInWords(run.plan),
    seed: run.seed,
    runs: 1,
    durationMs: run.timings.totalMs,
    runsPerSecond: run.timings.totalMs > 0 ? 1000 / run.timings.totalMs : 0,
    ...(file === undefined ? {} : { replay: `sockfault run ${shellQuote(file)} --seed ${run.seed}${planFlag}` }),
    ...(run.error === undefined ? {} : { error: run.error }),
    run,
  };
}

/** A property search (`sockfault check`): the minimal failing plan, or the last plan run. */
export function reportFromCheck(result: CheckResult, scenario: Scenario, context: SummaryContext): ScenarioReport {
  const failing = result.minimal ?? result.firstFailure;
  const plan = failing?.plan ?? result.lastPlan ?? [];
  const file = scenario.file === undefined ? undefined : displayPath(scenario.file, context.cwd);
  const built =
    file !== undefined && result.path !== undefined
      ? `sockfault replay ${shellQuote(file)} --seed ${result.seed} --path ${shellQuote(result.path)}`
      : undefined;
  const replay = result.replayCommand ?? built;
  const interrupted = context.interrupted || result.interrupted === true;
  return {
    ...base(scenario, 'check', { ...context, interrupted }),
    status: result.status,
    held: !interrupted && result.held,
    anomalies: failing?.verdict.anomalies ?? [],
    plan,
    failingPlan: failing !== undefined,
    planInWords: planInWords(plan),
    seed: result.seed,
    ...(result.path === undefined ? {} : { path: result.path }),
    runs: result.runs,
    durationMs: result.durationMs,
    runsPerSecond: result.runsPerSecond,
    ...(replay === undefined || failing === undefined ? {} : { replay }),
    ...(result.error === undefined ? {} : { error: result.error }),
    shrinkSteps: result.shrinkSteps,
    ...(failing === undefined ? {} : { run: failing.run }),
  };
}

/**
 * A replay (`sockfault replay`): the plan re-run `repeat` times.
 * @param options.command the replay command line as given, echoed back as `replay`.
 */
export function reportFromReplay(
  result: ReplayResult,
  scenario: Scenario,
  context: SummaryContext & { command?: string },
): ScenarioReport {
  const failing = result.runs.find((run) => run.verdict !== undefined && !run.verdict.ok);
  const shown = failing ?? result.runs.at(-1);
  const error = result.error ?? result.runs.find((run) => run.error !== undefined)?.error;
  const interrupted = context.interrupted || result.interrupted === true;
  return {
    ...base(scenario, 'replay', { ...context, interrupted }),
    status: result.status,
    held: !interrupted && result.held,
    anomalies: anomaliesOf(failing),
    plan: result.plan,
    failingPlan: failing !== undefined,
    planInWords: planInWords(result.plan),
    ...(shown === undefined ? {} : { seed: shown.seed }),
    runs: result.runs.length,
    durationMs: result.durationMs,
    runsPerSecond: result.durationMs > 0 ? (result.runs.length * 1000) / result.durationMs : 0,
    ...(context.command === undefined ? {} : { replay: context.command }),
    ...(error === undefined ? {} : { error }),
    agreed: result.agreed,
    ...(shown === undefined ? {} : { run: shown }),
  };
}

/** `file:line:col` at the start of a scenario error's location, for the annotation line. */
function lineOf(location: string | undefined): number {
  const match = location === undefined ? null : /:(\d+):\d+$/.exec(location);
  return match ? Number(match[1]) : 1;
}

/**
 * A scenario that could not even be loaded or started (invalid file, bad `--plan`).
 * @param file the path as the user gave it or as found in a folder.
 */
export function reportFromError(
  file: string,
  error: unknown,
  command: ReportCommand,
  context: SummaryContext,
): ScenarioReport {
  const { code, message, location } = error as { code?: unknown; message?: unknown; location?: unknown };
  const shown = displayPath(file, context.cwd);
  return {
    name: shown.replace(/^.*\//, '').replace(/\.[^.]*$/, ''),
    file: shown,
    command,
    status: 'errored',
    expected: 'holds',
    held: false,
    anomalies: [],
    plan: [],
    failingPlan: false,
    planInWords: 'no faults',
    runs: 0,
    durationMs: 0,
    runsPerSecond: 0,
    error: {
      code: typeof code === 'string' ? code : 'ERR_HARNESS',
      message: typeof message === 'string' ? message : String(error),
      ...(typeof location === 'string' ? { location } : {}),
    },
    line: lineOf(typeof location === 'string' ? location : undefined),
    ...(context.interrupted ? { interrupted: true } : {}),
  };
}
