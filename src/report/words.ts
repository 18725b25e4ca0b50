/** Small wording helpers shared by the reporters: paths, numbers, durations, shell quoting. */
import { isAbsolute, relative, sep } from 'node:path';

const count = new Intl.NumberFormat('en-US');

/** `1,534`: numbers in reports read like the fault descriptions. */
export function formatCount(n: number): string {
  return count.format(n);
}

/** `1 run`, `3 runs`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

/** `850 ms`, `4.2 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** `12.5 runs/s`, one decimal: enough to compare two runs of the same scenario. */
export function formatRate(runsPerSecond: number): string {
  return `${runsPerSecond >= 100 ? Math.round(runsPerSecond) : runsPerSecond.toFixed(1)} runs/s`;
}

/**
 * A path as reports show it: relative to `cwd` when inside it, `/`-separated, so that a
 * report reads the same on every machine of a CI matrix.
 */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const inside = relative(cwd, file);
  const shown = inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
  return shown.split(sep).join('/');
}

/** Quotes `word` for a POSIX shell only when it needs it, so commands stay readable and pasteable. */
export function shellQuote(word: string): string {
  if (/^[\w./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
