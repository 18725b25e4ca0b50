/**
 * Benchmark: what the fault proxy costs next to direct loopback and a naive pipe relay.
 *
 *   driver (this process) ──▶ direct ───────────────────────────▶ target server
 *                         ──▶ relay child (pipe | proxy | proxy-armed) ──▶ target server
 *
 * Scenarios: 1 GiB one-way each way (client→server to a sink, server→client as a download),
 * 1 GiB echo, 32-byte ping-pong round trips; and the relay's CPU time per GiB.
 * Each repetition measures every mode back to back (rotating which goes first), and the
 * table shows medians. Only 127.0.0.1; every wait is bounded.
 *
 * Topology (`--servers`): by default the target server runs in this process, next to the
 * driver, so that on 2 cores each busy process has a core of its own: direct uses one
 * process, a relay run uses two (driver+server, relay). With `--servers process` the
 * server gets its own process too, so a relay run has three busy processes on two cores
 * and also measures how the relay competes for CPU (see bench/README.md).
 *
 * Pinning (default, Linux with taskset, inline servers): this process runs on CPU 0 and the
 * relays on CPU 1. Unpinned, the scheduler sometimes puts driver and relay on the same CPU,
 * which serialises them but makes wake-ups cheap: runs then mix two regimes (round trips of
 * about 40 or 120 µs on the 2-vCPU VM we measured on). `--no-pin` leaves placement alone.
 *
 *   node --import tsx bench/relay.ts [--size MiB] [--reps N] [--round-trips N] [--servers inline|process] [--no-pin]
 */
import { availableParallelism, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type BenchChild, killChildren, pinSelf, startChild } from './child.js';
import { type Endpoint, download, echo, oneWay, roundTrips, startTargetServer } from './servers.js';

const MODES = ['direct', 'pipe', 'proxy', 'proxy-armed'] as const;
type Mode = (typeof MODES)[number];
type Relay = Exclude<Mode, 'direct'>;

export interface RelayBenchOptions {
  /** Bytes per throughput run, in MiB. Default 1024 (1 GiB). */
  sizeMiB: number;
  reps: number;
  roundTrips: number;
  servers: 'inline' | 'process';
  /** Pin this process to CPU 0 and each relay to CPU 1 (Linux, taskset; inline servers only). */
  pin: boolean;
}

const DEFAULTS: RelayBenchOptions = { sizeMiB: 1024, reps: 3, roundTrips: 20_000, servers: 'inline', pin: true };
const BLOCK = Buffer.alloc(64 * 1024, 0x5a);
const MESSAGE = 32;

/** Parses `--size`, `--reps`, `--round-trips`, `--servers`, `--no-pin`; throws on anything else. */
export function parseArgs(argv: readonly string[]): RelayBenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--no-pin') {
      options.pin = false;
      i--;
      continue;
    }
    const count = Number(value);
    if (flag === '--servers' && (value === 'inline' || value === 'process')) options.servers = value;
    else if (!Number.isInteger(count) || count < 1) throw new Error(`relay bench: bad argument ${flag} ${value ?? ''}`);
    else if (flag === '--size') options.sizeMiB = count;
    else if (flag === '--reps') options.reps = count;
    else if (flag === '--round-trips') options.roundTrips = count;
    else throw new Error(`relay bench: unknown option ${flag}`);
  }
  return options;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/** Rotates the mode order so that no mode always runs first (or last) in a repetition. */
function rotation(rep: number): Mode[] {
  return MODES.map((_, i) => MODES[(i + rep) % MODES.length]!);
}

type Series = Record<Mode, number[]>;

interface Results {
  upload: Series;
  download: Series;
  echo: Series;
  rttMean: Series;
  rttP99: Series;
  /** Relay CPU ms per GiB moved, per direction. */
  cpuUpload: Series;
  cpuDownload: Series;
}

function emptyResults(): Results {
  const series = (): Series => ({ direct: [], pipe: [], proxy: [], 'proxy-armed': [] });
  return { upload: series(), download: series(), echo: series(), rttMean: series(), rttP99: series(), cpuUpload: series(), cpuDownload: series() };
}

/** The results as a Markdown table of medians. */
export function table(results: Results, options: RelayBenchOptions): string {
  const size = options.sizeMiB % 1024 === 0 ? `${options.sizeMiB / 1024} GiB` : `${options.sizeMiB} MiB`;
  const header = ['scenario', 'direct', 'pipe', 'proxy', 'proxy-armed', 'proxy/direct', 'pipe/direct', 'armed/proxy'];
  const rows: string[][] = [header];
  const medians = (values: Series): Record<Mode, number> =>
    Object.fromEntries(MODES.map((mode) => [mode, values[mode].length > 0 ? median(values[mode]) : Number.NaN])) as Record<Mode, number>;
  const row = (name: string, values: Series, digits: number): Record<Mode, number> => {
    const med = medians(values);
    const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '—');
    rows.push([name, ...MODES.map((mode) => (Number.isNaN(med[mode]) ? '—' : med[mode].toFixed(digits))), ratio(med.proxy, med.direct), ratio(med.pipe, med.direct), ratio(med['proxy-armed'], med.proxy)]);
    return med;
  };
  row(`one-way ${size} client→server, MB/s`, results.upload, 0);
  row(`one-way ${size} server→client, MB/s`, results.download, 0);
  row(`echo ${size}, MB/s each way`, results.echo, 0);
  const mean = row(`${MESSAGE} B round trip, mean µs`, results.rttMean, 1);
  const p99 = row(`${MESSAGE} B round trip, p99 µs`, results.rttP99, 1);
  const added = (med: Record<Mode, number>): string[] => MODES.map((mode) => (mode === 'direct' ? '—' : `+${(med[mode] - med.direct).toFixed(1)}`));
  rows.push(['round trip added by the relay, mean µs', ...added(mean), '', '', '']);
  rows.push(['round trip added by the relay, p99 µs', ...added(p99), '', '', '']);
  row('relay CPU s per GiB client→server', results.cpuUpload, 2);
  row('relay CPU s per GiB server→client', results.cpuDownload, 2);
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** Runs the relay benchmark and prints the table; children are always killed. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseArgs(argv);
  const total = options.sizeMiB * 1024 * 1024;
  const transferTimeout = Math.max(60_000, options.sizeMiB * 200); // ≥ 5 MB/s or give up
  const rttTimeout = Math.max(30_000, options.roundTrips * 5);
  console.log(`relay bench: ${availableParallelism()} CPUs, node ${process.version}, ${new Date().toISOString()}`);
  console.log(`servers: ${options.servers}; ${options.sizeMiB} MiB per transfer, ${options.reps} reps, ${options.roundTrips} round trips`);
  const pinned = options.pin && options.servers === 'inline' && pinSelf(0);
  console.log(pinned ? 'pinned: driver and target server on CPU 0, each relay on CPU 1' : 'not pinned: the scheduler places the processes');
  console.log(`load average at start: ${load()}`);
  const inline = options.servers === 'inline' ? await startTargetServer() : undefined;
  try {
    const serverChild = inline ? undefined : await startChild('./servers.ts', []);
    const targetPort = inline ? (inline.address() as AddressInfo).port : serverChild!.port;
    const relays = {} as Record<Relay, BenchChild>;
    for (const relay of ['pipe', 'proxy', 'proxy-armed'] as const) relays[relay] = await startChild('./relay-process.ts', [relay, String(targetPort)], pinned ? 1 : undefined);
    const endpoint = (mode: Mode): Endpoint => ({ host: '127.0.0.1', port: mode === 'direct' ? targetPort : relays[mode].port });

    // Warm-up: JIT in the driver, the server and every relay.
    for (const mode of MODES) {
      await oneWay(endpoint(mode), 64 * 1024 * 1024, BLOCK, transferTimeout);
      await download(endpoint(mode), 64 * 1024 * 1024, transferTimeout);
      await echo(endpoint(mode), 32 * 1024 * 1024, BLOCK, transferTimeout);
      await roundTrips(endpoint(mode), 2000, MESSAGE, rttTimeout);
    }

    const results = emptyResults();
    const rate = (ms: number): number => total / 1e6 / (ms / 1000);
    const gib = total / 2 ** 30;
    /** Runs `measure` and records the relay's CPU time per GiB into `cpu`. */
    const withCpu = async (mode: Mode, cpu: Series | undefined, measure: () => Promise<number>): Promise<number> => {
      const relay = mode === 'direct' ? undefined : relays[mode];
      const before = await relay?.cpuMs();
      const value = await measure();
      if (relay && cpu) cpu[mode].push(((await relay.cpuMs()) - before!) / 1000 / gib);
      return value;
    };
    for (let rep = 0; rep < options.reps; rep++) {
      for (const mode of rotation(rep)) {
        const to = endpoint(mode);
        results.upload[mode].push(rate(await withCpu(mode, results.cpuUpload, () => oneWay(to, total, BLOCK, transferTimeout))));
        results.download[mode].push(rate(await withCpu(mode, results.cpuDownload, () => download(to, total, transferTimeout))));
        results.echo[mode].push(rate(await echo(to, total, BLOCK, transferTimeout)));
        const times = await roundTrips(to, options.roundTrips, MESSAGE, rttTimeout);
        results.rttMean[mode].push(times.reduce((sum, t) => sum + t, 0) / times.length);
        results.rttP99[mode].push(percentile(times, 99));
        const last = (values: number[], digits = 0): string => values.at(-1)!.toFixed(digits);
        console.log(
          `  rep ${rep + 1} ${mode.padEnd(11)} up ${last(results.upload[mode])}, down ${last(results.download[mode])}, ` +
            `echo ${last(results.echo[mode])} MB/s; rtt ${last(results.rttMean[mode], 1)} µs (p99 ${last(results.rttP99[mode], 1)})`,
        );
      }
    }
    console.log(`load average at end: ${load()}\n`);
    console.log(table(results, options));
  } finally {
    killChildren();
    // Bounded: a connection a killed relay left half-open must not hold the bench.
    await new Promise<void>((resolve) => {
      if (!inline) return resolve();
      const timer = setTimeout(resolve, 2000).unref();
      inline.close(() => (clearTimeout(timer), resolve()));
    });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
