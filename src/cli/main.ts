/**
 * The `sockfault` command line: a thin adapter over the library. `main` parses argv with
 * commander, runs one command and returns the exit code (see exit-code.ts); it never
 * calls process.exit (only a second Ctrl-C does, in interrupt.ts). bin/sockfault.js sets
 * `process.exitCode` from it.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { checkCommand } from './check.js';
import { EXIT } from './exit-code.js';
import { initCommand } from './init.js';
import { processIo, type CliIo } from './io.js';
import { COMMAND_OPTIONS, OPTION_TABLE, type CliOptions } from './options.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

function version(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function withOptions(command: Command, name: keyof typeof COMMAND_OPTIONS): Command {
  for (const key of COMMAND_OPTIONS[name]) command.addOption(OPTION_TABLE[key]());
  return command;
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('sockfault')
    .description('Fault-injection test harness for TCP applications: break connections at exact byte offsets, check nothing was lost, duplicated or invented.')
    .version(version(), '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)');

  const add = (name: keyof typeof COMMAND_OPTIONS, summary: string): Command =>
    withOptions(program.command(name).description(summary), name);

  add('run', 'run each scenario once with its fixed `faults` (or --plan)')
    .argument('<files...>', 'scenario files, folders or globs')
    .action(async (files: string[], options: CliOptions) => done(await runCommand(files, options, io)));
  add('check', 'search generated fault plans; shrink a failure to the minimal plan')
    .argument('<files...>', 'scenario files, folders or globs')
    .action(async (files: string[], options: CliOptions) => done(await checkCommand(files, options, io)));
  add('replay', 'replay a failure: --seed S --path P from a check, or --plan plan.json')
    .argument('<file>', 'the scenario file')
    .action(async (file: string, options: CliOptions) => done(await replayCommand(file, options, io)));
  add('validate', 'check scenario files against the schema (nothing is started)')
    .argument('<files...>', 'scenario files, folders or globs')
    .action(async (files: string[], options: CliOptions) => done(await validateCommand(files, options, io)));
  add('init', 'write a starter scenario (sockfault.yaml) and example server (server.js)')
    .argument('[dir]', 'folder to write into', '.')
    .action(async (dir: string, options: CliOptions) => done(await initCommand(dir, options, io)));
  add('schema', 'print the JSON Schema of scenario files (for editors)').action(() => done(schemaCommand(io)));
  return program;
}

/**
 * Runs the CLI on `argv` (without node and the script) and returns the exit code:
 * 0 all held, 1 anomalies found, 2 bad usage or invalid scenario, 3 harness error,
 * 130/143 interrupted.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.held;
  const program = buildProgram(io, (result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // --help and --version end with exit code 0; every other commander error is bad usage.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.held : EXIT.usage;
    io.stderr.write(`sockfault: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.harness;
  }
  return code;
}
