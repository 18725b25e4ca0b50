/**
 * Runs the BUILT CLI (`node bin/sockfault.js`, from the repository root) as a black box:
 * `npm test` builds dist/ before Jest. Every wait is bounded and the child is killed in
 * `finally`, so a hanging CLI fails one test instead of the whole run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pEvent } from 'p-event';

/** The repository root: the CLI's working folder in these tests. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'sockfault.js');
/** Fixtures of the CLI tests, relative to ROOT (as a user would type them). */
export const FIXTURES = 'test/fixtures/cli';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeout?: number;
}

/** Starts the CLI; the caller must `stop()` it. */
export function startCli(args: readonly string[], options: CliOptions = {}): { child: ChildProcess; output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { child, output: () => ({ stdout, stderr }) };
}

/** Kills `child` if it still runs (test cleanup). */
export function stop(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Waits for the child to exit and its output to end. */
export async function finished(child: ChildProcess, output: () => { stdout: string; stderr: string }, timeout: number): Promise<CliResult> {
  const [code, signal] = (await pEvent(child, 'close', { multiArgs: true, timeout, rejectionEvents: [] })) as [number | null, NodeJS.Signals | null];
  return { code, signal, ...output() };
}

/** Runs `sockfault <args>` to the end (bounded by `timeout`, default 60 s). */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const { child, output } = startCli(args, options);
  try {
    return await finished(child, output, options.timeout ?? 60_000);
  } finally {
    stop(child);
  }
}

const made: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs}. */
export async function tempDir(prefix = 'sockfault-cli-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} made (call it in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** True while `pid` is a live process (a zombie waiting for its reaper counts as dead). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code === 'ESRCH') return false;
    throw error;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Polls `condition` every 50 ms until it holds; throws after `timeoutMs` (state with no event to wait on). */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
