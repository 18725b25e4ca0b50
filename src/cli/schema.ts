/**
 * `sockfault schema`: the JSON Schema of scenario files on stdout, for editors
 * (`sockfault schema > sockfault.schema.json`, then point the YAML/JSON language server at it).
 */
import { scenarioJsonSchema } from '../scenario/schema.js';
import { EXIT } from './exit-code.js';
import type { CliIo } from './io.js';

/** `sockfault schema`; returns 0. */
export function schemaCommand(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return EXIT.held;
}
