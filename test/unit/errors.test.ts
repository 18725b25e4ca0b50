import { describe, expect, it } from '@jest/globals';
import { SockfaultError, hasCode } from '../../src/errors.js';

describe('SockfaultError', () => {
  it('carries a stable code, a location and the cause', () => {
    const cause = new Error('boom');
    const error = new SockfaultError('ERR_INVALID_FAULT', 'bad fault', { cause, location: 'faults[0].action' });
    expect(error.code).toBe('ERR_INVALID_FAULT');
    expect(error.location).toBe('faults[0].action');
    expect(error.cause).toBe(cause);
    expect(hasCode(error, 'ERR_INVALID_FAULT')).toBe(true);
    expect(hasCode(error, 'ERR_TIMEOUT')).toBe(false);
  });
});

describe('error codes', () => {
  it('every code is documented in the README, and the README lists no other', async () => {
    const { readFile } = await import('node:fs/promises');
    const { ERROR_CODES } = await import('../../src/errors.js');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Error codes'));
    const documented = new Set([...section.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((match) => match[1]));
    expect(documented).toEqual(new Set(Object.keys(ERROR_CODES)));
  });
});
