/**
 * The fault parts of the scenario schema, built from the action registry so that a new
 * action (or parameter) cannot be forgotten here:
 *
 *   ACTIONS[name].params (ParamSpec) ─┬─▶ faultJsonSchema        (JSON Schema only; validateFault checks faults)
 *                                     └─▶ generateActionSchema   (validates generate.actions and documents it)
 */
import { z } from 'zod';
import { ACTIONS } from '../faults/registry.js';
import { ACTION_NAMES, type ActionName, type ParamSpec } from '../faults/types.js';
import type { GenerateActionInput } from './types.js';
import { describeValue, either, expecting, integer, integerWords, list, number, oneOf, quotedList, range, strict } from './zod-helpers.js';

function unknownAction(action: unknown): string {
  return `unknown action ${describeValue(action)} (expected one of ${ACTION_NAMES.join(', ')})`;
}

function documented<T extends z.ZodType>(schema: T, spec: ParamSpec): T {
  return schema.meta(spec.default === undefined ? { description: spec.doc } : { description: spec.doc, default: spec.default });
}

function paramValue(spec: ParamSpec): z.ZodType {
  if (spec.kind === 'enum') return oneOf(spec.values as [string, ...string[]]);
  return spec.kind === 'integer' ? integer(spec.min, spec.max) : number(spec.min, spec.max);
}

function valueWords(spec: ParamSpec): string {
  if (spec.kind === 'enum') return quotedList(spec.values);
  if (spec.kind === 'integer') return integerWords(spec.min, spec.max);
  return `a number from ${spec.min}${spec.max === undefined ? '' : ` to ${spec.max}`}`;
}

/** What the search may pick for one parameter: a fixed value or a range (enum: a list of values). */
function paramRange(spec: ParamSpec): z.ZodType {
  if (spec.kind === 'enum') {
    return either([paramValue(spec), list(paramValue(spec), 1)], `${valueWords(spec)}, or a list of them`);
  }
  const bounds = range(() => paramValue(spec) as z.ZodInt | z.ZodNumber, '{ min, max }');
  return either([paramValue(spec), bounds], `${valueWords(spec)}, or { min, max } within it`);
}

function mapParams(name: ActionName, build: (spec: ParamSpec) => z.ZodType): Record<string, z.ZodOptional<z.ZodType>> {
  return Object.fromEntries(
    Object.entries(ACTIONS[name].params).map(([key, spec]) => [key, documented(build(spec), spec).optional()]),
  );
}

type Options = [z.ZodObject<z.core.$ZodLooseShape, z.core.$strict>, ...z.ZodObject<z.core.$ZodLooseShape, z.core.$strict>[]];

function perAction(build: (name: ActionName) => z.ZodObject<z.core.$ZodLooseShape, z.core.$strict>): Options {
  return ACTION_NAMES.map(build) as Options;
}

const triggerSchema = strict({
  connection: either([integer(1), z.literal('any')], 'a connection number from 1, or "any"')
    .optional()
    .describe('The N-th accepted connection (from 1) or `any` (the first to reach the trigger). Default `any`.'),
  direction: oneOf(['upstream', 'downstream'])
    .optional()
    .describe('`upstream` is client → server, `downstream` is server → client. Default `upstream`.'),
  bytes: integer(0).optional().describe('Fires once exactly this many bytes have been forwarded in `direction`.'),
  afterMs: integer(0).optional().describe('Fires this many milliseconds after the connection opened.'),
}).describe('Where a fault fires. Give at most one of `bytes` and `afterMs`; with neither it fires on open.');

/**
 * One fault entry, for the JSON Schema: per action its own strict parameters (`oneOf`),
 * and above them the action name as one enum, which is what editors complete and what a
 * new action extends.
 */
export const faultJsonSchema = z
  .discriminatedUnion(
    'action',
    perAction((name) =>
      strict({ at: triggerSchema.optional(), action: z.literal(name).describe(ACTIONS[name].doc), ...mapParams(name, paramValue) }),
    ),
  )
  .meta({
    description: 'A fault: `{ at: trigger, action, ...params }`.',
    type: 'object',
    properties: { action: { type: 'string', enum: [...ACTION_NAMES], description: 'The fault action.' } },
    required: ['action'],
  });

/**
 * One entry of `generate.actions`: an action name, or `{ action, ...parameter ranges }`.
 * Typed by hand: the per-action shapes are built from the registry at run time.
 */
export const generateActionSchema = z
  .union(
    [
      z.enum(ACTION_NAMES, { error: (issue) => unknownAction(issue.input) }),
      z.discriminatedUnion(
        'action',
        perAction((name) => strict({ action: z.literal(name).describe(ACTIONS[name].doc), ...mapParams(name, paramRange) })),
        {
          error: (issue) =>
            (issue as { code: string }).code === 'invalid_type'
              ? `expected an object, got ${describeValue(issue.input)}`
              : unknownAction((issue.input as { action?: unknown } | undefined)?.action),
        },
      ),
    ],
    {
      error: (issue) =>
        typeof issue.input === 'string'
          ? unknownAction(issue.input)
          : expecting('an action name or { action, ...parameter ranges }').error(issue),
    },
  )
  .describe(
    'An action the search may use: its name, or `{ action, ...parameter ranges }` (a value, `{ min, max }`, or for `side` a list).',
  ) as unknown as z.ZodType<GenerateActionInput>;
