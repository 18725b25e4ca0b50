import { describe, expect, it } from '@jest/globals';
import { describeFault } from '../../../src/faults/describe.js';
import { validateFault } from '../../../src/faults/validate.js';

const invalid = (input: unknown) => {
  try {
    validateFault(input, 'faults[0]');
  } catch (error) {
    return error as { code: string; location: string; message: string };
  }
  throw new Error('expected validateFault to throw');
};

describe('validateFault', () => {
  it('fills in the trigger and parameter defaults', () => {
    expect(validateFault({ action: 'reset' })).toEqual({
      at: { connection: 'any', direction: 'upstream' },
      action: 'reset',
      params: { side: 'both' },
    });
    expect(validateFault({ at: { connection: 2, direction: 'downstream', bytes: 10 }, action: 'fragment', max: 4 })).toEqual({
      at: { connection: 2, direction: 'downstream', bytes: 10 },
      action: 'fragment',
      params: { min: 1, max: 4 },
    });
  });

  it.each([
    [{ action: 'explode' }, 'faults[0].action', 'unknown action "explode"'],
    [{ action: 'reset', side: 'left' }, 'faults[0].side', 'expected one of "client", "server", "both"'],
    [{ action: 'reset', sdie: 'client' }, 'faults[0].sdie', 'unknown parameter for reset'],
    [{ action: 'delay', ms: -1 }, 'faults[0].ms', 'expected an integer from 0 to 600000, got -1'],
    [{ action: 'fragment', min: 5, max: 2 }, 'faults[0].max', 'must be at least min'],
    [{ action: 'throttle', bytesPerSecond: 1.5 }, 'faults[0].bytesPerSecond', 'expected an integer ≥ 1'],
    [{ action: 'stall', at: { bytes: 1, afterMs: 2 } }, 'faults[0].at', 'either bytes or afterMs'],
    [{ action: 'stall', at: { connection: 0 } }, 'faults[0].at.connection', 'expected an integer ≥ 1'],
    [{ action: 'stall', at: { direction: 'sideways' } }, 'faults[0].at.direction', 'expected "upstream" or "downstream"'],
    [{ action: 'stall', at: { byte: 3 } }, 'faults[0].at.byte', 'unknown trigger key'],
    [{ action: 'half-close', ms: 3 }, 'faults[0].ms', 'it takes none'],
    ['reset', 'faults[0]', 'expected a fault object'],
  ])('%j → ERR_INVALID_FAULT at %s', (input, location, message) => {
    const error = invalid(input);
    expect(error.code).toBe('ERR_INVALID_FAULT');
    expect(error.location).toBe(location);
    expect(error.message).toContain(message);
  });

  it('describes a fault in words', () => {
    const fault = validateFault({ at: { connection: 1, direction: 'upstream', bytes: 1534 }, action: 'reset' });
    expect(describeFault(fault)).toBe('reset both sides at 1,534 bytes upstream on connection 1');
    expect(describeFault(validateFault({ action: 'refuse', count: 2 }))).toBe('refuse 2 connections from the next connection');
  });
});
