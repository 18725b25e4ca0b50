/**
 * Runs the benchmarks in bench/, one after the other (never in parallel: they would
 * measure each other). `npm run bench` runs all; `npm run bench -- relay` runs one;
 * options after the names go to it (`npm run bench -- relay --reps 5`).
 *
 *   node --import tsx bench/index.ts [name…] [--option value…]
 */
import { pathToFileURL } from 'node:url';

/** Name → run; each module is imported only when selected. Only `relay` takes options. */
const BENCHMARKS: Record<string, (argv: readonly string[]) => Promise<unknown>> = {
  relay: async (argv) => (await import('./relay.js')).main(argv),
  checker: async () => (await import('./checker.js')).main(),
  search: async () => (await import('./search.js')).main(),
};

/** Runs the named benchmarks (all when none is named); sets a failing exit code on error. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
  const names = firstOption === -1 ? [...argv] : argv.slice(0, firstOption);
  const options = firstOption === -1 ? [] : argv.slice(firstOption);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`);
    process.exitCode = 2;
    return;
  }
  const selected = names.length > 0 ? names : Object.keys(BENCHMARKS);
  if (options.length > 0 && (selected.length > 1 || selected[0] !== 'relay')) {
    console.error('options are for the relay benchmark only: npm run bench -- relay --reps 5');
    process.exitCode = 2;
    return;
  }
  for (const name of selected) {
    console.log(`\n## ${name}\n`);
    try {
      await BENCHMARKS[name]!(options);
    } catch (error) {
      console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
