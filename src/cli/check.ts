/**
 * `sockfault check <files..>`: the property search on every scenario — generated fault
 * plans, a failure shrunk to the minimal plan, printed with its seed, path and replay command.
 */
import { checkScenario } from '../property/check-scenario.js';
import type { CheckOptions } from '../property/types.js';
import { reportFromCheck } from '../report/summary.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { runScenarioFiles } from './session.js';

/** The search options the flags set; unset ones come from each scenario's `generate`. */
export function checkOptionsOf(options: CliOptions): CheckOptions {
  return {
    ...(options.runs === undefined ? {} : { runs: options.runs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    allowRemote: options.allowRemote ?? false,
  };
}

/** `sockfault check`; returns the exit code. */
export function checkCommand(files: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  return runScenarioFiles({
    io,
    args: files,
    options,
    command: 'check',
    job: async (scenario, { signal, sink }) => {
      const result = await checkScenario(scenario, {
        ...checkOptionsOf(options),
        signal,
        onProgress: (event) => sink.progress(scenario.name, event),
      });
      return reportFromCheck(result, scenario, { cwd: io.cwd, interrupted: signal.aborted });
    },
  });
}
