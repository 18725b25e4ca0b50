import { describe, expect, it } from '@jest/globals';
import { describeFault } from '../../../src/faults/describe.js';
import { ACTIONS } from '../../../src/faults/registry.js';
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
    [{ action: 'kill-target', signal: 'SIGSTOP' }, 'faults[0].signal', 'expected one of "SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", got "SIGSTOP"'],
    [{ action: 'kill-target', signal: 15 }, 'faults[0].signal', 'expected one of'],
    [{ action: 'kill-target', signal: 'sigterm' }, 'faults[0].signal', 'got "sigterm"'],
    ['reset', 'faults[0]', 'expected a fault object'],
  ])('%j → ERR_INVALID_FAULT at %s', (input, location, message) => {
    const error = invalid(input);
    expect(error.code).toBe('ERR_INVALID_FAULT');
    expect(error.location).toBe(location);
    expect(error.message).toContain(message);
  });

  it('kill-target takes a signal, SIGKILL by default', () => {
    expect(validateFault({ action: 'kill-target' }).params).toEqual({ signal: 'SIGKILL', restartAfterMs: undefined });
    for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP']) {
      expect(validateFault({ action: 'kill-target', signal, restartAfterMs: 0 }).params).toEqual({ signal, restartAfterMs: 0 });
    }
  });

  it('kill-target sends its signal to the target, and says which', async () => {
    const kills: unknown[] = [];
    const target = { kill: async (options: unknown) => void kills.push(options), pause: async () => {} };
    const fire = (input: Record<string, unknown>) => {
      const fault = validateFault({ action: 'kill-target', ...input });
      return ACTIONS['kill-target'].fireTarget!(target, fault.params).then(() => describeFault(fault));
    };
    expect(await fire({})).toBe('kill the target on open on any connection (upstream)');
    expect(await fire({ signal: 'SIGTERM', restartAfterMs: 0, at: { connection: 1, direction: 'downstream', bytes: 66 } })).toBe(
      'kill the target (SIGTERM), restart after 0 ms at 66 bytes downstream on connection 1',
    );
    expect(await fire({ signal: 'SIGHUP' })).toBe('kill the target (SIGHUP) on open on any connection (upstream)');
    expect(kills).toEqual([{ signal: 'SIGKILL' }, { signal: 'SIGTERM', restartAfterMs: 0 }, { signal: 'SIGHUP' }]);
  });

  it('describes a fault in words', () => {
    const fault = validateFault({ at: { connection: 1, direction: 'upstream', bytes: 1534 }, action: 'reset' });
    expect(describeFault(fault)).toBe('reset both sides at 1,534 bytes upstream on connection 1');
    expect(describeFault(validateFault({ action: 'refuse', count: 2 }))).toBe('refuse 2 connections from the next connection');
  });
});
