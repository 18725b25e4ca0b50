/**
 * `sockfault replay <file> --seed S --path P | --plan plan.json [--seed S] [--repeat N]`:
 * run a failing plan again — the shrunk counterexample of a search (seed + path), or a
 * plan file — N times, and say how many runs agreed on the verdict (flakiness).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SockfaultError } from '../errors.js';
import type { FaultInput } from '../faults/types.js';
import { replayScenario } from '../property/replay.js';
import { reportFromReplay } from '../report/summary.js';
import { displayPath, shellQuote } from '../report/words.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { readPlanFile } from './plan-file.js';
import { runScenarioFiles, usageError } from './session.js';

function invalid(message: string): never {
  throw new SockfaultError('ERR_INVALID_ARGUMENT', message);
}

/** The flags, checked together: exactly one of --path and --plan; --path needs --seed. */
async function checkFlags(file: string, options: CliOptions, io: CliIo): Promise<FaultInput[] | undefined> {
  if ((options.path === undefined) === (options.plan === undefined)) invalid('replay needs either --seed S --path P or --plan plan.json');
  if (options.path !== undefined && options.seed === undefined) invalid('--path needs the --seed of the search that printed it');
  const info = await stat(resolve(io.cwd, file)).catch(() => undefined);
  if (!info) invalid(`no such file: ${file}`);
  if (!info.isFile()) invalid(`replay takes one scenario file, got the folder ${file}`);
  return options.plan === undefined ? undefined : readPlanFile(options.plan, io.cwd);
}

/** The command line that does this replay again, for the report. */
function commandLine(file: string, options: CliOptions, io: CliIo): string {
  const words = ['sockfault', 'replay', shellQuote(displayPath(resolve(io.cwd, file), io.cwd))];
  if (options.seed !== undefined) words.push('--seed', String(options.seed));
  if (options.path !== undefined) words.push('--path', shellQuote(options.path));
  if (options.plan !== undefined) words.push('--plan', shellQuote(options.plan));
  if (options.repeat !== undefined) words.push('--repeat', String(options.repeat));
  return words.join(' ');
}

/** `sockfault replay`; returns the exit code. */
export async function replayCommand(file: string, options: CliOptions, io: CliIo): Promise<number> {
  let plan: FaultInput[] | undefined;
  try {
    plan = await checkFlags(file, options, io);
  } catch (error) {
    return usageError(io, error);
  }
  return runScenarioFiles({
    io,
    args: [file],
    options,
    command: 'replay',
    job: async (scenario, { signal }) => {
      const result = await replayScenario(scenario, {
        ...(plan === undefined ? {} : { plan }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.repeat === undefined ? {} : { repeat: options.repeat }),
        ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
        allowRemote: options.allowRemote ?? false,
        signal,
      });
      return reportFromReplay(result, scenario, { cwd: io.cwd, interrupted: signal.aborted, command: commandLine(file, options, io) });
    },
  });
}
