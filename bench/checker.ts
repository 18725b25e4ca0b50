/**
 * Benchmark: checkHistory must stay (near-)linear in the number of ops. Prints the time
 * per size and per op for 10k, 100k and 1M ops; the µs/op column should stay flat.
 *
 * Not a test (timings depend on the machine). Run it with:
 *   npx esbuild bench/checker.ts --bundle --platform=node --format=esm --outfile=/tmp/checker-bench.mjs
 *   node /tmp/checker-bench.mjs
 */
import { pathToFileURL } from 'node:url';
import { checkHistory } from '../src/checker/index.js';
import type { CheckHistoryInput } from '../src/checker/index.js';
import type { Observation, OpRecord, Outcome } from '../src/history/types.js';
import type { TransportEvent } from '../src/proxy/transport-log.js';

const CONNECTIONS = 16;

/**
 * A realistic heavy run: pipelined ops on 16 connections, a few percent fail / info, about
 * 1% lost and 1% duplicated (so details are built too), and a fault per connection.
 * Observations are kept in invocation order, so `order: total` walks its full sweep.
 */
export function makeRun(ops: number): CheckHistoryInput {
  const history: OpRecord[] = [];
  const observations: Observation[] = [];
  for (let i = 0; i < ops; i++) {
    const roll = (i * 2654435761) % 1000; // cheap, deterministic spread
    const outcome: Outcome = roll < 20 ? 'fail' : roll < 50 ? 'info' : 'ok';
    const op: OpRecord = {
      id: `r1-m${i}`,
      payload: `p${i}`,
      outcome,
      connection: (i % CONNECTIONS) + 1,
      invokedAt: i,
      completedAt: i + 3,
    };
    history.push(op);
    if (outcome === 'fail') continue;
    if (outcome === 'ok' && roll >= 990) continue; // lost
    observations.push({ id: op.id, payload: op.payload as string });
    if (roll >= 980 && roll < 990) observations.push({ id: op.id, payload: op.payload as string }); // duplicated
  }
  const transportLog: TransportEvent[] = [];
  for (let c = 1; c <= CONNECTIONS; c++) {
    transportLog.push({ type: 'open', at: 0, connection: c });
    transportLog.push({ type: 'fault', at: ops / 2, connection: c, action: 'reset', description: `reset on ${c}` });
  }
  return { history, observations, transportLog, expect: { delivery: 'exactly-once', order: 'total', closeWithin: 1000 } };
}

function timeCheck(input: CheckHistoryInput, repeats: number): { ms: number; anomalies: number } {
  let best = Number.POSITIVE_INFINITY;
  let anomalies = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    anomalies = checkHistory(input).anomalies.length;
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, anomalies };
}

/** Prints one line per size: ops, best time, µs per op, anomalies found. */
export async function main(sizes: readonly number[] = [10_000, 100_000, 1_000_000]): Promise<void> {
  timeCheck(makeRun(10_000), 5); // warm the JIT so the first size is not penalised
  console.log('ops        best ms   µs/op   anomalies');
  for (const size of sizes) {
    const { ms, anomalies } = timeCheck(makeRun(size), size >= 1_000_000 ? 3 : 5);
    console.log(
      `${String(size).padEnd(10)} ${ms.toFixed(1).padStart(8)} ${((ms * 1000) / size).toFixed(3).padStart(7)}   ${anomalies}`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
