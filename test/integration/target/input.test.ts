import { describe, expect, it } from '@jest/globals';
import { startTarget } from '../../../src/target/index.js';
import { liveChildCount } from '../../../src/target/child-registry.js';
import { FIXTURES, nodeCommand } from './helpers.js';

/** Starts `input` and returns the error's code and location (it must fail). */
async function failure(input: unknown, dir = FIXTURES): Promise<{ code: unknown; location: unknown; message: string }> {
  const error = (await startTarget(input as never, { dir }).then(
    () => new Error('expected the start to fail'),
    (e: unknown) => e,
  )) as { code?: unknown; location?: unknown; message: string };
  return { code: error.code, location: error.location, message: error.message };
}

describe('startTarget input', () => {
  it.each([
    ['not an object', 'nope', 'target'],
    ['no kind', {}, 'target'],
    ['two kinds', { command: ['x'], address: '127.0.0.1:1' }, 'target'],
    ['a string command without shell', { command: 'node server.js' }, 'target.command'],
    ['an empty command array', { command: [] }, 'target.command'],
    ['a command array with a number', { command: ['node', 1] }, 'target.command'],
    ['a non-boolean shell', { command: ['node'], shell: 'yes' }, 'target.shell'],
    ['a numeric env value', { command: ['node'], env: { A: 1 } }, 'target.env'],
    ['a bad ready', { command: ['node'], ready: 'soon' }, 'target.ready'],
    ['a bad ready.log regex', { command: ['node'], ready: { log: '(' } }, 'target.ready.log'],
    ['a negative ready.ms', { command: ['node'], ready: { ms: -1 } }, 'target.ready.ms'],
    ['a zero readyTimeout', { command: ['node'], readyTimeout: 0 }, 'target.readyTimeout'],
    ['a string stopGrace', { command: ['node'], stopGrace: '2s' }, 'target.stopGrace'],
    ['a missing cwd', { command: ['node'], cwd: './no-such-dir' }, 'target.cwd'],
    ['an empty module', { module: '' }, 'target.module'],
    ['a non-string address', { address: 8080 }, 'target.address'],
  ])('rejects %s with ERR_TARGET_START naming the field', async (_, input, field) => {
    const { code, location, message } = await failure(input);
    expect({ code, location }).toEqual({ code: 'ERR_TARGET_START', location: field });
    expect(message.startsWith(`${field}:`)).toBe(true);
  });

  it('suggests an array or shell: true for a string command', async () => {
    const { message } = await failure({ command: 'node server.js' });
    expect(message).toContain('["node","server.js"]');
    expect(message).toContain('shell: true');
  });

  it('reports a program that does not exist as ERR_TARGET_START', async () => {
    const { code, message } = await failure({ command: ['sockfault-no-such-program-xyz'] });
    expect(code).toBe('ERR_TARGET_START');
    expect(message).toContain('ENOENT');
    expect(liveChildCount()).toBe(0);
  });

  it('rejects missing options.dir with ERR_INVALID_ARGUMENT', async () => {
    await expect(startTarget({ command: nodeCommand('echo-server.js') }, {} as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
