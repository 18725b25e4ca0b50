import { describe, expect, it } from '@jest/globals';
import { ACTIONS } from '../../../src/faults/registry.js';
import { ACTION_NAMES } from '../../../src/faults/types.js';
import { scenarioJsonSchema } from '../../../src/scenario/index.js';

// JSON Schema is walked freely here; its shape is what the assertions check.
type Json = any;

describe('scenarioJsonSchema', () => {
  const schema: Json = scenarioJsonSchema();

  it('describes every top-level key, strictly', () => {
    const keys = ['name', 'description', 'target', 'workload', 'readback', 'expect', 'faults', 'generate', 'timeout'];
    expect(Object.keys(schema.properties).sort()).toEqual([...keys].sort());
    expect(schema.required).toEqual(['name', 'target', 'workload']);
    expect(schema.additionalProperties).toBe(false);
    for (const key of keys) expect(typeof schema.properties[key].description).toBe('string');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('offers every fault action as one enum, each with its own strict parameters', () => {
    const fault = schema.properties.faults.items;
    expect(fault.properties.action.enum).toEqual([...ACTION_NAMES]);
    const branches: Json[] = fault.oneOf;
    expect(branches.map((branch) => branch.properties.action.const)).toEqual([...ACTION_NAMES]);
    for (const branch of branches) {
      const name: (typeof ACTION_NAMES)[number] = branch.properties.action.const;
      expect(Object.keys(branch.properties).sort()).toEqual(['action', 'at', ...Object.keys(ACTIONS[name].params)].sort());
      expect(branch.additionalProperties).toBe(false);
      expect(branch.properties.action.description).toBe(ACTIONS[name].doc);
    }
    const delay = branches[ACTION_NAMES.indexOf('delay')];
    expect(delay.properties.ms).toMatchObject({ type: 'integer', minimum: 0, maximum: 600_000, default: 100 });
  });

  it('lists the generate actions from the registry too', () => {
    const action = schema.properties.generate.properties.actions.items;
    expect(action.anyOf[0].enum).toEqual([...ACTION_NAMES]);
    expect((action.anyOf[1].oneOf as Json[]).map((branch) => branch.properties.action.const)).toEqual([...ACTION_NAMES]);
  });

  it('keeps defaults out of the schema (normalize fills them in)', () => {
    expect(schema.properties.timeout.default).toBeUndefined();
    expect(schema.properties.timeout.description).toContain('Default 30000');
  });
});
