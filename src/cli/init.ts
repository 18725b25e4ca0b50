/**
 * `sockfault init [dir]`: writes `sockfault.yaml` and `server.js` into `dir` (default: the
 * working folder, created when missing). Existing files are never overwritten without
 * `--force`: the command then writes nothing and exits 2.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../report/words.js';
import { EXIT } from './exit-code.js';
import { STARTER_SCENARIO, STARTER_SERVER_CJS, STARTER_SERVER_ESM } from './init-templates.js';
import type { CliIo } from './io.js';
import type { CliOptions } from './options.js';

/** True when the nearest package.json above `dir` says `"type": "module"` (how Node reads `.js`). */
export async function isEsmFolder(dir: string): Promise<boolean> {
  for (let current = dir; ; current = dirname(current)) {
    const text = await readFile(join(current, 'package.json'), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        return (JSON.parse(text) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (dirname(current) === current) return false;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** `sockfault init [dir]`; returns 0, or 2 when a file exists and `--force` is not given. */
export async function initCommand(dir: string | undefined, options: CliOptions, io: CliIo): Promise<number> {
  const target = resolve(io.cwd, dir ?? '.');
  const esm = await isEsmFolder(target);
  const files = [
    { name: 'sockfault.yaml', content: STARTER_SCENARIO },
    { name: 'server.js', content: esm ? STARTER_SERVER_ESM : STARTER_SERVER_CJS },
  ].map((file) => ({ ...file, path: join(target, file.name) }));
  if (!options.force) {
    const taken = [];
    for (const file of files) if (await exists(file.path)) taken.push(displayPath(file.path, io.cwd));
    if (taken.length) {
      const verb = taken.length === 1 ? 'exists' : 'exist';
      io.stderr.write(`sockfault: ${taken.join(' and ')} already ${verb}; nothing written (use --force to overwrite)\n`);
      return EXIT.usage;
    }
  }
  await mkdir(target, { recursive: true });
  for (const file of files) {
    await writeFile(file.path, file.content);
    io.stdout.write(`wrote ${displayPath(file.path, io.cwd)}\n`);
  }
  const scenario = displayPath(files[0]?.path ?? 'sockfault.yaml', io.cwd);
  io.stdout.write(
    [
      '',
      esm
        ? 'server.js is an ES module (the nearest package.json has "type": "module").'
        : 'server.js is CommonJS (no package.json with "type": "module" above it).',
      'Next:',
      `  sockfault validate ${scenario}`,
      `  sockfault run ${scenario}`,
      `  sockfault check ${scenario}`,
      '',
    ].join('\n'),
  );
  return EXIT.held;
}
