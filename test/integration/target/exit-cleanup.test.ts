import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { pEvent } from 'p-event';
import { liveChildCount } from '../../../src/target/child-registry.js';
import { startTarget, type RunningTarget } from '../../../src/target/index.js';
import { FIXTURES, cleanUp, eventually, isAlive, nodeCommand, pidsOf } from './helpers.js';

// The harness under test runs in its own Node process (plain ESM, no Jest), built from
// src/target with esbuild, so that it can really die by SIGINT or an uncaught exception.
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sockfault-target-'));
  bundle = join(dir, 'target.mjs');
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../../../src/target/index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
  });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const targets: RunningTarget[] = [];
afterEach(() => cleanUp(targets, new Set()));

async function runHarness(mode: 'sigint' | 'throw' | 'exit'): Promise<{ pid: number; code: number | null; signal: string | null; stderr: string }> {
  const harness = spawn(process.execPath, [join(FIXTURES, 'harness.js'), bundle, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  harness.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  harness.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code, signal] = (await pEvent(harness, 'close', { timeout: 15_000, multiArgs: true })) as [number | null, string | null];
  const line = stdout.split('\n').find((text) => text.startsWith('{'));
  if (line === undefined) throw new Error(`the harness printed no pid (code ${String(code)}): ${stderr}`);
  return { pid: (JSON.parse(line) as { pid: number }).pid, code, signal, stderr };
}

describe('children do not outlive the harness', () => {
  it('kills them on SIGINT, then dies of SIGINT as usual', async () => {
    const result = await runHarness('sigint');
    expect(result.signal).toBe('SIGINT');
    await eventually(() => !isAlive(result.pid));
  });

  it('kills them on an uncaught exception, which still crashes the harness', async () => {
    const result = await runHarness('throw');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a bug in the harness');
    await eventually(() => !isAlive(result.pid));
  });

  it('kills them on process.exit()', async () => {
    const result = await runHarness('exit');
    expect(result.code).toBe(0);
    await eventually(() => !isAlive(result.pid));
  });

  it('listens to SIGINT, SIGTERM and exit only while a child is alive', async () => {
    const before = ['SIGINT', 'SIGTERM', 'exit'].map((event) => process.listenerCount(event));
    const target = await startTarget({ command: nodeCommand('echo-server.js') }, { dir: FIXTURES });
    targets.push(target);
    expect(['SIGINT', 'SIGTERM', 'exit'].map((event) => process.listenerCount(event))).toEqual(before.map((count) => count + 1));
    await target.stop();
    expect(['SIGINT', 'SIGTERM', 'exit'].map((event) => process.listenerCount(event))).toEqual(before);
    expect(liveChildCount()).toBe(0);
    expect(isAlive(pidsOf(target)[0]!)).toBe(false);
  });
});
