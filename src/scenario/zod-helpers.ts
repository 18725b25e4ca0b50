/**
 * Small zod builders that carry human messages. Every schema states what it expects in
 * words ("a positive integer"), and the message is built from the offending input, so an
 * error reads `expected a positive integer, got "ten"` instead of zod's internals.
 * Checks (`min`, `max`) fall back to their schema's message, so each builder sets it once.
 */
import { z } from 'zod';

/** A value as a user would recognise it in their file: `"ten"`, `-1`, `a list`, `{ module, reuse }`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    return keys.length === 0 ? '{}' : `{ ${keys.join(', ')} }`;
  }
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** `"a", "b" or "c"` */
export function quotedList(values: readonly string[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** An error map answering every issue of a schema with `expected <what>, got <input>`. */
export function expecting(what: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => `expected ${what}, got ${describeValue(issue.input)}` };
}

/** `a positive integer`, `an integer from 0 to 600000`: the words of every integer message. */
export function integerWords(min: number, max: number | undefined): string {
  if (max !== undefined) return `an integer from ${min} to ${max}`;
  if (min === 1) return 'a positive integer';
  if (min === 0) return 'a non-negative integer';
  return `an integer ≥ ${min}`;
}

/** A safe integer in `[min, max]`. */
export function integer(min: number, max?: number): z.ZodInt {
  const schema = z.int(expecting(integerWords(min, max))).min(min);
  return max === undefined ? schema : schema.max(max);
}

/** A finite number in `[min, max]`. */
export function number(min: number, max?: number): z.ZodNumber {
  const schema = z.number(expecting(`a number from ${min}${max === undefined ? '' : ` to ${max}`}`)).min(min);
  return max === undefined ? schema : schema.max(max);
}

/** A non-empty string. */
export function text(): z.ZodString {
  return z.string(expecting('a non-empty string')).min(1);
}

/** `true` or `false` (YAML 1.2: `yes`/`no` are strings, and rejected here). */
export function flag(): z.ZodBoolean {
  return z.boolean(expecting('true or false'));
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, expecting(values.length === 2 ? quotedList(values) : `one of ${quotedList(values)}`));
}

/** A list; `min` entries at least. */
export function list<T extends z.ZodType>(item: T, min = 0): z.ZodArray<T> {
  const schema = z.array(item, {
    // Checks (`min`) report through their schema's map at run time, whatever the map's declared type.
    error: (issue) =>
      (issue as { code: string }).code === 'too_small'
        ? `expected at least ${min} ${min === 1 ? 'entry' : 'entries'}, got ${(issue.input as unknown[]).length || 'none'}`
        : `expected a list, got ${describeValue(issue.input)}`,
  });
  return min > 0 ? schema.min(min) : schema;
}

/**
 * A strict object: unknown keys are errors. For them the message is only the list of
 * known keys; the issue converter adds which key and where (`issues.ts`).
 */
export function strict<T extends z.core.$ZodLooseShape>(shape: T, what = 'an object'): z.ZodObject<T, z.core.$strict> {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `expected one of: ${known}` : `expected ${what}, got ${describeValue(issue.input)}`),
  });
}

/**
 * A union whose message, when no option fits at all, says what is accepted. When one
 * option clearly fits, `issues.ts` reports that option's own issues instead.
 */
export function either<const T extends readonly [z.core.SomeType, ...z.core.SomeType[]]>(options: T, what: string): z.ZodUnion<T> {
  return z.union(options, expecting(what));
}

/** `{ min, max }` with `min ≤ max` (reported on `max`); `bound` builds each end's schema. */
export function range(bound: () => z.ZodInt | z.ZodNumber, what: string) {
  return strict({ min: bound(), max: bound() }, what).refine((value) => value.min <= value.max, {
    path: ['max'],
    error: (issue) => {
      const value = issue.input as { min: number; max: number };
      return `expected at least min (${value.min}), got ${value.max}`;
    },
  });
}
