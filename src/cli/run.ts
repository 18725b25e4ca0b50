/**
 * `sockfault run <files..>`: one run per scenario with its fixed `faults` (or `--plan`),
 * checked like any run. The quickest way to reproduce a known failure in CI.
 */
import type { FaultInput } from '../faults/types.js';
import { reportFromRun } from '../report/summary.js';
import { runScenario } from '../runner/run-scenario.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { readPlanFile } from './plan-file.js';
import { runScenarioFiles, usageError } from './session.js';

/** Default seed of `run` (the same as runScenario's), so that a run is reproducible as printed. */
const DEFAULT_SEED = 1;

/** `sockfault run`; returns the exit code. */
export async function runCommand(files: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  let plan: FaultInput[] | undefined;
  try {
    if (options.plan !== undefined) plan = await readPlanFile(options.plan, io.cwd);
  } catch (error) {
    return usageError(io, error);
  }
  return runScenarioFiles({
    io,
    args: files,
    options,
    command: 'run',
    job: async (scenario, { signal }) => {
      const timed = options.timeout === undefined ? scenario : { ...scenario, timeout: options.timeout };
      const result = await runScenario(timed, {
        seed: options.seed ?? DEFAULT_SEED,
        signal,
        allowRemote: options.allowRemote ?? false,
        ...(plan === undefined ? {} : { plan }),
      });
      return reportFromRun(result, scenario, {
        cwd: io.cwd,
        interrupted: signal.aborted,
        ...(options.plan === undefined ? {} : { planFile: options.plan }),
      });
    },
  });
}
