/**
 * The scenario file schema (zod 4), one definition for two uses:
 *
 *   buildSchema(z.unknown())    ─▶ scenarioInputSchema   validates shapes; faults go to validateFault
 *   buildSchema(faultJsonSchema) ─▶ scenarioJsonSchema()  for editors and `sockfault schema`
 *
 * Every object is strict (a typo must not pass silently). No defaults are applied here:
 * `normalize.ts` fills them in, so the JSON Schema describes what users write.
 */
import { z } from 'zod';
import type { ScenarioInput } from './types.js';
import { faultJsonSchema, generateActionSchema } from './fault-schema.js';
import { either, expecting, flag, integer, list, oneOf, range, strict, text } from './zod-helpers.js';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const regexText = text().refine(isRegExp, { error: (issue) => `invalid regular expression ${JSON.stringify(issue.input)}` });

const ready = either([z.literal('port'), strict({ log: regexText }), strict({ ms: integer(0) })], '"port", { log: regex } or { ms }');

const commandTarget = strict({
  command: either([text(), list(text(), 1)], 'a command line or a list of program and arguments').describe(
    'Program and arguments (array: no shell), or a command line (string, with `shell: true`).',
  ),
  shell: flag().optional().describe('Run `command` through a shell. Default false.'),
  env: z
    .record(z.string(), z.string(expecting('a string')), expecting('an object of strings'))
    .optional()
    .describe('Extra environment variables; `PORT` is always set.'),
  cwd: text().optional().describe('Working folder, relative to the scenario file (its folder by default).'),
  ready: ready.optional().describe('Default `port`: a TCP connection to `PORT` succeeds.'),
  readyTimeout: integer(1).optional().describe('Milliseconds to wait for `ready`. Default 10000.'),
  stopGrace: integer(0).optional().describe('Milliseconds between SIGTERM and SIGKILL on stop. Default 2000.'),
});

const moduleTarget = strict({
  module: text().describe('A file exporting `createServer()` or `start({ port })`, relative to the scenario file.'),
  reuse: flag().optional().describe('Reuse one server across the runs of a search (default true).'),
});

const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):\d{1,5}$/;
const addressTarget = strict({
  address: text()
    .regex(HOST_PORT, { error: (issue) => `expected "host:port", got ${JSON.stringify(issue.input)}` })
    .describe('`host:port` of a server that is already running. Loopback unless `allowRemote`.'),
});

const target = either([commandTarget, moduleTarget, addressTarget], 'one of command, module or address').describe(
  'The server under test: a command to spawn, a module to import, or a running address.',
);

const common = {
  connections: integer(1).optional().describe('Parallel client connections. Default 1.'),
  messages: integer(1).optional().describe('Operations per connection. Default 10.'),
  payload: either([integer(0), range(() => integer(0), '{ min, max }')], 'a size in bytes or { min, max }')
    .optional()
    .describe('Payload size in bytes (seeded content). Default { min: 1, max: 64 }.'),
  pipeline: integer(1).optional().describe('Requests in flight per connection before waiting for acks. Default 1.'),
  retry: oneOf(['none', 'resend-unacked']).optional().describe('What a client does when its connection dies. Default `none`.'),
  maxReconnects: integer(0).optional().describe('Reconnect attempts per connection under `resend-unacked`. Default 5.'),
  ackTimeout: integer(1).optional().describe('Milliseconds an op may wait for its ack before the connection is abandoned. Default 2000.'),
};

const BUILTIN = ['lines', 'frames', 'http'] as const;
const builtinWorkload = z.discriminatedUnion(
  'type',
  [
    strict({
      type: z.literal('lines'),
      ...common,
      send: text().optional().describe('Request line template. Default `PUT {id} {payload}`.'),
      ack: text().optional().describe('Ack line template. Default `OK {id}`.'),
    }),
    strict({ type: z.literal('frames'), ...common }),
    strict({
      type: z.literal('http'),
      ...common,
      method: text().optional().describe('Default `POST`.'),
      path: text().optional().describe('Default `/entries`.'),
    }),
  ],
  {
    error: (issue) => {
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      return `expected one of "lines", "frames" or "http" (or a module workload), got ${JSON.stringify(type)}`;
    },
  },
);

const moduleWorkload = strict({
  module: text().describe('A file default-exporting `defineWorkload(...)`, relative to the scenario file.'),
  options: z.record(z.string(), z.unknown(), expecting('an object')).optional().describe('Passed to the workload as `options`.'),
});

const workload = either([builtinWorkload, moduleWorkload], `a built-in workload (type: ${BUILTIN.join(', ')}) or { module }`).describe(
  'The client traffic: a built-in workload or a module.',
);

const readbackObject = strict({
  lines: strict({
    query: text().optional().describe('Request line. Default `LIST`.'),
    entry: text().optional().describe('Each reply line. Default `{id} {payload}`.'),
    end: text().optional().describe('The line that ends the reply. Default `END`.'),
  })
    .optional()
    .describe('Query a line-protocol server over a direct connection.'),
  module: text().optional().describe('A file default-exporting `defineReadback(...)`, relative to the scenario file.'),
  file: text().optional().describe('A JSON-lines file the server wrote (one entry with an `id` per line), relative to the scenario file.'),
})
  .refine((value) => Object.keys(value).length <= 1, { error: 'give only one of lines, module or file' })
  .meta({ maxProperties: 1 });

const readback = either(
  [z.literal('builtin'), z.literal('none'), readbackObject],
  '"builtin", "none", { lines }, { module } or { file }',
).describe(
  'How to learn what the server kept, after the workload ended and faults were cleared. ' +
    'Default `builtin` for built-in workloads, `none` for module workloads.',
);

const expect = strict({
  delivery: oneOf(['exactly-once', 'at-least-once', 'at-most-once']).optional().describe('Default `exactly-once`.'),
  order: oneOf(['none', 'per-connection', 'total']).optional().describe('Default `none`.'),
  target: oneOf(['must-not-crash', 'may-crash']).optional().describe('`may-crash` turns `target-crashed` off. Default `must-not-crash`.'),
  closeWithin: integer(1)
    .optional()
    .describe('Milliseconds within which the server must close a connection whose peer is gone (`leaked`). Off by default.'),
  verdict: oneOf(['holds', 'violated']).optional().describe('`violated`: the scenario holds only when an anomaly is found. Default `holds`.'),
}).describe('What must hold.');

const generate = strict({
  actions: list(generateActionSchema, 1).optional().describe('Actions the search may use. Default `[destroy, reset]`.'),
  maxFaults: integer(1).optional().describe('Faults per plan, at most. Default 2.'),
  runs: integer(1).optional().describe('Plans to try. Default 100.'),
  seed: integer(-(2 ** 31), 2 ** 31 - 1).optional().describe('Seed of the search (fast-check), for replay.'),
  connections: list(integer(1), 1)
    .optional()
    .describe('Which connections faults may hit (numbers from 1). Default: every connection of the calibration run.'),
}).describe('Property search: which fault plans `sockfault check` generates.');

function buildSchema<F extends z.ZodType>(fault: F) {
  return strict(
    {
      name: text().describe('Names the scenario in reports.'),
      description: z.string(expecting('a string')).optional().describe('What the scenario shows, for reports.'),
      target,
      workload,
      readback: readback.optional(),
      expect: expect.optional(),
      faults: list(fault).optional().describe('The fixed fault plan of `sockfault run`.'),
      generate: generate.optional(),
      timeout: integer(1).optional().describe('Milliseconds bounding one whole run (workload + readback). Default 30000.'),
    },
    'a scenario object (name, target, workload, ...)',
  ).superRefine((scenario, context) => {
    if (scenario.readback === 'builtin' && 'module' in scenario.workload) {
      const message = 'builtin readback needs a built-in workload (lines, frames or http)';
      context.addIssue({ code: 'custom', path: ['readback'], input: scenario.readback, message });
    }
  });
}

/** Validates the shape of a scenario file; `faults` entries are checked by `validateFault`. */
export const scenarioInputSchema = buildSchema(z.unknown());

/** Compile-time guard: what the schema accepts is a `ScenarioInput` (faults apart). */
type Assignable<T extends U, U> = T;
export type ParsedScenarioInput = Assignable<z.output<typeof scenarioInputSchema>, Omit<ScenarioInput, 'faults'> & { faults?: unknown[] }>;

/** The JSON Schema (draft 2020-12) of scenario files, with a description on every field. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = buildSchema(faultJsonSchema).meta({
    title: 'sockfault scenario',
    description: 'A sockfault scenario file (YAML or JSON).',
  });
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}
