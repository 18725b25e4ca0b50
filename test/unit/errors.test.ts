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
