/** The calibration read from a fault-free run's transport log. */
import { describe, expect, it } from '@jest/globals';
import { calibratedBytes, calibrationOf } from '../../../src/property/calibrate.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';

function log(...events: TransportEvent[]): { transportLog: TransportEvent[] } {
  return { transportLog: events };
}

describe('calibrationOf', () => {
  it('takes the forwarded totals of every connection and direction, in connection order', () => {
    const calibration = calibrationOf(
      log(
        { type: 'open', at: 1, connection: 1 },
        { type: 'open', at: 1, connection: 2 },
        { type: 'bytes', at: 5, connection: 2, direction: 'upstream', forwarded: 963, dropped: 0 },
        { type: 'bytes', at: 5, connection: 2, direction: 'downstream', forwarded: 231, dropped: 0 },
        { type: 'bytes', at: 6, connection: 1, direction: 'upstream', forwarded: 903, dropped: 2 },
        { type: 'bytes', at: 6, connection: 1, direction: 'downstream', forwarded: 220, dropped: 0 },
      ),
    );
    expect(calibration).toEqual({
      connections: 2,
      bytes: [
        { connection: 1, upstream: 903, downstream: 220 },
        { connection: 2, upstream: 963, downstream: 231 },
      ],
    });
  });

  it('counts data events of a connection that never logged totals, and 0 for a silent one', () => {
    const calibration = calibrationOf(
      log(
        { type: 'open', at: 1, connection: 1 },
        { type: 'data', at: 2, connection: 1, direction: 'upstream', offset: 0, length: 10 },
        { type: 'data', at: 3, connection: 1, direction: 'upstream', offset: 10, length: 5 },
        { type: 'refused', at: 4, connection: 2 },
      ),
    );
    expect(calibration.bytes).toEqual([
      { connection: 1, upstream: 15, downstream: 0 },
      { connection: 2, upstream: 0, downstream: 0 },
    ]);
    expect(calibration.connections).toBe(2);
  });

  it('knows no connection when the workload opened none', () => {
    expect(calibrationOf(log({ type: 'listen', at: 0, host: '127.0.0.1', port: 1 }))).toEqual({ connections: 0, bytes: [] });
  });
});

describe('calibratedBytes', () => {
  const calibration = {
    connections: 2,
    bytes: [
      { connection: 1, upstream: 100, downstream: 7 },
      { connection: 2, upstream: 300, downstream: 5 },
    ],
  };

  it('is the connection’s own traffic, else the widest seen in that direction', () => {
    expect(calibratedBytes(calibration, 1, 'downstream')).toBe(7);
    expect(calibratedBytes(calibration, 3, 'upstream')).toBe(300);
    expect(calibratedBytes(calibration, 3, 'downstream')).toBe(7);
    expect(calibratedBytes({ connections: 0, bytes: [] }, 1, 'upstream')).toBe(0);
  });
});
