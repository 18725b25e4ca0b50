/**
 * Fault validation: FaultInput (anything) → Fault, or ERR_INVALID_FAULT naming the field.
 * Unknown keys are errors: a typo in a fault plan must not pass silently.
 */
import { SockfaultError } from '../errors.js';
import { ACTIONS, isActionName } from './registry.js';
import type { Fault, FaultInput, ParamSpec, Trigger } from './types.js';

const TRIGGER_KEYS = new Set(['connection', 'direction', 'bytes', 'afterMs']);

function invalid(path: string, message: string): SockfaultError {
  return new SockfaultError('ERR_INVALID_FAULT', `${path}: ${message}`, { location: path });
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkInteger(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw invalid(path, `expected ${range}, got ${describeValue(value)}`);
  }
  return value;
}

function validateTrigger(input: unknown, path: string): Trigger {
  if (input === undefined) return { connection: 'any', direction: 'upstream' };
  if (!isPlainObject(input)) throw invalid(path, `expected an object, got ${describeValue(input)}`);
  for (const key of Object.keys(input)) {
    if (!TRIGGER_KEYS.has(key)) throw invalid(`${path}.${key}`, 'unknown trigger key (expected connection, direction, bytes or afterMs)');
  }
  const { connection = 'any', direction = 'upstream', bytes, afterMs } = input;
  if (connection !== 'any') checkInteger(connection, `${path}.connection`, 1);
  if (direction !== 'upstream' && direction !== 'downstream') {
    throw invalid(`${path}.direction`, `expected "upstream" or "downstream", got ${describeValue(direction)}`);
  }
  if (bytes !== undefined && afterMs !== undefined) throw invalid(path, 'give either bytes or afterMs, not both');
  const trigger: Trigger = { connection: connection as number | 'any', direction };
  if (bytes !== undefined) trigger.bytes = checkInteger(bytes, `${path}.bytes`, 0);
  if (afterMs !== undefined) trigger.afterMs = checkInteger(afterMs, `${path}.afterMs`, 0);
  return trigger;
}

function validateParam(spec: ParamSpec, value: unknown, path: string): number | string | undefined {
  if (value === undefined) return spec.default;
  if (spec.kind === 'enum') {
    if (typeof value !== 'string' || !spec.values.includes(value)) {
      throw invalid(path, `expected one of ${spec.values.map((v) => `"${v}"`).join(', ')}, got ${describeValue(value)}`);
    }
    return value;
  }
  if (spec.kind === 'integer') return checkInteger(value, path, spec.min, spec.max);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || (spec.max !== undefined && value > spec.max)) {
    throw invalid(path, `expected a number from ${spec.min}${spec.max === undefined ? '' : ` to ${spec.max}`}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks one fault and fills in its defaults.
 * @param path where it stands, for the error message (`faults[2]`).
 */
export function validateFault(input: unknown, path = 'fault'): Fault {
  if (!isPlainObject(input)) throw invalid(path, `expected a fault object, got ${describeValue(input)}`);
  const { at, action, ...rest } = input;
  if (!isActionName(action)) {
    throw invalid(`${path}.action`, `unknown action ${describeValue(action)} (expected one of ${Object.keys(ACTIONS).join(', ')})`);
  }
  const definition = ACTIONS[action];
  const params: Fault['params'] = {};
  for (const key of Object.keys(rest)) {
    if (!Object.hasOwn(definition.params, key)) {
      const known = Object.keys(definition.params);
      throw invalid(`${path}.${key}`, `unknown parameter for ${action}${known.length ? ` (expected ${known.join(', ')})` : ' (it takes none)'}`);
    }
  }
  for (const [key, spec] of Object.entries(definition.params)) params[key] = validateParam(spec, rest[key], `${path}.${key}`);
  if (action === 'fragment' && (params.max as number) < (params.min as number)) {
    throw invalid(`${path}.max`, `must be at least min (${params.min}), got ${params.max}`);
  }
  return { at: validateTrigger(at, `${path}.at`), action, params };
}

/** The fault back in its input shape (`{ at, action, ...params }`), for plans in reports and replay files. */
export function faultToInput(fault: Fault): FaultInput {
  const params = Object.fromEntries(Object.entries(fault.params).filter(([, value]) => value !== undefined));
  return { at: { ...fault.at }, action: fault.action, ...params };
}
