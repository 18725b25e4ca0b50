/** Scenario files: load, parse, validate and default them; the JSON Schema for editors. */
export { defineScenario, loadScenario, parseScenario, type ScenarioFormat } from './load.js';
export { normalizeScenario } from './normalize.js';
export type { SourcePosition, SourcePositions } from './positions.js';
export { scenarioJsonSchema } from './schema.js';
export { validateScenario, type ValidateOptions } from './validate.js';
export type * from './types.js';
