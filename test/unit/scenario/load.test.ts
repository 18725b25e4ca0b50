import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { defineScenario, loadScenario, parseScenario } from '../../../src/scenario/index.js';

const scenarios = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));

describe('bundled scenarios', () => {
  it('loads ledger.yaml with every default filled in', async () => {
    const scenario = await loadScenario(`${scenarios}ledger.yaml`);
    expect(scenario).toMatchObject({
      name: 'ledger',
      file: `${scenarios}ledger.yaml`,
      dir: scenarios.replace(/\/$/, ''),
      target: { module: `${scenarios}servers/ledger-server.js`, reuse: true },
      workload: {
        type: 'lines',
        connections: 2,
        messages: 20,
        pipeline: 4,
        retry: 'resend-unacked',
        payload: { min: 1, max: 64 },
        maxReconnects: 5,
        ackTimeout: 2000,
        send: 'PUT {id} {payload}',
        ack: 'OK {id}',
      },
      readback: 'builtin',
      expect: { delivery: 'exactly-once', order: 'none', target: 'must-not-crash', verdict: 'holds' },
      faults: [{ at: { connection: 1, direction: 'upstream', bytes: 100 }, action: 'reset', params: { side: 'both' } }],
      generate: { actions: ['destroy', 'reset'], maxFaults: 2, runs: 50 },
      timeout: 30_000,
    });
    expect(scenario.positions?.['faults[0].at.bytes']).toEqual({ line: 24, column: 54 });
  });

  it('loads ledger-no-dedup.yaml: the buggy server must be caught', async () => {
    const scenario = await loadScenario(`${scenarios}ledger-no-dedup.yaml`);
    expect(scenario.target).toEqual({ module: `${scenarios}servers/ledger-no-dedup.js`, reuse: true });
    expect(scenario.expect).toEqual({ delivery: 'exactly-once', order: 'none', target: 'must-not-crash', verdict: 'violated' });
    expect(scenario.faults).toEqual([{ at: { connection: 1, direction: 'downstream', bytes: 4 }, action: 'reset', params: { side: 'both' } }]);
    expect(scenario.workload).toMatchObject({ type: 'lines', connections: 2, messages: 20, pipeline: 4, retry: 'resend-unacked' });
  });
});

describe('other formats', () => {
  it('loads a TypeScript module exporting defineScenario(...)', async () => {
    const scenario = await loadScenario(`${fixtures}defined.ts`);
    expect(scenario).toMatchObject({
      name: 'defined-in-ts',
      target: { address: '127.0.0.1:7000' },
      workload: { module: `${fixtures}workload.ts`, options: { rate: 5 } },
      readback: 'none',
      faults: [{ at: { connection: 1, direction: 'upstream', bytes: 3 }, action: 'half-close', params: {} }],
      timeout: 5000,
    });
    expect(scenario.positions).toBeUndefined();
  });

  it('loads JSON with positions and resolves every path against the file', async () => {
    const scenario = await loadScenario(`${fixtures}valid.json`);
    expect(scenario).toMatchObject({
      target: { command: ['node', 'server.js'], shell: false, env: { MODE: 'fast' }, cwd: fixtures.replace(/\/$/, ''), ready: 'port', readyTimeout: 10_000, stopGrace: 2000 },
      workload: { type: 'http', path: '/log', method: 'POST', payload: { min: 16, max: 16 } },
      readback: { file: `${fixtures}out/entries.jsonl` },
      faults: [{ at: { connection: 2, direction: 'downstream', afterMs: 50 }, action: 'stall', params: { ms: 200 } }],
      generate: { actions: ['destroy', { action: 'fragment', min: 1, max: { min: 2, max: 8 } }], maxFaults: 2, runs: 100, seed: 42 },
    });
    expect(scenario.positions?.['workload.path']).toEqual({ line: 4, column: 41 });
  });

  it('defineScenario returns its input unchanged', () => {
    const input = { name: 'x', target: { module: './s.js' }, workload: { type: 'frames' as const } };
    expect(defineScenario(input)).toBe(input);
  });
});

describe('parseScenario', () => {
  it('parses YAML text, naming the file in messages and resolving paths against its folder', () => {
    const scenario = parseScenario('name: t\ntarget: { module: ../s.js }\nworkload: { module: w.js }\nreadback: { module: r.js }\n', {
      file: '/srv/app/scenarios/t.yaml',
    });
    expect(scenario.target).toEqual({ module: '/srv/app/s.js', reuse: true });
    expect(scenario.workload).toEqual({ module: '/srv/app/scenarios/w.js', options: {} });
    expect(scenario.readback).toEqual({ module: '/srv/app/scenarios/r.js' });
    expect(() => parseScenario('name: t\ntarget: { module: s.js }\nworkload: { type: lines, pipeline: 0 }\n', { file: 'x.yaml' })).toThrow(
      'x.yaml:3:36: workload.pipeline: expected a positive integer, got 0',
    );
  });

  it('parses JSON by format, and reports JSON errors at their line and column', () => {
    const text = '{ "name": "t", "target": { "module": "s.js" },\n  "workload": { "type": "frames" } }';
    expect(parseScenario(text, { format: 'json', dir: '/x' }).target).toEqual({ module: '/x/s.js', reuse: true });
    expect(() => parseScenario('{ "name": "t",\n  "target" 1 }', { file: 'x.json' })).toThrow('x.json:2:12: invalid JSON');
  });

  it('rejects duplicate keys in YAML and in JSON', () => {
    const duplicate = { code: 'ERR_SCENARIO_READ', location: 'd.yaml:2:1' };
    expect(() => parseScenario('name: a\nname: b\n', { file: 'd.yaml' })).toThrow(expect.objectContaining(duplicate));
    expect(() => parseScenario('{ "name": "a",\n"name": "b" }', { file: 'd.json' })).toThrow(
      expect.objectContaining({ code: 'ERR_SCENARIO_READ', location: 'd.json:2:1' }),
    );
  });

  it('reports a key missing inside a union option at the object that lacks it', () => {
    const text = 'name: t\ntarget: { module: s.js }\nworkload:\n  type: lines\n  payload: { min: 1 }\ngenerate:\n  actions:\n    - ms: 5\n';
    expect(() => parseScenario(text, { file: 'm.yaml' })).toThrow(
      ['m.yaml:5:12: workload.payload.max: required key is missing', 'm.yaml:8:7: generate.actions[0].action: required key is missing'].join('\n'),
    );
  });

  it('reports an empty document as a missing scenario', () => {
    expect(() => parseScenario('# nothing\n', { file: 'e.yaml' })).toThrow('e.yaml:1:1: expected a scenario object (name, target, workload, ...), got null');
  });
});
