import { describe, expect, it } from '@jest/globals';
import { checkHistory } from '../../../src/checker/index.js';
import type { TransportEvent } from '../../../src/proxy/transport-log.js';

type Leg = 'client' | 'server';
const open = (connection: number, at = 0): TransportEvent => ({ type: 'open', at, connection });
const close = (connection: number, side: Leg, by: 'peer' | 'proxy', at: number): TransportEvent => ({
  type: 'close',
  at,
  connection,
  side,
  by,
  how: by === 'peer' ? 'fin' : 'rst',
});
const fin = (connection: number, side: Leg, by: 'peer' | 'proxy', at: number): TransportEvent => ({
  type: 'fin',
  at,
  connection,
  side,
  by,
});
const leaked = (transportLog: TransportEvent[], closeWithin: number | null = 100) =>
  checkHistory({ history: [], observations: [], transportLog, expect: closeWithin === null ? {} : { closeWithin } })
    .anomalies.filter((a) => a.kind === 'leaked')
    .map((a) => a.connection);

describe('checkHistory leaked', () => {
  it('is off unless expect.closeWithin is set', () => {
    expect(leaked([open(1), close(1, 'client', 'peer', 10)], null)).toEqual([]);
  });

  it('accepts a server FIN or close within closeWithin of the client leaving, boundary included', () => {
    expect(leaked([open(1), close(1, 'client', 'peer', 10), fin(1, 'server', 'peer', 110)])).toEqual([]);
    expect(leaked([open(1), close(1, 'client', 'peer', 10), close(1, 'server', 'peer', 60)])).toEqual([]);
  });

  it('accepts a server that closed before its client did', () => {
    expect(leaked([open(1), fin(1, 'server', 'peer', 5), close(1, 'client', 'peer', 500)])).toEqual([]);
  });

  it('reports a server that closed too late, only via the proxy, or never', () => {
    const log = [
      open(1),
      open(2),
      open(3),
      close(1, 'client', 'peer', 10),
      fin(1, 'server', 'proxy', 10), // the proxy mirroring the client's FIN is not the server closing
      fin(1, 'server', 'peer', 111),
      close(2, 'client', 'proxy', 20),
      close(2, 'server', 'proxy', 900), // teardown
      close(3, 'client', 'peer', 30),
    ];
    expect(leaked(log)).toEqual([1, 2, 3]);
    const details = checkHistory({ history: [], observations: [], transportLog: log, expect: { closeWithin: 100 } })
      .anomalies.map((a) => a.detail);
    expect(details).toEqual([
      'connection 1: the client left (fin) but the server did not close its side within 100 ms; it closed its side only 101 ms after the client left; no fault fired on connection 1',
      'connection 2: the client left (rst) but the server did not close its side within 100 ms; its side was only closed by the proxy, 880 ms after the client left; no fault fired on connection 2',
      'connection 3: the client left (fin) but the server did not close its side within 100 ms; its side was still open when the log ended; no fault fired on connection 3',
    ]);
  });

  it('starts the clock at the client\'s FIN: a half-closed client whose server never closes is leaked', () => {
    expect(leaked([open(1), fin(1, 'client', 'peer', 10)])).toEqual([1]);
    expect(leaked([open(1), fin(1, 'client', 'peer', 10), fin(1, 'server', 'peer', 60)])).toEqual([]);
  });

  it('ignores connections whose client is still there and connections refused at accept', () => {
    expect(leaked([open(1)])).toEqual([]);
    expect(leaked([open(1), fin(1, 'client', 'proxy', 10)])).toEqual([]);
    expect(leaked([{ type: 'refused', at: 1, connection: 4 }, close(4, 'client', 'proxy', 1)])).toEqual([]);
  });

  it('names the fault that made the client leave', () => {
    const verdict = checkHistory({
      history: [],
      observations: [],
      transportLog: [
        open(5),
        { type: 'fault', at: 40, connection: 5, action: 'reset', description: 'reset the client side on open on connection 5' },
        close(5, 'client', 'proxy', 40),
      ],
      expect: { closeWithin: 0 },
    });
    expect(verdict.anomalies[0]).toMatchObject({ kind: 'leaked', connection: 5, lastFault: { action: 'reset', at: 40 } });
    expect(verdict.anomalies[0]?.detail).toMatch(/; last fault on connection 5: reset the client side on open on connection 5$/);
  });
});
