import { describe, expect, it } from '@jest/globals';
import { pathToFileURL } from 'node:url';
import { normalizeScenario, validateScenario, type ScenarioInput } from '../../../src/scenario/index.js';

const base = { name: 'n', target: { module: './s.js' }, workload: { type: 'lines' } } as const satisfies ScenarioInput;

describe('normalizeScenario', () => {
  it('fills in the defaults of a minimal scenario', () => {
    expect(normalizeScenario(base, { dir: '/app' })).toEqual({
      name: 'n',
      dir: '/app',
      target: { module: '/app/s.js', reuse: true },
      workload: {
        type: 'lines',
        connections: 1,
        messages: 10,
        payload: { min: 1, max: 64 },
        pipeline: 1,
        retry: 'none',
        maxReconnects: 5,
        ackTimeout: 2000,
        send: 'PUT {id} {payload}',
        ack: 'OK {id}',
      },
      readback: 'builtin',
      expect: { delivery: 'exactly-once', order: 'none', target: 'must-not-crash', verdict: 'holds' },
      faults: [],
      generate: { actions: ['destroy', 'reset'], maxFaults: 2, runs: 100 },
      timeout: 30_000,
    });
  });

  it('defaults a command target and resolves its cwd against the scenario folder', () => {
    const scenario = normalizeScenario({ ...base, target: { command: ['node', 'server.js'], cwd: 'srv' } }, { dir: '/app' });
    expect(scenario.target).toEqual({
      command: ['node', 'server.js'],
      shell: false,
      env: {},
      cwd: '/app/srv',
      ready: 'port',
      readyTimeout: 10_000,
      stopGrace: 2000,
    });
    expect(normalizeScenario({ ...base, target: { command: 'node s.js', shell: true } }, { dir: '/app' }).target).toMatchObject({ cwd: '/app' });
  });

  it('gives module workloads no readback, and defaults http and frames options', () => {
    expect(normalizeScenario({ ...base, workload: { module: 'w.ts' } }, { dir: '/app' })).toMatchObject({
      workload: { module: '/app/w.ts', options: {} },
      readback: 'none',
    });
    expect(normalizeScenario({ ...base, workload: { type: 'http' } }, { dir: '/app' }).workload).toMatchObject({ method: 'POST', path: '/entries' });
    expect(normalizeScenario({ ...base, workload: { type: 'frames', payload: 0 } }, { dir: '/app' }).workload).toMatchObject({
      type: 'frames',
      payload: { min: 0, max: 0 },
    });
  });

  it('fills the lines readback query and resolves module and file readbacks', () => {
    const lines = normalizeScenario({ ...base, readback: { lines: { query: 'DUMP' } } }, { dir: '/app' });
    expect(lines.readback).toEqual({ lines: { query: 'DUMP', entry: '{id} {payload}', end: 'END' } });
    expect(normalizeScenario({ ...base, readback: { file: '/abs/out.jsonl' } }, { dir: '/app' }).readback).toEqual({ file: '/abs/out.jsonl' });
    const url = pathToFileURL('/elsewhere/read.js').href;
    expect(normalizeScenario({ ...base, readback: { module: url } }, { dir: '/app' }).readback).toEqual({ module: '/elsewhere/read.js' });
  });

  it('keeps what was given: address as written, seed, connections, closeWithin, description', () => {
    const scenario = normalizeScenario(
      {
        ...base,
        description: 'd',
        target: { address: 'localhost:7000' },
        expect: { delivery: 'at-least-once', closeWithin: 500 },
        generate: { seed: 7, connections: [2], runs: 3 },
      },
      { dir: '/app', file: '/app/s.yaml' },
    );
    expect(scenario).toMatchObject({ description: 'd', file: '/app/s.yaml', target: { address: 'localhost:7000' } });
    expect(scenario.expect).toEqual({ delivery: 'at-least-once', order: 'none', target: 'must-not-crash', verdict: 'holds', closeWithin: 500 });
    expect(scenario.generate).toEqual({ actions: ['destroy', 'reset'], maxFaults: 2, runs: 3, seed: 7, connections: [2] });
  });

  it('turns a bad fault into ERR_SCENARIO_INVALID naming the field, keeping the fault error as cause', () => {
    const bad = { ...base, faults: [{ action: 'reset' }, { action: 'reset', side: 'left' }] };
    expect(() => normalizeScenario(bad, { dir: '/app', file: 's.yaml' })).toThrow(
      expect.objectContaining({
        code: 'ERR_SCENARIO_INVALID',
        message: 's.yaml: faults[1].side: expected one of "client", "server", "both", got "left"',
        cause: expect.objectContaining({ code: 'ERR_INVALID_FAULT', location: 'faults[1].side' }),
      }),
    );
  });
});

describe('validateScenario', () => {
  it('checks an object of unknown shape and reports every problem by field path', () => {
    const input = { name: '', target: { command: [] }, workload: { type: 'lines', extra: 1 }, faults: [{ action: 'nope' }] };
    expect(() => validateScenario(input, { label: 'api' })).toThrow(
      [
        'api: name: expected a non-empty string, got ""',
        'api: target.command: expected at least 1 entry, got none',
        'api: workload.extra: unknown key "extra" in workload (expected one of: type, connections, messages, payload, pipeline, retry, maxReconnects, ackTimeout, send, ack)',
        'api: faults[0].action: unknown action "nope" (expected one of destroy, reset, half-close, stall, blackhole, fragment, coalesce, delay, throttle, refuse, kill-target, pause-target)',
      ].join('\n'),
    );
  });

  it('rejects a target with two kinds, an address that is not host:port, and a bad ready regex', () => {
    const both = { ...base, target: { module: 's.js', command: 'x' } };
    expect(() => validateScenario(both)).toThrow('<input>: target: expected one of command, module or address, got { module, command }');
    expect(() => validateScenario({ ...base, target: { address: 'localhost' } })).toThrow('target.address: expected "host:port", got "localhost"');
    expect(() => validateScenario({ ...base, target: { command: 'x', ready: { log: '(' } } })).toThrow('target.ready.log: invalid regular expression "("');
    expect(validateScenario({ ...base, target: { address: '[::1]:80' } }).target).toEqual({ address: '[::1]:80' });
  });

  it('rejects a readback with two sources', () => {
    expect(() => validateScenario({ ...base, readback: { module: 'a', file: 'b' } })).toThrow('<input>: readback: give only one of lines, module or file');
  });

  it('does not change its input', () => {
    const input = { ...base, generate: { actions: ['reset' as const] }, faults: [{ action: 'reset' }] };
    const copy = structuredClone(input);
    const scenario = validateScenario(input, { dir: '/app' });
    expect(input).toEqual(copy);
    expect(scenario.generate.actions).not.toBe(input.generate.actions);
  });
});
