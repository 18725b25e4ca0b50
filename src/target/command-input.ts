/**
 * Checks a `command` target as written and fills in its defaults. Every problem is an
 * ERR_TARGET_START naming the field (`target.command`, `target.ready.log`, …).
 */
import { resolve } from 'node:path';
import { SockfaultError } from '../errors.js';

/** How readiness is detected, with a `log` pattern already compiled. */
export type Ready = { kind: 'port' } | { kind: 'log'; pattern: RegExp } | { kind: 'ms'; ms: number };

/** A validated `command` target with every default filled in. */
export interface CommandSpec {
  /** Program (no shell) or the whole command line (shell). */
  file: string;
  args: string[];
  shell: boolean;
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  ready: Ready;
  readyTimeout: number;
  stopGrace: number;
}

/** Default milliseconds to wait for `ready`. */
export const DEFAULT_READY_TIMEOUT = 10_000;
/** Default milliseconds between SIGTERM and SIGKILL. */
export const DEFAULT_STOP_GRACE = 2000;

function fail(field: string, message: string): never {
  throw new SockfaultError('ERR_TARGET_START', `target.${field}: ${message}`, { location: `target.${field}` });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duration(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(field, `must be a number of milliseconds >= 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseReady(value: unknown): Ready {
  if (value === undefined || value === 'port') return { kind: 'port' };
  if (isRecord(value) && 'log' in value) {
    if (typeof value.log !== 'string' || value.log === '') fail('ready.log', 'must be a non-empty regular expression');
    try {
      return { kind: 'log', pattern: new RegExp(value.log) };
    } catch (cause) {
      fail('ready.log', `is not a valid regular expression: ${(cause as Error).message}`);
    }
  }
  if (isRecord(value) && 'ms' in value) return { kind: 'ms', ms: duration(value.ms, 'ready.ms', 0) };
  return fail('ready', `must be "port", { log: "<regex>" } or { ms: <number> }, got ${JSON.stringify(value)}`);
}

function parseCommand(command: unknown, shell: boolean): { file: string; args: string[] } {
  if (typeof command === 'string') {
    if (command.trim() === '') fail('command', 'is empty');
    if (!shell) {
      fail('command', `a string needs "shell: true"; without a shell give an array such as ${JSON.stringify(command.trim().split(/\s+/))}`);
    }
    return { file: command, args: [] };
  }
  if (!Array.isArray(command) || command.length === 0 || !command.every((part) => typeof part === 'string')) {
    fail('command', 'must be a non-empty array of strings (program and arguments) or a string with "shell: true"');
  }
  const [file, ...args] = command as string[];
  if (file === undefined || file === '') fail('command', 'the program (first element) is empty');
  return { file, args };
}

/** Validates a `command` target; relative `cwd` is resolved against `dir`. */
export function parseCommandInput(input: Record<string, unknown>, dir: string): CommandSpec {
  if (input.shell !== undefined && typeof input.shell !== 'boolean') fail('shell', 'must be true or false');
  const shell = input.shell === true;
  const { file, args } = parseCommand(input.command, shell);
  if (input.env !== undefined && (!isRecord(input.env) || !Object.values(input.env).every((v) => typeof v === 'string'))) {
    fail('env', 'must be a map of strings (quote numbers in YAML)');
  }
  if (input.cwd !== undefined && (typeof input.cwd !== 'string' || input.cwd === '')) fail('cwd', 'must be a non-empty path');
  const readyTimeout = duration(input.readyTimeout, 'readyTimeout', DEFAULT_READY_TIMEOUT);
  if (readyTimeout === 0) fail('readyTimeout', 'must be more than 0');
  return {
    file,
    args,
    shell,
    env: (input.env as Record<string, string> | undefined) ?? {},
    cwd: resolve(dir, (input.cwd as string | undefined) ?? '.'),
    ready: parseReady(input.ready),
    readyTimeout,
    stopGrace: duration(input.stopGrace, 'stopGrace', DEFAULT_STOP_GRACE),
  };
}
