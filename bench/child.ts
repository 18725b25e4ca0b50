/**
 * Bench child processes (relays, the target server) with a tiny line protocol:
 *
 *   spawn `node --import tsx <file> …args` ──▶ waits for "port N" on stdout (bounded)
 *   request("cpu") ──stdin──▶ child ──stdout "cpu USER SYSTEM"──▶ resolved (bounded)
 *
 * Every child is killed by `killChildren()`, which the bench calls in `finally`, and on
 * SIGINT / SIGTERM / exit of the bench. A child also exits by itself when its stdin
 * closes, so even a SIGKILLed bench leaves nothing behind.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const live = new Set<ChildProcess>();

export interface BenchChild {
  port: number;
  pid: number;
  /** CPU time the child used so far, in ms (user + system). */
  cpuMs(): Promise<number>;
  kill(): void;
}

/**
 * Starts `bench/<file>` in its own Node process (on CPU `cpu` only, through `taskset`, when
 * given); resolves once it printed its port.
 */
export async function startChild(file: string, args: readonly string[], cpu?: number, timeoutMs = 15_000): Promise<BenchChild> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const command = [process.execPath, '--import', 'tsx', path, ...args];
  // taskset execs node: the pid stays the same, so kill() still reaches it.
  const [program, ...rest] = cpu === undefined ? command : ['taskset', '-c', String(cpu), ...command];
  const child = spawn(program!, rest, { stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (text: string) => {
    buffer += text;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = (what: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file} ${args.join(' ')}: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      const onExit = (code: number | null): void => {
        clearTimeout(timer);
        reject(new Error(`${file} ${args.join(' ')} exited (${code}) before ${what}`));
      };
      child.once('exit', onExit);
      waiting.push((line) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(line);
      });
    });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    live.delete(child);
  };
  try {
    const first = await nextLine('port');
    const port = Number(/^port (\d+)$/.exec(first)?.[1]);
    if (!Number.isInteger(port)) throw new Error(`${file}: expected "port N", got ${JSON.stringify(first)}`);
    return {
      port,
      pid: child.pid!,
      kill,
      async cpuMs() {
        const reply = nextLine('cpu');
        child.stdin!.write('cpu\n');
        const [, user, system] = /^cpu (\d+) (\d+)$/.exec(await reply) ?? [];
        return (Number(user) + Number(system)) / 1000;
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}

/**
 * Pins this process (every thread) to CPU `cpu` with `taskset`; false where that is not
 * possible (not Linux, no taskset, fewer CPUs).
 */
export function pinSelf(cpu: number): boolean {
  if (process.platform !== 'linux' || availableParallelism() <= cpu) return false;
  const result = spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(process.pid)], { stdio: 'ignore', timeout: 5000 });
  return result.status === 0;
}

/** Kills every child still running (idempotent). */
export function killChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  live.clear();
}

process.once('exit', killChildren);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(code);
  });
}
