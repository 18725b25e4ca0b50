/**
 * `sockfault validate <files..>`: load every scenario, print `OK` or the precise error
 * (`file:line:col: field: message`, one line per problem). Nothing is started. Exit 2
 * when any file is invalid.
 */
import { displayPath } from '../report/words.js';
import { EXIT } from './exit-code.js';
import { collectScenarioFiles } from './files.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';
import { loadScenarioFile, usageError } from './session.js';
import { selectShard } from './shard.js';

/** `sockfault validate`; returns 0, or 2 when a file is invalid. */
export async function validateCommand(args: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  let files: string[];
  try {
    files = selectShard(await collectScenarioFiles(args, io.cwd), options.shard);
  } catch (error) {
    return usageError(io, error);
  }
  let invalid = 0;
  for (const file of files) {
    const shown = displayPath(file, io.cwd);
    try {
      const scenario = await loadScenarioFile(file, io);
      io.stdout.write(`OK    ${shown} (${scenario.name})\n`);
    } catch (error) {
      invalid++;
      const { code, message } = error as { code?: string; message?: string };
      io.stderr.write(`ERROR ${shown}${code ? ` [${code}]` : ''}\n${indent(message ?? String(error))}\n`);
    }
  }
  io.stdout.write(`\n${files.length - invalid} of ${files.length} scenario file${files.length === 1 ? '' : 's'} valid\n`);
  return invalid > 0 ? EXIT.usage : EXIT.held;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}
