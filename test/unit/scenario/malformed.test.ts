import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { ACTION_NAMES } from '../../../src/faults/types.js';
import { loadScenario } from '../../../src/scenario/index.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/scenarios/${name}`, import.meta.url));

async function loadError(file: string): Promise<{ code: string; message: string; location?: string; cause?: unknown }> {
  try {
    await loadScenario(file);
  } catch (error) {
    return error as { code: string; message: string; location?: string; cause?: unknown };
  }
  throw new Error(`${file} loaded without an error`);
}

// [fixture, line, column, field path, message fragment]
const invalid: [string, number, number, string, string][] = [
  ['string-for-number.yaml', 7, 13, 'workload.messages', 'expected a positive integer, got "ten"'],
  ['wrong-type.yaml', 4, 9, 'expect', 'expected an object, got "exactly-once"'],
  ['unknown-top-level-key.yaml', 4, 1, 'timout', 'unknown key "timout" in the scenario (expected one of: name, description, target,'],
  ['unknown-nested-key.yaml', 5, 3, 'workload.conections', 'unknown key "conections" in workload (expected one of: type, connections, messages,'],
  ['missing-name.yaml', 2, 1, 'name', 'required key is missing'],
  ['missing-target.yaml', 1, 1, 'target', 'required key is missing'],
  ['bad-target.yaml', 3, 3, 'target', 'expected one of command, module or address, got { modul }'],
  ['target-option.yaml', 4, 10, 'target.reuse', 'expected true or false, got "sometimes"'],
  ['negative-messages.yaml', 3, 37, 'workload.messages', 'expected a positive integer, got -3'],
  ['bad-retry.yaml', 5, 10, 'workload.retry', 'expected "none" or "resend-unacked", got "resend"'],
  ['bad-delivery.yaml', 5, 13, 'expect.delivery', 'expected one of "exactly-once", "at-least-once" or "at-most-once", got "exactly-twice"'],
  ['bad-workload-type.yaml', 4, 9, 'workload.type', 'expected one of "lines", "frames" or "http" (or a module workload), got "line"'],
  ['unknown-fault-action.yaml', 7, 13, 'faults[1].action', 'unknown action "explode" (expected one of destroy, reset,'],
  ['fault-param-out-of-range.yaml', 6, 9, 'faults[0].ms', 'expected an integer from 0 to 600000, got 9999999'],
  ['bytes-and-after-ms.yaml', 6, 7, 'faults[0].at', 'give either bytes or afterMs, not both'],
  ['unknown-trigger-key.yaml', 5, 22, 'faults[0].at.conection', 'unknown trigger key (expected connection, direction, bytes or afterMs)'],
  ['generate-unknown-action.yaml', 5, 22, 'generate.actions[1]', 'unknown action "explode" (expected one of destroy, reset,'],
  ['generate-range-outside-spec.yaml', 8, 27, 'generate.actions[1].ms.max', 'expected an integer from 0 to 600000, got 700000'],
  ['payload-range.yaml', 5, 28, 'workload.payload.max', 'expected at least min (64), got 8'],
  ['builtin-readback-module-workload.yaml', 4, 11, 'readback', 'builtin readback needs a built-in workload'],
  ['bad-field.json', 4, 66, 'workload.connections', 'expected a positive integer, got "2"'],
];

describe('malformed scenario files: ERR_SCENARIO_INVALID with file:line:col, path and message', () => {
  it.each(invalid)('%s → %i:%i %s', async (name, line, column, path, fragment) => {
    const file = fixture(name);
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_INVALID');
    expect(error.location).toBe(`${file}:${line}:${column}`);
    const [first] = error.message.split('\n');
    expect(first?.startsWith(`${file}:${line}:${column}: ${path}: `)).toBe(true);
    expect(first).toContain(fragment);
  });

  it('keeps the fault validator error as the cause', async () => {
    const error = await loadError(fixture('unknown-fault-action.yaml'));
    expect((error.cause as { code?: string }).code).toBe('ERR_INVALID_FAULT');
    expect((error.cause as { location?: string }).location).toBe('faults[1].action');
  });

  it('reports every issue, one per line, in file order', async () => {
    const file = fixture('several-issues.yaml');
    const error = await loadError(file);
    expect(error.message.split('\n')).toEqual([
      `${file}:2:10: timeout: expected a positive integer, got -1`,
      `${file}:5:13: faults[0].action: unknown action "explode" (expected one of ${ACTION_NAMES.join(', ')})`,
      `${file}:8:13: workload.messages: expected a positive integer, got 0`,
      `${file}:9:13: workload.pipeline: expected a positive integer, got "many"`,
    ]);
    expect(error.location).toBe(`${file}:2:10`);
  });

  it('names the field path only for modules, which have no positions', async () => {
    const file = fixture('invalid-module.ts');
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_INVALID');
    expect(error.location).toBe(file);
    expect(error.message).toBe(`${file}: workload.messages: expected a positive integer, got 0`);
  });
});

// [fixture, line, column, message fragment]
const unreadable: [string, number, number, string][] = [
  ['yaml-syntax-error.yaml', 3, 1, 'invalid YAML: '],
  ['custom-tag.yaml', 4, 14, 'tags are not allowed in scenario files (found !!js/function)'],
  ['any-tag.yaml', 3, 36, 'tags are not allowed in scenario files (found !!int)'],
  ['alias.yaml', 3, 11, 'anchors are not allowed in scenario files (found &work)'],
  ['bad-syntax.json', 5, 1, 'invalid JSON: Expected double-quoted property name'],
];

describe('unreadable scenario files: ERR_SCENARIO_READ', () => {
  it.each(unreadable)('%s → %i:%i', async (name, line, column, fragment) => {
    const file = fixture(name);
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_READ');
    expect(error.location).toBe(`${file}:${line}:${column}`);
    expect(error.message.split('\n')[0]?.startsWith(`${file}:${line}:${column}: ${fragment}`)).toBe(true);
  });

  it('reports the alias as well as the anchor', async () => {
    const file = fixture('alias.yaml');
    const error = await loadError(file);
    expect(error.message.split('\n')[1]).toBe(`${file}:7:5: aliases are not allowed in scenario files (found *work)`);
  });

  it('rejects an unsupported extension before reading', async () => {
    const file = fixture('unsupported.toml');
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_READ');
    expect(error.location).toBe(file);
    expect(error.message).toContain('unsupported scenario file extension ".toml" (expected one of .yaml, .yml, .json, .ts, .mts, .js, .mjs)');
  });

  it.each(['missing.yaml', 'missing.ts'])('reports a missing file (%s)', async (name) => {
    const file = fixture(name);
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_READ');
    expect(error.location).toBe(file);
    expect(error.message).toContain('cannot read the scenario file: ENOENT');
    expect((error.cause as { code?: string }).code).toBe('ENOENT');
  });

  it('reports a module without a scenario export', async () => {
    const file = fixture('no-export.mjs');
    const error = await loadError(file);
    expect(error.code).toBe('ERR_SCENARIO_READ');
    expect(error.message).toBe(`${file}: the module exports no scenario (expected a default export or \`scenario\`)`);
  });
});
