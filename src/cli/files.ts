/**
 * Which scenario files a command runs. An argument is one of:
 *
 *   a file     taken as given (loadScenario decides by its extension)
 *   a folder   searched recursively for scenario files (the rule below)
 *   a glob     `*`, `?` within a path segment, `**` across segments; matching files are
 *              taken as given, matching folders are searched
 *
 * The folder rule: `*.yaml`, `*.yml`, `*.json` and `*.scenario.{ts,mts,js,mjs}`, never
 * `package.json`, `package-lock.json` or `tsconfig*.json`; folders named `node_modules`
 * or starting with `.` are skipped. Plain `.js`/`.ts` files in a folder are not scenarios
 * (they are the servers, clients and workloads scenarios point to).
 *
 * The result is deduplicated and sorted by absolute path (code-unit order, not locale),
 * which `--shard` relies on.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SockfaultError } from '../errors.js';

const SCENARIO_NAME = /\.(ya?ml|json)$|\.scenario\.(ts|mts|js|mjs)$/i;
const NOT_SCENARIOS = /^(package\.json|package-lock\.json|tsconfig.*\.json)$/i;

/** True when a file found in a folder is taken as a scenario. */
export function isScenarioFileName(name: string): boolean {
  return SCENARIO_NAME.test(name) && !NOT_SCENARIOS.test(name);
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Every file under `dir` (skipped folders excepted), as absolute paths. */
async function walk(dir: string, keep: (path: string, isDir: boolean) => boolean): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skipFolder(entry.name)) continue;
      if (keep(path, true)) found.push(path);
      found.push(...(await walk(path, keep)));
    } else if (entry.isFile() && keep(path, false)) found.push(path);
  }
  return found;
}

async function scenariosIn(dir: string): Promise<string[]> {
  return walk(dir, (path, isDir) => !isDir && isScenarioFileName(path.slice(path.lastIndexOf(sep) + 1)));
}

/** A glob as a regular expression over `/`-separated paths relative to its base folder. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const WILDCARD = /[*?]/;

async function expandGlob(argument: string, cwd: string): Promise<string[]> {
  const segments = argument.split(/[\\/]/);
  const first = segments.findIndex((segment) => WILDCARD.test(segment));
  const baseText = segments.slice(0, first).join('/');
  const base = resolve(cwd, baseText === '' && isAbsolute(argument) ? '/' : baseText || '.');
  const matcher = globToRegExp(segments.slice(first).join('/'));
  const exists = await stat(base).then((info) => info.isDirectory(), () => false);
  const matches = exists ? await walk(base, (path) => matcher.test(relative(base, path).split(sep).join('/'))) : [];
  const files: string[] = [];
  for (const match of matches) {
    const info = await stat(match);
    files.push(...(info.isDirectory() ? await scenariosIn(match) : [match]));
  }
  if (files.length === 0) throw new SockfaultError('ERR_INVALID_ARGUMENT', `no scenario file matches ${argument}`);
  return files;
}

/**
 * The scenario files named by `args`, resolved against `cwd`, deduplicated and sorted.
 * @throws SockfaultError ERR_INVALID_ARGUMENT for a missing path, a glob with no match, or
 *   a folder with no scenario file.
 */
export async function collectScenarioFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const argument of args) {
    if (WILDCARD.test(argument)) {
      for (const file of await expandGlob(argument, cwd)) found.add(file);
      continue;
    }
    const path = resolve(cwd, argument);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new SockfaultError('ERR_INVALID_ARGUMENT', `no such file or folder: ${argument}`);
    if (!info.isDirectory()) {
      found.add(path);
      continue;
    }
    const files = await scenariosIn(path);
    if (files.length === 0) {
      const looked = '*.yaml, *.yml, *.json, *.scenario.{ts,mts,js,mjs}';
      throw new SockfaultError('ERR_INVALID_ARGUMENT', `no scenario files in ${argument} (looked for ${looked})`);
    }
    for (const file of files) found.add(file);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
