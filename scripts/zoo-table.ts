/**
 * Measures the bug zoo and writes its table into the README (between the `zoo` markers):
 * for every entry, the search on the buggy scenario (runs to the first failure, the shrunk
 * plan and its size) and the search on the fixed twin (runs that held).
 *
 *   node --import tsx scripts/zoo-table.ts            print the table
 *   node --import tsx scripts/zoo-table.ts --write    and put it in README.md
 *
 * The seed is fixed so the table is reproducible; it is printed with the table.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describePlan } from '../src/faults/describe.js';
import { validateFault } from '../src/faults/validate.js';
import { checkScenario } from '../src/property/check-scenario.js';
import { loadScenario } from '../src/scenario/load.js';

const SEED = 20261130;
const root = fileURLToPath(new URL('..', import.meta.url));
const zoo = join(root, 'scenarios', 'zoo');

interface Row {
  entry: string;
  family: string;
  anomaly: string;
  firstFailure: string;
  size: string;
  plan: string;
  fixed: string;
}

async function measure(entry: string): Promise<Row> {
  const buggy = await loadScenario(join(zoo, entry, 'buggy.yaml'));
  let runsToFailure: number | undefined;
  let runs = 0;
  const found = await checkScenario(buggy, {
    seed: SEED,
    onProgress: (event) => {
      if (event.type !== 'run') return;
      runs++;
      if (event.failed && runsToFailure === undefined) runsToFailure = runs;
    },
  });
  const fixed = await checkScenario(await loadScenario(join(zoo, entry, 'fixed.yaml')), { seed: SEED });
  const minimal = found.minimal;
  const kinds = [...new Set(minimal?.verdict.anomalies.map((anomaly) => anomaly.kind) ?? [])];
  const actions = buggy.generate.actions.map((action) => (typeof action === 'string' ? action : action.action));
  return {
    entry,
    family: [...new Set(actions)].join(', '),
    anomaly: kinds.join(', ') || `not caught (${found.status})`,
    firstFailure: runsToFailure === undefined ? '—' : String(runsToFailure),
    size: minimal ? String(minimal.plan.length) : '—',
    plan: minimal ? describePlan(minimal.plan.map((fault, i) => validateFault(fault, `plan[${i}]`))) : '—',
    fixed: `${fixed.status === 'passed' ? 'held' : fixed.status} over ${fixed.runs} runs`,
  };
}

function table(rows: Row[]): string {
  const lines = [
    `Measured by \`node --import tsx scripts/zoo-table.ts --write\` with seed ${SEED}.`,
    '',
    '| entry | fault family | anomaly | runs to first failure | shrunk plan size | minimal plan | fixed twin |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| [${row.entry}](scenarios/zoo/${row.entry}/) | ${row.family} | ${row.anomaly} | ${row.firstFailure} | ${row.size} | ${row.plan} | ${row.fixed} |`),
  ];
  return lines.join('\n');
}

const entries = (await readdir(zoo, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const rows: Row[] = [];
for (const entry of entries) {
  rows.push(await measure(entry));
  process.stderr.write(`measured ${entry}\n`);
}
const text = table(rows);
process.stdout.write(`${text}\n`);
if (process.argv.includes('--write')) {
  const readme = join(root, 'README.md');
  const current = await readFile(readme, 'utf8');
  const start = current.indexOf('<!-- zoo-table -->');
  const end = current.indexOf('<!-- /zoo-table -->');
  if (start < 0 || end < 0) throw new Error('README.md has no <!-- zoo-table --> … <!-- /zoo-table --> markers');
  await writeFile(readme, `${current.slice(0, start)}<!-- zoo-table -->\n${text}\n${current.slice(end)}`);
}
