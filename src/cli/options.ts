/**
 * The shared option table. Every option is defined once, typed against {@link CliOptions},
 * so a new field cannot be forgotten by the CLI; each command picks the keys it accepts
 * (an option a command does not take is an unknown option there: exit 2).
 */
import { InvalidArgumentError, Option } from 'commander';
import { REPORTER_NAMES, type ReporterName } from '../report/index.js';
import { parseShard, type Shard } from './shard.js';

/** Every option of every command, parsed. Absent means "not given". */
export interface CliOptions {
  reporter?: ReporterName[];
  outputDir?: string;
  runs?: number;
  seed?: number;
  path?: string;
  timeout?: number;
  bail?: boolean;
  shard?: Shard;
  allowRemote?: boolean;
  repeat?: number;
  plan?: string;
  force?: boolean;
}

function integer(name: string, min: number): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be an integer, got ${JSON.stringify(value)}`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer of at least ${min}, got ${value}`);
    return n;
  };
}

/** `--reporter` is repeatable and takes comma lists: `--reporter text --reporter json,junit`. */
function reporters(value: string, previous: ReporterName[] | undefined): ReporterName[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  for (const name of names) {
    if (!(REPORTER_NAMES as string[]).includes(name)) {
      throw new InvalidArgumentError(`unknown reporter ${JSON.stringify(name)} (expected ${REPORTER_NAMES.join(', ')})`);
    }
  }
  return [...(previous ?? []), ...(names as ReporterName[])];
}

function shard(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** How to build each option; the mapped type makes the table complete. */
export const OPTION_TABLE: { readonly [K in keyof Required<CliOptions>]: () => Option } = {
  reporter: () =>
    new Option('-r, --reporter <name>', `output format, repeatable: ${REPORTER_NAMES.join(' | ')} (default: text)`).argParser(reporters),
  outputDir: () => new Option('-o, --output-dir <dir>', 'folder for report files (sockfault.json, junit.xml, <scenario>.html)'),
  runs: () => new Option('--runs <n>', 'plans to try per scenario (default: generate.runs)').argParser(integer('--runs', 1)),
  seed: () => new Option('--seed <n>', 'seed of the run or the search').argParser(integer('--seed', -(2 ** 31))),
  path: () => new Option('--path <path>', 'fast-check path of a counterexample (with --seed)'),
  timeout: () => new Option('--timeout <ms>', 'bound on one run in milliseconds (default: scenario timeout)').argParser(integer('--timeout', 1)),
  bail: () => new Option('--bail', 'stop after the first scenario that does not hold'),
  shard: () => new Option('--shard <i/n>', 'run only shard i of n of the sorted scenario files').argParser(shard),
  allowRemote: () => new Option('--allow-remote', 'allow target addresses that are not on loopback'),
  repeat: () => new Option('--repeat <n>', 'replay the plan n times and count agreeing verdicts').argParser(integer('--repeat', 1)),
  plan: () => new Option('--plan <file>', 'fault plan JSON file (an array of faults, or an object with "plan")'),
  force: () => new Option('-f, --force', 'overwrite existing files'),
};

/** The options of each command. */
export const COMMAND_OPTIONS = {
  run: ['reporter', 'outputDir', 'seed', 'timeout', 'bail', 'shard', 'allowRemote', 'plan'],
  check: ['reporter', 'outputDir', 'runs', 'seed', 'timeout', 'bail', 'shard', 'allowRemote'],
  replay: ['reporter', 'outputDir', 'seed', 'path', 'plan', 'repeat', 'timeout', 'allowRemote'],
  validate: ['shard'],
  init: ['force'],
  schema: [],
} as const satisfies Record<string, readonly (keyof CliOptions)[]>;
