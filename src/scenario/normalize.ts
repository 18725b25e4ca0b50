/**
 * ScenarioInput (what users write) → Scenario (what the runner sees): every default filled
 * in once, here, and every path made absolute against the scenario file's folder. The
 * defaults are the ones documented field by field in `types.ts`.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCode } from '../errors.js';
import { validateFault } from '../faults/validate.js';
import type { Fault } from '../faults/types.js';
import type { ScenarioIssue } from './issues.js';
import { scenarioInvalid } from './scenario-error.js';
import type { ReadbackInput, Scenario, ScenarioInput, SizeInput, TargetInput, WorkloadInput } from './types.js';

/** Paths in a scenario are relative to its file; `file:` URLs are accepted too. */
function resolvePath(dir: string, path: string): string {
  if (path.startsWith('file:')) return fileURLToPath(path);
  return isAbsolute(path) ? path : resolve(dir, path);
}

function normalizeTarget(target: TargetInput, dir: string): TargetInput {
  if ('command' in target) {
    return {
      command: Array.isArray(target.command) ? [...target.command] : target.command,
      shell: target.shell ?? false,
      env: { ...target.env },
      cwd: resolvePath(dir, target.cwd ?? '.'),
      ready: target.ready ?? 'port',
      readyTimeout: target.readyTimeout ?? 10_000,
      stopGrace: target.stopGrace ?? 2000,
    };
  }
  if ('module' in target) return { module: resolvePath(dir, target.module), reuse: target.reuse ?? true };
  return { address: target.address };
}

function normalizeSize(size: SizeInput | undefined): SizeInput {
  if (size === undefined) return { min: 1, max: 64 };
  return typeof size === 'number' ? { min: size, max: size } : { min: size.min, max: size.max };
}

function normalizeWorkload(workload: WorkloadInput, dir: string): WorkloadInput {
  if ('module' in workload) return { module: resolvePath(dir, workload.module), options: { ...workload.options } };
  const common = {
    connections: workload.connections ?? 1,
    messages: workload.messages ?? 10,
    payload: normalizeSize(workload.payload),
    pipeline: workload.pipeline ?? 1,
    retry: workload.retry ?? 'none',
    maxReconnects: workload.maxReconnects ?? 5,
    ackTimeout: workload.ackTimeout ?? 2000,
  } as const;
  switch (workload.type) {
    case 'lines':
      return { type: 'lines', ...common, send: workload.send ?? 'PUT {id} {payload}', ack: workload.ack ?? 'OK {id}' };
    case 'frames':
      return { type: 'frames', ...common };
    case 'http':
      return { type: 'http', ...common, method: workload.method ?? 'POST', path: workload.path ?? '/entries' };
  }
}

function normalizeReadback(readback: ReadbackInput | undefined, workload: WorkloadInput, dir: string): ReadbackInput {
  if (readback === undefined) return 'module' in workload ? 'none' : 'builtin';
  if (typeof readback === 'string') return readback;
  if ('module' in readback) return { module: resolvePath(dir, readback.module) };
  if ('file' in readback) return { file: resolvePath(dir, readback.file) };
  const lines = readback.lines;
  return { lines: { query: lines?.query ?? 'LIST', entry: lines?.entry ?? '{id} {payload}', end: lines?.end ?? 'END' } };
}

/**
 * Validates each fault with `validateFault`. Its ERR_INVALID_FAULT becomes an issue on the
 * same field path (`faults[1].at.bytes`), keeping the original error as `cause`.
 */
export function checkFaults(faults: readonly unknown[] | undefined): { faults: Fault[]; issues: ScenarioIssue[] } {
  const valid: Fault[] = [];
  const issues: ScenarioIssue[] = [];
  (faults ?? []).forEach((input, index) => {
    try {
      valid.push(validateFault(input, `faults[${index}]`));
    } catch (error) {
      if (!hasCode(error, 'ERR_INVALID_FAULT')) throw error;
      const { message, location = `faults[${index}]` } = error as { message: string; location?: string };
      const bare = message.startsWith(`${location}: `) ? message.slice(location.length + 2) : message;
      issues.push({ path: location, message: bare, at: 'value', cause: error });
    }
  });
  return { faults: valid, issues };
}

/**
 * Fills in every default of a scenario whose shape is already valid (see `validateScenario`
 * for input of unknown shape). Faults are validated here; a bad one is ERR_SCENARIO_INVALID.
 * @param options.dir folder that relative paths are resolved against; `file`: the scenario file.
 */
export function normalizeScenario(input: ScenarioInput, options: { dir: string; file?: string }): Scenario {
  const dir = resolve(options.dir);
  const { faults, issues } = checkFaults(input.faults);
  if (issues.length > 0) throw scenarioInvalid(issues, { label: options.file ?? input.name });
  const workload = normalizeWorkload(input.workload, dir);
  const expect = input.expect ?? {};
  const generate = input.generate ?? {};
  return {
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(options.file === undefined ? {} : { file: resolve(options.file) }),
    dir,
    target: normalizeTarget(input.target, dir),
    workload,
    readback: normalizeReadback(input.readback, input.workload, dir),
    expect: {
      delivery: expect.delivery ?? 'exactly-once',
      order: expect.order ?? 'none',
      target: expect.target ?? 'must-not-crash',
      verdict: expect.verdict ?? 'holds',
      ...(expect.closeWithin === undefined ? {} : { closeWithin: expect.closeWithin }),
    },
    faults,
    generate: {
      actions: [...(generate.actions ?? ['destroy', 'reset'])],
      maxFaults: generate.maxFaults ?? 2,
      runs: generate.runs ?? 100,
      ...(generate.seed === undefined ? {} : { seed: generate.seed }),
      ...(generate.connections === undefined ? {} : { connections: [...generate.connections] }),
    },
    timeout: input.timeout ?? 30_000,
  };
}
